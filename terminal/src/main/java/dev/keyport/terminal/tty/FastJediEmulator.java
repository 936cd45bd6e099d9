package dev.keyport.terminal.tty;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.techsenger.jeditermfx.core.Terminal;
import com.techsenger.jeditermfx.core.TerminalDataStream;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.JediEmulator;

/**
 * JediTermFX's emulator, with the three control sequences real output is made of taken without
 * building a {@code ControlSequence} object each time, when the whole sequence is already in the
 * {@link FloodDataStream}'s buffer and has the plain form {@code ESC [ digits (; digits)* final}:
 * <ul>
 * <li>SGR ({@code m}): the style stock JediTermFX computes from (current style, parameters) is
 * cached; a hit sets it at once, a miss lets stock compute it and remembers the result. The style
 * is therefore always stock's (equal plain styles are made one object, see {@link #canonical}).</li>
 * <li>EL ({@code K}) with at most one parameter, CUP ({@code H}, {@code f}) with none, one, or two
 * non-empty parameters: the same terminal call stock makes, with the same arguments and defaults.</li>
 * </ul>
 * Everything else, and any sequence split across reads, goes to the stock parser.
 */
public class FastJediEmulator extends JediEmulator {

    private static final int CACHE_SLOTS = 1024; // a power of two; colliding entries replace each other
    private static final int MAX_KEY_CHARS = 15; // 4 bits a character, plus the length, in a long
    private static final int MAX_STYLES = 4096;

    private final FloodDataStream stream;
    private final TextStyle[] cacheFrom = new TextStyle[CACHE_SLOTS];
    private final TextStyle[] cacheTo = new TextStyle[CACHE_SLOTS];
    private final long[] cacheKey = new long[CACHE_SLOTS];
    private final Map<TextStyle, TextStyle> styles = new HashMap<>();

    public FastJediEmulator(TerminalDataStream dataStream, Terminal terminal) {
        super(dataStream, terminal);
        this.stream = dataStream instanceof FloodDataStream flood ? flood : null;
    }

    @Override
    public void processChar(char ch, Terminal terminal) throws IOException {
        if (ch == 0x1b && stream != null && plainCsi(terminal)) {
            return;
        }
        super.processChar(ch, terminal);
    }

    /** Handles {@code [ params final} at the stream's position if it is one of the plain cases; false leaves the stream alone. */
    private boolean plainCsi(Terminal terminal) throws IOException {
        int available = stream.available();
        if (available < 2 || stream.peek(0) != '[') {
            return false;
        }
        long key = 0;
        int semicolons = 0;
        int[] values = {0, 0};
        int digitsInArg = 0;
        int mostDigits = 0;
        boolean emptyArg = false;
        int i = 1;
        for (; i < available; i++) {
            char c = stream.peek(i);
            if (c >= '0' && c <= '9') {
                if (semicolons < 2) {
                    values[semicolons] = values[semicolons] * 10 + (c - '0');
                }
                digitsInArg++;
                mostDigits = Math.max(mostDigits, digitsInArg);
                key = (key << 4) | (c - '0' + 1);
            } else if (c == ';') {
                emptyArg |= digitsInArg == 0;
                digitsInArg = 0;
                semicolons++;
                key = (key << 4) | 11;
            } else {
                break;
            }
        }
        if (i >= available) {
            return false; // the rest of the sequence is in the next read
        }
        if (mostDigits > 6) {
            return false; // stock's int arithmetic, overflow included, decides
        }
        char finalChar = stream.peek(i);
        int paramChars = i - 1;
        emptyArg |= semicolons > 0 && digitsInArg == 0;
        switch (finalChar) {
            case 'm': {
                if (paramChars > MAX_KEY_CHARS) {
                    return false;
                }
                key |= (long) paramChars << 60;
                TextStyle current = terminal.getStyleState().getCurrent();
                int slot = slot(current, key);
                if (cacheFrom[slot] == current && cacheKey[slot] == key) {
                    stream.skip(i + 1);
                    terminal.characterAttributes(cacheTo[slot]);
                    return true;
                }
                super.processChar((char) 0x1b, terminal); // stock parses and applies it
                TextStyle result = canonical(terminal);
                cacheFrom[slot] = current;
                cacheKey[slot] = key;
                cacheTo[slot] = result;
                return true;
            }
            case 'K':
                if (semicolons > 0) {
                    return false;
                }
                stream.skip(i + 1);
                terminal.eraseInLine(paramChars == 0 ? 0 : values[0]);
                return true;
            case 'H':
            case 'f':
                if (semicolons > 1 || emptyArg) {
                    return false;
                }
                stream.skip(i + 1);
                terminal.cursorPosition(semicolons == 1 ? values[1] : 1, paramChars == 0 ? 1 : values[0]);
                return true;
            default:
                return false;
        }
    }

    /**
     * Stock builds a new style object for every SGR it computes, and the cache is keyed by the
     * object, so without this the cache would never stop missing: each result would be a new key.
     * Equal plain styles are therefore made one object (hyperlink styles, another class, are left
     * alone); a cell's colours and attributes are the same either way.
     */
    private TextStyle canonical(Terminal terminal) {
        TextStyle result = terminal.getStyleState().getCurrent();
        if (result.getClass() != TextStyle.class) {
            return result;
        }
        if (styles.size() >= MAX_STYLES) {
            styles.clear();
        }
        TextStyle known = styles.putIfAbsent(result, result);
        if (known != null && known != result) {
            terminal.characterAttributes(known);
            return known;
        }
        return result;
    }

    private static int slot(TextStyle style, long key) {
        long h = System.identityHashCode(style) * 0x9E3779B97F4A7C15L ^ key * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29)) & (CACHE_SLOTS - 1);
    }
}
