package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.keyport.app.Main;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.testing.CommandLineVault;
import dev.keyport.vault.crypto.KdfParameters;

/** {@code keyport connect NAME -- COMMAND} against a real OpenSSH sshd, the host and its trusted key from the vault. */
class ConnectCommandTest {

    @TempDir
    static Path tmp;

    private static CommandLineVault vault;
    private static Map<String, String> env;

    @BeforeAll
    static void saveAHost() throws Exception {
        vault = CommandLineVault.withBuildBox(tmp, "connect master pw");
        env = vault.env;
    }

    @AfterAll
    static void stop() {
        vault.close();
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        MasterPasswordInput input = new MasterPasswordInput(env, null, new ByteArrayInputStream(new byte[0]));
        CommandLine cli = new CommandLine(new Main(new CliEnvironment(env, input, Optional.of(KdfParameters.FLOOR))),
                new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> cls) throws Exception {
                        if (cls == ConnectCommand.class) {
                            return cls.cast(new ConnectCommand(new ByteArrayInputStream(new byte[0]), o, e, null));
                        }
                        return CommandLine.defaultFactory().create(cls);
                    }
                });
        cli.setErr(new PrintWriter(e, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsTheCommandOnTheSavedHostAndExitsWithItsStatus() {
        Run run = run("connect", "--batch", "build box", "--", "echo from-$((40+2)); exit 3");
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("from-42\n");
        assertThat(run.status()).isEqualTo(3);
    }

    @Test
    void anUnknownHostNameSaysSo() {
        Run run = run("connect", "--batch", "no such box", "--", "true");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("keyport: ").contains("no such box");
    }
}
