package dev.keyport.app.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Start-up timings for {@code bench/startup.sh} (docs/benchmarks.md), off unless the system
 * property {@code keyport.startup.trace} names a file. Each mark appends "PHASE EPOCH_MILLIS CPU_MILLIS"
 * to it (the CPU time the whole process, all threads, has used so far: on a shared machine the figure
 * that does not grow with the load); the first line is the JVM's own start. With {@code keyport.startup.exitAfter=PHASE} Keyport
 * exits as soon as that phase is marked (the benchmark's cold starts, and the class-data-sharing
 * archive's training run).
 */
public final class StartupTrace {

    private static final String FILE = System.getProperty("keyport.startup.trace", "");
    private static final String EXIT_AFTER = System.getProperty("keyport.startup.exitAfter", "");
    private static boolean started;

    private StartupTrace() {
    }

    public static boolean enabled() {
        return !FILE.isEmpty();
    }

    /** Records {@code phase} now (and the JVM's start, the first time). */
    public static synchronized void mark(String phase) {
        if (!enabled()) {
            return;
        }
        long now = System.currentTimeMillis();
        StringBuilder lines = new StringBuilder();
        if (!started) {
            started = true;
            lines.append("jvm-start ").append(ManagementFactory.getRuntimeMXBean().getStartTime()).append('\n');
        }
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        lines.append(phase).append(' ').append(now).append(' ').append(cpu).append('\n');
        try {
            Files.writeString(Path.of(FILE), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("keyport: startup trace: " + e.getMessage());
        }
        if (phase.equals(EXIT_AFTER)) {
            System.exit(0);
        }
    }

    /** Marks {@code phase} once the next window that shows has laid out and handed its first frame to the renderer. */
    public static void markFirstFrameOfNextWindow(String phase) {
        if (!enabled()) {
            return;
        }
        ObservableList<Window> windows = Window.getWindows();
        windows.addListener(new ListChangeListener<Window>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                while (change.next()) {
                    for (Window window : change.getAddedSubList()) {
                        windows.removeListener(this);
                        markNextFrame(window.getScene(), phase);
                        return;
                    }
                }
            }
        });
    }

    /** Marks {@code phase} after the next pulse of {@code scene} (layout done, frame handed to the renderer). Call on the FX thread. */
    public static void markNextFrame(Scene scene, String phase) {
        if (!enabled() || scene == null) {
            return;
        }
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            Platform.runLater(() -> mark(phase)); // runs after this pulse, once its frame is handed over
        };
        scene.addPostLayoutPulseListener(listener[0]);
        Platform.requestNextPulse();
    }
}
