package dev.keyport.app.ui.terminal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.jetbrains.annotations.NotNull;

import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.TerminalExecutorServiceManager;
import com.techsenger.jeditermfx.core.TerminalStarter;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;

import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.tty.FastJediTerminal;
import dev.keyport.terminal.tty.FloodPipeline;
import dev.keyport.terminal.tty.FloodTuning;

/**
 * The JediTermFX widget with Keyport's flood path wired in through its protected factories: the
 * emulator is a {@link FastJediTerminal}, and it reads through a {@link FloodPipeline} that keeps the
 * scrollback at the user's setting. Bytes stay on the emulator thread; the panel repaints on its own
 * timer (a fast scroll only sets its repaint flag). The emulator runs below the JavaFX threads'
 * priority, and the canvas is not cached as a bitmap, so that a flood cannot starve the painting.
 */
final class KeyportTerminalWidget extends JediTermFxWidget {

    private final FloodTuning tuning;
    private volatile FloodPipeline pipeline;

    KeyportTerminalWidget(int columns, int rows, TerminalSettings settings) {
        super(columns, rows, settings); // settings leave JediTermFX's own history cap off: the pipeline trims
        this.tuning = FloodTuning.forScrollback(settings.scrollbackLines());
        // JediTermFX caches the canvas as a bitmap, but the canvas changes on every frame of a flood, so the
        // cache is rebuilt each time: a second full-size copy per frame, for nothing (docs/benchmarks.md).
        getTerminalPanel().getCanvas().setCache(false);
    }

    /**
     * As JediTermFX's default, except that the emulator runs at the lower priority of flood threads
     * (see {@link BackgroundPriority}). Typed input keeps the normal priority on the fast-job thread.
     */
    @Override
    protected @NotNull TerminalExecutorServiceManager createExecutorServiceManager() {
        // called from the super constructor: no fields here
        ScheduledThreadPoolExecutor fastJobs = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "JediTerm-fast-job"));
        // started now, from this (UI) thread: a thread started later by the emulator would inherit its lower priority
        fastJobs.prestartAllCoreThreads();
        ExecutorService emulators = Executors.newCachedThreadPool(BackgroundPriority.threadFactory("JediTerm-", false));
        return new TerminalExecutorServiceManager() {
            @Override
            public @NotNull ScheduledExecutorService getSingleThreadScheduledExecutor() {
                return fastJobs;
            }

            @Override
            public @NotNull ExecutorService getUnboundedExecutorService() {
                return emulators;
            }

            @Override
            public void shutdownWhenAllExecuted() {
                if (!fastJobs.isShutdown()) {
                    fastJobs.execute(fastJobs::shutdown);
                }
                emulators.shutdown();
            }
        };
    }

    /** The panel with Keyport's bell (visual, sound or off: {@link KeyportTerminalPanel}). */
    @Override
    protected @NotNull TerminalPanel createTerminalPanel(@NotNull SettingsProvider settings, @NotNull StyleState style,
            @NotNull TerminalTextBuffer buffer) {
        // called from the super constructor: use only the arguments here (the settings are the constructor's TerminalSettings)
        return new KeyportTerminalPanel((TerminalSettings) settings, buffer, style);
    }

    @Override
    protected @NotNull JediTerminal createTerminal(@NotNull TerminalDisplay display, @NotNull TerminalTextBuffer buffer,
            @NotNull StyleState style) {
        // called from the super constructor: use only the arguments here
        return new FastJediTerminal(display, buffer, style) {
            @Override
            protected void onFastChange() {
                if (display instanceof TerminalPanel panel) {
                    panel.repaint();
                }
            }
        };
    }

    @Override
    protected TerminalStarter createTerminalStarter(@NotNull JediTerminal terminal, @NotNull TtyConnector connector) {
        FloodPipeline wired = FloodPipeline.wire((FastJediTerminal) terminal, connector, tuning,
                getTypeAheadManager()::onTerminalStateChanged);
        pipeline = wired;
        return wired.starter(terminal, connector, getTypeAheadManager(), getExecutorServiceManager());
    }

    /** The settings' font changed (Settings or zoom): measure the cells again and resize the terminal to fit. */
    void fontChanged() {
        ((KeyportTerminalPanel) getTerminalPanel()).fontChanged();
    }

    /** Lines of scrollback this terminal keeps. */
    int scrollbackLines() {
        return tuning.scrollbackLines();
    }

    /** The current session's pipeline (null before a session starts); for tests and diagnostics. */
    FloodPipeline pipeline() {
        return pipeline;
    }
}
