package dev.keyport.app.ui.terminal;

import dev.keyport.app.ui.KeyportHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.WindowWithOpenSshHost;
import dev.keyport.terminal.testing.FloodWorkload;
import dev.keyport.terminal.testing.JvmThreads;

/**
 * Not a test (skipped unless {@code -Dkeyport.bench=true}): the end-to-end flood figures. {@code cat}
 * of the 54.9 MB workload on a real OpenSSH sshd into a Keyport tab, twice in the same JVM (the first
 * pays for the JIT's warm-up); for each: the time until the line after it shows, the gaps between
 * JavaFX pulses meanwhile, and where the machine's CPU went. Then the pulse gaps of full repaints with
 * no output arriving. Run by {@code bench/flood.sh} (docs/benchmarks.md).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "keyport.bench", matches = "true")
class TerminalFloodBenchmark {

    @TempDir
    Path dir;

    @RegisterExtension
    final WindowWithOpenSshHost app = WindowWithOpenSshHost.trusted();

    @Test
    void catOfTheFloodWorkloadIntoATab(FxRobot robot) throws Exception {
        Path file = dir.resolve("flood.txt");
        long bytes = FloodWorkload.write(file, FloodWorkload.FULL_COUNT);
        KeyportHarness.fx(() -> app.window().open(app.host()));
        KeyportHarness.awaitPrompt(robot, app.window());
        KeyportTerminalWidget widget = (KeyportTerminalWidget) KeyportHarness.newestTab(app.window()).widget();
        KeyportHarness.fx(() -> widget.getTerminalPanel().getCanvas().requestFocus());
        System.out.printf("E2E setup: %s, prism %s, terminal %dx%d, %d cores, JVM max heap %d MB%n",
                System.getProperty("glass.platform", "desktop"), System.getProperty("prism.order", "default"),
                widget.getTerminalTextBuffer().getWidth(), widget.getTerminalTextBuffer().getHeight(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1_048_576);
        for (String run : List.of("first cat (cold JVM)", "second cat")) {
            flood(robot, widget, file, bytes, run);
        }
        System.out.printf("E2E idle: a full repaint on every pulse, no output arriving: pulse gaps %s%n", describe(idleRepaintGaps(widget, 200)));
    }

    private void flood(FxRobot robot, KeyportTerminalWidget widget, Path file, long bytes, String run) throws Exception {
        List<Long> gaps = new ArrayList<>();
        AnimationTimer timer = pulseGaps(gaps, null);
        robot.write("cat " + file + "; echo cat-done-$((6*7))");
        KeyportHarness.fx(timer::start);
        Map<String, Long> cpu0 = JvmThreads.cpuTicks();
        long[] sys0 = systemCpu();
        long t0 = System.nanoTime();
        robot.type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window(), "cat-done-42", Duration.ofSeconds(600));
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Long> cpu1 = JvmThreads.cpuTicks();
        long[] sys1 = systemCpu();
        KeyportHarness.fx(timer::stop);
        List<Long> sorted = WaitForAsyncUtils.asyncFx(() -> gaps.stream().sorted().toList()).get();
        System.out.printf("E2E %s: %.1f MB in %.2f s = %.2f MB/s; JavaFX pulse gaps %s; peak RSS of the JVM so far %d MB%n",
                run, bytes / 1e6, seconds, bytes / 1e6 / seconds, describe(sorted), vmHwmKb() / 1024);
        long jvm = 0;
        Map<String, Long> used = new HashMap<>();
        for (var e : cpu1.entrySet()) {
            long d = e.getValue() - cpu0.getOrDefault(e.getKey(), 0L);
            jvm += d;
            used.merge(e.getKey().replaceAll("[-#]?\\d*#\\d+$", "").replaceAll("\\d+$", ""), d, Long::sum);
        }
        StringBuilder hogs = new StringBuilder();
        used.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(7)
                .forEach(e -> hogs.append(String.format("%s %.2f s, ", e.getKey().trim(), e.getValue() / 100.0)));
        System.out.printf("E2E   CPU meanwhile: machine %.0f%% busy; this JVM %.2f s (%s...), sshd, cat and the rest %.2f s%n",
                100.0 * (sys1[0] - sys0[0]) / Math.max(1, sys1[1] - sys0[1]), jvm / 100.0, hogs,
                (sys1[0] - sys0[0] - jvm) / 100.0);
    }

    /** An AnimationTimer that records the gap between pulses (ms) and, if given, does something each pulse. */
    private static AnimationTimer pulseGaps(List<Long> gaps, Runnable eachPulse) {
        return new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last != 0) {
                    gaps.add((t - last) / 1_000_000);
                }
                last = t;
                if (eachPulse != null) {
                    eachPulse.run();
                }
            }
        };
    }

    /** Pulse gaps (ms, sorted) while the full screen is repainted on every pulse, with no output arriving. */
    private static List<Long> idleRepaintGaps(KeyportTerminalWidget widget, int pulses) throws Exception {
        List<Long> gaps = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        AnimationTimer[] timer = {null};
        timer[0] = pulseGaps(gaps, () -> {
            widget.getTerminalPanel().repaint();
            if (gaps.size() >= pulses) {
                timer[0].stop();
                done.countDown();
            }
        });
        KeyportHarness.fx(timer[0]::start);
        done.await(120, TimeUnit.SECONDS);
        return WaitForAsyncUtils.asyncFx(() -> gaps.stream().sorted().toList()).get();
    }

    private static String describe(List<Long> sorted) {
        return String.format("median %d ms, p99 %d ms, longest %d ms, %d of %d over 100 ms", percentile(sorted, 50),
                percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                sorted.stream().filter(g -> g > 100).count(), sorted.size());
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    /** {busy, total} jiffies of the whole machine, from /proc/stat. */
    private static long[] systemCpu() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    private static long vmHwmKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
