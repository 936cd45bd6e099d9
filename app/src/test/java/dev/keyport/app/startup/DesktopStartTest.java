package dev.keyport.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * {@code keyport} as started from the menu: the unlock dialog, the password, then the main window.
 * Between the dialog closing and the main window there is no window at all, and the JavaFX toolkit
 * used to exit right there (implicit exit), so the main window never came.
 */
class DesktopStartTest {

    @TempDir
    Path home;

    @Test
    void afterTheUnlockDialogTheMainWindowShows() throws Exception {
        Path dataDir = home.resolve("vault");
        try (Vault vault = Vault.create(dataDir, "start test password".toCharArray(), KdfParameters.FLOOR)) {
            vault.hosts().save(Host.create("web", "10.0.0.5", 22, "deploy", new HostAuth.Password()));
        }
        Path output = home.resolve("run.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Duser.home=" + home, "-Djava.io.tmpdir=" + home,
                "-Djava.awt.headless=true", "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Djavafx.cachedir=" + home.resolve("openjfx-cache"),
                "-cp", System.getProperty("java.class.path"),
                UnlockThenWindowRun.class.getName(), dataDir.toString(), "start test password");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("KEYPORT_MASTER_PASSWORD_FILE");
        builder.environment().remove("KEYPORT_DATA_DIR");
        Process process = builder.start();
        boolean ended = process.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(log).as("what the run printed").contains("MAIN WINDOW");
        assertThat(process.exitValue()).isZero();
    }
}
