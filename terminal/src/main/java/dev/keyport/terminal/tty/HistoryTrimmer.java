package dev.keyport.terminal.tty;

import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

/**
 * The real scrollback cap. JediTermFX's own cap copies the whole history list for every line that
 * scrolls into a full history ({@code LinesBuffer.removeTopLines} builds a new list), so the history
 * is left uncapped inside JediTermFX and this class cuts it back to {@code keep} lines once
 * {@code slack} more have piled up: one copy per {@code slack} lines instead of one per line.
 * Call it on the emulator thread (the only writer of the buffer).
 */
public final class HistoryTrimmer {

    private final TerminalTextBuffer buffer;
    private final int keep;
    private final int slack;

    public HistoryTrimmer(TerminalTextBuffer buffer, int keep, int slack) {
        if (keep < 0 || slack < 0) {
            throw new IllegalArgumentException("keep and slack must not be negative: " + keep + ", " + slack);
        }
        this.buffer = buffer;
        this.keep = keep;
        this.slack = slack;
    }

    /** Trims to {@code keep} lines if the history holds more than {@code keep + slack}. */
    public void trim() {
        trimAbove(keep + slack);
    }

    /** Trims to {@code keep} lines if the history holds more than {@code limit}. */
    public void trimAbove(int limit) {
        if (buffer.getHistoryBuffer().getLineCount() <= limit) {
            return;
        }
        buffer.lock();
        try {
            LinesBuffer history = buffer.getHistoryBuffer();
            int excess = history.getLineCount() - keep;
            if (excess > 0) {
                history.removeTopLines(excess);
            }
        } finally {
            buffer.unlock();
        }
    }

    public int keep() {
        return keep;
    }

    public int slack() {
        return slack;
    }
}
