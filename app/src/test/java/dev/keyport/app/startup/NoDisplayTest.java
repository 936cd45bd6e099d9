package dev.keyport.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.Main;

/**
 * {@code keyport} started where no window can open (a terminal without a desktop, SSH without -X, a
 * display that is gone) says so and exits, instead of waiting forever for a toolkit that never started.
 * Real processes, the real desktop toolkit (GTK), no Monocle.
 */
class NoDisplayTest {

    @TempDir
    Path home;

    @Test
    void withoutDisplayKeyportSaysWhatToDoAndExits() throws Exception {
        Run run = keyport(null);

        assertThat(run.ended()).as("keyport ended (it used to wait forever)").isTrue();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Keyport's window needs a graphical display, and DISPLAY is not set here")
                .contains("keyport --help");
        assertThat(home.resolve("vault").resolve("vault.header")).as("no vault made for a window that could not open").doesNotExist();
    }

    @Test
    void aDisplayThatCannotBeReachedIsNamedAndKeyportExits() throws Exception {
        String display = unusedDisplay();

        Run run = keyport(display);

        assertThat(run.ended()).as("keyport ended (it used to wait forever)").isTrue();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Keyport's window could not open").contains("DISPLAY=" + display)
                .contains("keyport --help");
    }

    @Test
    void theCheckLooksForADisplayOnlyWhereOneIsNeeded() {
        assertThat(DisplayCheck.problem("Linux", Map.of(), null)).isPresent();
        assertThat(DisplayCheck.problem("Linux", Map.of("DISPLAY", " "), null)).isPresent();
        assertThat(DisplayCheck.problem("Linux", Map.of("DISPLAY", ":0"), null)).isEmpty();
        assertThat(DisplayCheck.problem("Linux", Map.of(), "Monocle")).as("headless Monocle").isEmpty();
        assertThat(DisplayCheck.problem("Mac OS X", Map.of(), null)).isEmpty();
        assertThat(DisplayCheck.problem("Windows 11", Map.of(), null)).isEmpty();
    }

    private record Run(boolean ended, int exitCode, String output) {
    }

    private Run keyport(String display) throws Exception {
        Path output = home.resolve("run.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Duser.home=" + home, "-Djava.io.tmpdir=" + home,
                "-Djavafx.cachedir=" + home.resolve("openjfx-cache"),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--data-dir", home.resolve("vault").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("KEYPORT_MASTER_PASSWORD_FILE");
        builder.environment().remove("KEYPORT_DATA_DIR");
        builder.environment().remove("WAYLAND_DISPLAY");
        if (display == null) {
            builder.environment().remove("DISPLAY");
        } else {
            builder.environment().put("DISPLAY", display);
        }
        Process process = builder.start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        return new Run(ended, ended ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
    }

    /** A display number no X server has here. */
    private static String unusedDisplay() {
        for (int n = 190; n < 250; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return ":" + n;
            }
        }
        throw new IllegalStateException("no free display number between 190 and 249");
    }
}
