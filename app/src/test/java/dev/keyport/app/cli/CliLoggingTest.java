package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.Main;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** keyport as its own process: results on stdout, nothing else on stderr unless -v, the log in the data folder. */
class CliLoggingTest {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run keyport(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KEYPORT_DATA_DIR", tmp.resolve("data").toString());
        builder.environment().put(MasterPasswordInput.FILE_ENV, tmp.resolve("pw").toString());
        builder.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    @Test
    void aCommandIsQuietOnStderrWithTheFullLogInTheDataFolderAndVerboseShowsIt() throws Exception {
        Files.writeString(tmp.resolve("pw"), "logging pw\n");
        Vault.create(tmp.resolve("data"), "logging pw".toCharArray(), KdfParameters.FLOOR).close();

        Run list = keyport("host", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("No hosts yet");
        assertThat(list.err()).isEmpty();
        Path log = tmp.resolve("data").resolve("logs").resolve("keyport.log");
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Vault unlocked in").contains("Vault locked");

        Run failing = keyport("host", "rm", "nothing-called-this");
        assertThat(failing.exit()).isEqualTo(1);
        assertThat(failing.err().lines().toList()).containsExactly("keyport: There is no host called nothing-called-this. See: keyport host list");

        Run verbose = keyport("host", "list", "-v");
        assertThat(verbose.exit()).isZero();
        assertThat(verbose.err()).contains("Vault unlocked in");
    }
}
