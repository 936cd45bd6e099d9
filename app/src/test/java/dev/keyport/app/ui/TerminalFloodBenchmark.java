package dev.keyport.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.animation.AnimationTimer;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.keyport.terminal.testing.FloodWorkload;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.Host;

/**
 * Not a test (skipped unless {@code -Dkeyport.bench=true}): the end-to-end flood figure. {@code cat}
 * of the 54.9 MB workload on a real OpenSSH sshd into a headless Keyport tab; prints the time until
 * the line after it shows, and the longest gap between JavaFX pulses meanwhile. Run by
 * {@code bench/flood.sh} (docs/benchmarks.md).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "keyport.bench", matches = "true")
class TerminalFloodBenchmark {

    @TempDir
    Path dir;

    private OpenSshServer sshd;
    private KeyportHarness app;
    private Stage stage;
    private Host host;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        sshd = OpenSshServer.start(dir.resolve("sshd"), List.of());
        app = KeyportHarness.open(dir.resolve("data"), () -> this.stage);
        host = app.saveHostFor(sshd, "OpenSSH box", true);
        app.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
        sshd.close();
    }

    @Test
    void catOfTheFloodWorkloadIntoATab(FxRobot robot) throws Exception {
        Path file = dir.resolve("flood.txt");
        long bytes = FloodWorkload.write(file, FloodWorkload.FULL_COUNT);
        KeyportHarness.fx(() -> app.window.open(host));
        KeyportHarness.awaitPrompt(robot, app.window);
        KeyportHarness.fx(() -> KeyportHarness.newestTab(app.window).widget().getTerminalPanel().getCanvas().requestFocus());

        long[] pulse = {0, 0, 0, 0}; // last pulse, longest gap (ns), pulses, gaps over 100 ms
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (pulse[0] != 0) {
                    pulse[1] = Math.max(pulse[1], t - pulse[0]);
                    pulse[3] += t - pulse[0] > 100_000_000 ? 1 : 0;
                }
                pulse[2]++;
                pulse[0] = t;
            }
        };
        robot.write("cat " + file + "; echo cat-done-$((6*7))");
        KeyportHarness.fx(timer::start);
        long t0 = System.nanoTime();
        robot.type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window, "cat-done-42", Duration.ofSeconds(600));
        double seconds = (System.nanoTime() - t0) / 1e9;
        KeyportHarness.fx(timer::stop);
        System.out.printf("E2E cat of %.1f MB over SSH (OpenSSH sshd, real PTY) into a headless Keyport tab: %.2f s = %.2f MB/s;"
                + " longest JavaFX pulse gap %d ms (%d of %d pulse gaps over 100 ms); peak RSS of the test JVM %d MB (max heap %d MB)%n",
                bytes / 1e6, seconds, bytes / 1e6 / seconds, pulse[1] / 1_000_000, pulse[3], pulse[2], vmHwmKb() / 1024,
                Runtime.getRuntime().maxMemory() / 1_048_576);
    }

    private static long vmHwmKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
