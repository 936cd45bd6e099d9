package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.keyport.app.Main;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.services.VaultHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** {@code keyport connect NAME -- COMMAND} against a real OpenSSH sshd, the host and its trusted key from the vault. */
class ConnectCommandTest {

    @TempDir
    static Path tmp;

    private static OpenSshServer sshd;
    private static Map<String, String> env;

    @BeforeAll
    static void saveAHost() throws Exception {
        sshd = OpenSshServer.start(tmp.resolve("sshd"), List.of());
        Path key = sshd.authorizeNewKey("id_ed25519");
        Path passwordFile = tmp.resolve("master.txt");
        Files.writeString(passwordFile, "connect master pw\n");
        env = new HashMap<>(Map.of("KEYPORT_DATA_DIR", tmp.resolve("vault").toString(),
                MasterPasswordInput.FILE_ENV, passwordFile.toString()));
        try (Vault vault = Vault.create(tmp.resolve("vault"), "connect master pw".toCharArray(), KdfParameters.FLOOR)) {
            vault.hosts().save(Host.create("build box", "127.0.0.1", sshd.port(), System.getProperty("user.name"),
                    new HostAuth.KeyFile(key.toString())));
            new VaultHostKeyStore(vault.hostKeys()).trust("127.0.0.1", sshd.port(),
                    PublicKeyEntry.parsePublicKeyEntry(sshd.hostPublicKey()).resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING));
        }
    }

    @AfterAll
    static void stop() {
        sshd.close();
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
