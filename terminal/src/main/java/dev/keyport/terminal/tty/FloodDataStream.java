package dev.keyport.terminal.tty;

import java.io.IOException;

import com.techsenger.jeditermfx.core.ArrayTerminalDataStream;
import com.techsenger.jeditermfx.core.TtyConnector;

/**
 * The emulator's input, in place of JediTermFX's stock stream (fixed 1,024-character reads): large
 * reads plus whatever the channel already holds (no added latency), the history trimmed between
 * reads, and optionally the invisible lines of a big read dropped before the emulator parses them.
 */
public final class FloodDataStream extends ArrayTerminalDataStream {

    private final TtyConnector tty;
    private final int chunk;
    private final HistoryTrimmer trimmer;
    private final InvisibleLineSkipper skipper;
    private final Runnable beforeBlockingRead;

    /**
     * @param skipper            null to parse everything
     * @param beforeBlockingRead run before a read that may block (the widget's type-ahead hook), or null
     */
    public FloodDataStream(TtyConnector tty, FloodTuning tuning, HistoryTrimmer trimmer, InvisibleLineSkipper skipper,
            Runnable beforeBlockingRead) {
        super(new char[Math.max(tuning.chunkChars(), tuning.readAheadChars())], 0, 0);
        this.tty = tty;
        this.chunk = tuning.chunkChars();
        this.trimmer = trimmer;
        this.skipper = skipper;
        this.beforeBlockingRead = beforeBlockingRead;
    }

    private void fill() throws IOException {
        trimmer.trim();
        if (beforeBlockingRead != null && !tty.ready()) {
            beforeBlockingRead.run();
        }
        myOffset = 0;
        int n = tty.read(myBuf, 0, Math.min(chunk, myBuf.length));
        if (n <= 0) {
            myLength = 0;
            throw new EOF();
        }
        while (n < myBuf.length && tty.ready()) {
            int more = tty.read(myBuf, n, Math.min(chunk, myBuf.length - n));
            if (more <= 0) {
                break;
            }
            n += more;
        }
        int start = skipper == null ? 0 : skipper.apply(myBuf, 0, n);
        myOffset = start;
        myLength = n - start;
    }

    /** Characters left in the current read (the emulator may look ahead this far without reading). */
    int available() {
        return myLength;
    }

    /** The character {@code i} places ahead, {@code i < available()}. */
    char peek(int i) {
        return myBuf[myOffset + i];
    }

    /** Consumes {@code n <= available()} characters the caller has looked at. */
    void skip(int n) {
        myOffset += n;
        myLength -= n;
    }

    @Override
    public char getChar() throws IOException {
        if (myLength == 0) {
            fill();
        }
        return super.getChar();
    }

    @Override
    public String readNonControlCharacters(int maxChars) throws IOException {
        if (myLength == 0) {
            fill();
        }
        return super.readNonControlCharacters(maxChars);
    }
}
