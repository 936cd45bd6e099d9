package dev.keyport.terminal.tty;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Drops, from one large read, the lines that can never reach the kept scrollback.
 *
 * <p>Only the "plain" prefix of the read is looked at: printable characters, CR, LF, HT, and the CSI
 * sequences {@code ESC [ params m} (colours) and {@code ESC [ params K} (erase in line). Such text
 * changes nothing but cell contents, the cursor and the current colours. If, after a cut point P
 * right after a CR LF, at least {@code threshold} more line feeds of plain text follow, every line
 * written before P scrolls off the screen and out of the kept history (scrollback + trim slack)
 * before anything else is parsed. So {@code [start, P)} is replaced by the colour sequences it holds
 * (from its last reset on) plus CR LF: the cursor column (0) and the colours at P are the same, and
 * the lines the dropped text would have made are pushed out by the rest just the same.
 *
 * <p>Used only while the terminal is on the main screen with a full-screen scroll region and origin
 * mode off ({@code terminalIsSimple}). What the user can see afterwards (screen, kept scrollback,
 * cursor, colours) is identical to parsing everything; {@code FastJediTerminalDifferentialTest}
 * checks that on random escape-heavy streams.
 */
public final class InvisibleLineSkipper {

    private final IntSupplier threshold;
    private final BooleanSupplier terminalIsSimple;
    private final int minDrop;
    private long droppedChars;
    private long droppedLines;

    /**
     * @param threshold        line feeds that must follow a cut: kept history + slack + 2 * rows + margin
     *                         (a supplier: the row count changes when the window is resized)
     * @param minDrop          below this many droppable lines a read is left alone
     * @param terminalIsSimple whether the terminal is in the state described above, asked per read
     */
    public InvisibleLineSkipper(IntSupplier threshold, int minDrop, BooleanSupplier terminalIsSimple) {
        this.threshold = threshold;
        this.minDrop = minDrop;
        this.terminalIsSimple = terminalIsSimple;
    }

    public long droppedChars() {
        return droppedChars;
    }

    public long droppedLines() {
        return droppedLines;
    }

    /** @return the new start: {@code buf[newStart, end)} is what the emulator must see instead of {@code buf[start, end)} */
    public int apply(char[] buf, int start, int end) {
        int needed = threshold.getAsInt();
        if (end - start < needed * 2 || !terminalIsSimple.getAsBoolean()) {
            return start;
        }
        // 1: the end of the plain prefix, and its line feeds
        int lineFeeds = 0;
        int i = start;
        int plainEnd = end;
        scan:
        while (i < end) {
            char c = buf[i];
            if (c >= 0x20 && c != 0x7f && (c < 0x80 || c >= 0xa0)) {
                i++;
                continue;
            }
            switch (c) {
                case '\n':
                    lineFeeds++;
                    i++;
                    continue;
                case '\r':
                case '\t':
                    i++;
                    continue;
                case 0x1b: {
                    int j = csiEnd(buf, i, end);
                    if (j < 0) {
                        plainEnd = i;
                        break scan;
                    }
                    i = j;
                    continue;
                }
                default:
                    plainEnd = i;
                    break scan;
            }
        }
        if (lineFeeds - needed < minDrop) {
            return start;
        }
        // 2: walk back from plainEnd over `needed` line feeds, then on to the nearest CR LF
        int seen = 0;
        int p = plainEnd - 1;
        for (; p >= start; p--) {
            if (buf[p] == '\n' && ++seen == needed) {
                break;
            }
        }
        for (p = p - 1; p > start; p--) {
            if (buf[p] == '\n' && buf[p - 1] == '\r') {
                break;
            }
        }
        if (p <= start) {
            return start;
        }
        seen++; // the line feed at p
        int cut = p + 1;
        // 3: the colours at the cut = the SGR sequences of [start, cut) from the last reset on
        int from = start;
        for (int q = cut - 1; q >= start; q--) {
            if (buf[q] == 0x1b) {
                int j = csiEnd(buf, q, cut);
                if (buf[j - 1] == 'm' && isReset(buf, q + 2, j - 1)) {
                    from = q;
                    break;
                }
            }
        }
        StringBuilder sgr = new StringBuilder();
        for (i = from; i < cut;) {
            if (buf[i] == 0x1b) {
                int j = csiEnd(buf, i, cut);
                if (buf[j - 1] == 'm') {
                    sgr.append(buf, i, j - i);
                }
                i = j;
            } else {
                i++;
            }
        }
        int newStart = cut - sgr.length() - 2;
        if (newStart < start) {
            return start; // cannot happen: [start, cut) holds those sequences plus at least one CR LF
        }
        sgr.getChars(0, sgr.length(), buf, newStart);
        buf[cut - 2] = '\r';
        buf[cut - 1] = '\n';
        droppedChars += newStart - start;
        droppedLines += lineFeeds - seen;
        return newStart;
    }

    /** Index after a complete {@code ESC [ params (m|K)} at i, or -1 for anything else or an incomplete one. */
    private static int csiEnd(char[] buf, int i, int end) {
        if (i + 1 >= end || buf[i + 1] != '[') {
            return -1;
        }
        for (int j = i + 2; j < end; j++) {
            char c = buf[j];
            if ((c >= '0' && c <= '9') || c == ';' || c == ':') {
                continue;
            }
            if (c == 'm') {
                return j + 1;
            }
            if (c == 'K') {
                for (int k = i + 2; k < j; k++) {
                    if (buf[k] == ':') {
                        return -1;
                    }
                }
                return j + 1;
            }
            return -1;
        }
        return -1;
    }

    /** An SGR whose first parameter is empty or 0 resets all attributes before the rest apply. */
    private static boolean isReset(char[] buf, int from, int to) {
        int k = from;
        while (k < to && buf[k] == '0') {
            k++;
        }
        return k == to || buf[k] == ';';
    }
}
