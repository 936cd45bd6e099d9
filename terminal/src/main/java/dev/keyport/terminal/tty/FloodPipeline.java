package dev.keyport.terminal.tty;

import com.techsenger.jeditermfx.core.Terminal;
import com.techsenger.jeditermfx.core.TerminalDataStream;
import com.techsenger.jeditermfx.core.TerminalExecutorServiceManager;
import com.techsenger.jeditermfx.core.TerminalStarter;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.emulator.JediEmulator;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.typeahead.TerminalTypeAheadManager;

/**
 * Wires the flood path onto a {@link FastJediTerminal}: the history trimmer (on the terminal's fast
 * scroll and between reads), the optional line skipper, and the data stream the emulator reads.
 */
public final class FloodPipeline {

    private final HistoryTrimmer trimmer;
    private final InvisibleLineSkipper skipper;
    private final FloodDataStream stream;

    private FloodPipeline(HistoryTrimmer trimmer, InvisibleLineSkipper skipper, FloodDataStream stream) {
        this.trimmer = trimmer;
        this.skipper = skipper;
        this.stream = stream;
    }

    /**
     * @param beforeBlockingRead run on the emulator thread before a read that may block, or null
     */
    public static FloodPipeline wire(FastJediTerminal terminal, TtyConnector tty, FloodTuning tuning, Runnable beforeBlockingRead) {
        return wire(terminal, tty, tuning, beforeBlockingRead, 1000);
    }

    /** As above; {@code minDrop}: reads with fewer droppable lines are left alone (tests use small values). */
    public static FloodPipeline wire(FastJediTerminal terminal, TtyConnector tty, FloodTuning tuning, Runnable beforeBlockingRead,
            int minDrop) {
        HistoryTrimmer trimmer = new HistoryTrimmer(terminal.getTerminalTextBuffer(), tuning.scrollbackLines(), tuning.trimSlack());
        terminal.setHistoryTrimmer(trimmer);
        InvisibleLineSkipper skipper = tuning.skipInvisibleLines()
                ? new InvisibleLineSkipper(() -> tuning.skipThreshold(terminal.getTerminalHeight()), minDrop, terminal::isSimpleScrollState)
                : null;
        return new FloodPipeline(trimmer, skipper, new FloodDataStream(tty, tuning, trimmer, skipper, beforeBlockingRead));
    }

    /**
     * The emulator loop for this pipeline: JediTermFX's {@link TerminalStarter} reading this stream
     * through a {@link FastJediEmulator}.
     */
    public TerminalStarter starter(JediTerminal terminal, TtyConnector tty, TerminalTypeAheadManager typeAhead,
            TerminalExecutorServiceManager executors) {
        return new TerminalStarter(terminal, tty, stream, typeAhead, executors) {
            @Override
            protected JediEmulator createEmulator(TerminalDataStream dataStream, Terminal emulated) {
                return new FastJediEmulator(dataStream, emulated); // called from the constructor: no fields
            }
        };
    }

    public FloodDataStream stream() {
        return stream;
    }

    public HistoryTrimmer trimmer() {
        return trimmer;
    }

    /** The skipper, or null when the tuning turned it off. */
    public InvisibleLineSkipper skipper() {
        return skipper;
    }
}
