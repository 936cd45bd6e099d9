package dev.keyport.terminal.tty;

/**
 * How a terminal keeps up with a flood of output.
 *
 * @param scrollbackLines   lines of history kept (the user's setting)
 * @param trimSlack         extra lines allowed to pile up before the history is cut back in one go
 * @param chunkChars        characters asked of the connector per read
 * @param readAheadChars    characters the emulator may take in one go when the channel already holds them
 * @param skipInvisibleLines drop, before the emulator, plain-text lines that can never reach the kept
 *                          scrollback (see {@link InvisibleLineSkipper})
 */
public record FloodTuning(int scrollbackLines, int trimSlack, int chunkChars, int readAheadChars, boolean skipInvisibleLines) {

    public static final int DEFAULT_SCROLLBACK = 10_000;

    public FloodTuning {
        if (scrollbackLines < 0 || trimSlack < 0 || chunkChars < 1 || readAheadChars < 0) {
            throw new IllegalArgumentException("invalid flood tuning: " + scrollbackLines + ", " + trimSlack + ", "
                    + chunkChars + ", " + readAheadChars);
        }
    }

    /** Keyport's defaults for a given scrollback: 64K reads, up to 2M read ahead, slack of a fifth (at least 200 lines). */
    public static FloodTuning forScrollback(int scrollbackLines) {
        return new FloodTuning(scrollbackLines, Math.max(200, scrollbackLines / 5), 64 * 1024, 2 * 1024 * 1024, true);
    }

    public FloodTuning withSkipInvisibleLines(boolean skip) {
        return new FloodTuning(scrollbackLines, trimSlack, chunkChars, readAheadChars, skip);
    }

    public FloodTuning withReads(int chunk, int readAhead) {
        return new FloodTuning(scrollbackLines, trimSlack, chunk, readAhead, skipInvisibleLines);
    }

    /** Line feeds that must follow a cut for the skipper: kept history + slack + twice the screen + a margin. */
    int skipThreshold(int rows) {
        return scrollbackLines + trimSlack + 2 * rows + 64;
    }
}
