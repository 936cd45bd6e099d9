package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.keyport.app.Main;
import dev.keyport.app.instance.SingleInstance;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** With no Keyport window running, the commands that the window would serve work on the vault as before, or say what to do. */
class CommandLineWithoutTheWindowTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        Path passwordFile = dir.resolve("master.txt");
        Files.writeString(passwordFile, "master pw for no window\n");
        Map<String, String> env = Map.of("KEYPORT_DATA_DIR", dir.resolve("data").toString(), MasterPasswordInput.FILE_ENV, passwordFile.toString());
        CommandLine cli = new CommandLine(new Main(new CliEnvironment(env, new MasterPasswordInput(env, null, new ByteArrayInputStream(new byte[0])),
                Optional.of(KdfParameters.FLOOR))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void commandsWorkOnTheVaultItselfOrSayWhatToDo() throws Exception {
        try (Vault vault = Vault.create(dir.resolve("data"), "master pw for no window".toCharArray(), KdfParameters.FLOOR)) {
            vault.hosts().save(Host.create("db", "10.0.0.5", 22, "deploy", new HostAuth.Password()));
        }
        Files.createFile(dir.resolve("data").resolve(SingleInstance.SOCKET_FILE)); // as a crashed window leaves it: nobody listens

        Run list = run("host", "list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("db").contains("deploy@10.0.0.5:22");

        Run connect = run("connect", "db");
        assertThat(connect.status()).isEqualTo(1);
        assertThat(connect.err()).isEqualTo("keyport: Give a command to run on db (keyport connect db -- COMMAND), or open the Keyport"
                + " window first: beside it, keyport connect db opens a tab there." + System.lineSeparator());

        Run down = run("tunnel", "down", "db-tunnel");
        assertThat(down.status()).isEqualTo(1);
        assertThat(down.err()).contains("No Keyport window is running, so no tunnel is on");
    }
}
