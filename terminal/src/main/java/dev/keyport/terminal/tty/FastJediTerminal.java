package dev.keyport.terminal.tty;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.jetbrains.annotations.NotNull;

import com.techsenger.jeditermfx.core.RequestOrigin;
import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.emulator.charset.CharacterSet;
import com.techsenger.jeditermfx.core.emulator.charset.GraphicSetState;
import com.techsenger.jeditermfx.core.model.CharBuffer;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.StoredCursor;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.util.CharUtils;
import com.techsenger.jeditermfx.core.util.TermSize;

/**
 * JediTermFX's emulator with its two flood hot paths done through public buffer calls; the result is
 * cell-for-cell the stock one (the differential test {@code FastJediTerminalDifferentialTest} checks it).
 * <ul>
 * <li>A line feed at the bottom of a full-screen scroll region moves the top screen lines into the
 * history directly instead of the stock path (three temporary buffers per line).</li>
 * <li>Text written where a line's blank filler starts is appended instead of merged into the line
 * (the stock {@code TerminalLine.merge} rebuilds the whole line per write).</li>
 * </ul>
 * The text buffer's own history cap must be off (negative): a {@link HistoryTrimmer} is the cap.
 */
public class FastJediTerminal extends JediTerminal {

    /** Never written to: a type-ahead line whose every cell reads as blank. */
    private static final TerminalLine BLANK_LINE = new TerminalLine();

    // No field initialisers: super() calls setScrollingRegion() before they would run.
    private TerminalTextBuffer buffer;
    private TerminalDisplay display;
    private StyleState styles;
    private int regionTop;
    private int regionBottom;
    private char[] nulChars;
    private HistoryTrimmer trimmer;
    private GraphicSetState charsets;
    private boolean cursorYChanged;
    private boolean cursorSaved;
    private boolean hyperlinkFilters;

    public FastJediTerminal(TerminalDisplay display, TerminalTextBuffer buffer, StyleState styles) {
        super(display, buffer, styles);
        this.buffer = buffer;
        this.display = display;
        this.styles = styles;
    }

    /** Also trim the history on the fast scroll path, so it stays bounded within one big read too. */
    public void setHistoryTrimmer(HistoryTrimmer trimmer) {
        this.trimmer = trimmer;
    }

    @Override
    public void setScrollingRegion(int top, int bottom) {
        super.setScrollingRegion(top, bottom);
        regionTop = Math.max(1, top);
        regionBottom = Math.min(getTerminalHeight(), bottom);
    }

    @Override
    public void resize(@NotNull TermSize size, @NotNull RequestOrigin origin) {
        int oldHeight = getTerminalHeight();
        super.resize(size, origin);
        regionBottom += getTerminalHeight() - oldHeight; // as JediTerminal moves its own private region
    }

    /** True while plain text can only scroll the whole screen into the history (main screen, full region). */
    public boolean isSimpleScrollState() {
        return regionTop == 1 && regionBottom == getTerminalHeight() && !isOriginMode() && !buffer.isUsingAlternateBuffer();
    }

    /**
     * As stock, but atomic for the painter: stock JediTermFX moves the cursor below the screen before
     * it takes the buffer lock to scroll, so a repaint in between reads a line past the bottom (and
     * logs "Attempt to get line out of bounds"). Rare in ordinary output, hundreds of times in a flood.
     */
    @Override
    public void newLine() {
        buffer.lock();
        try {
            super.newLine();
            cursorYChanged = true;
        } finally {
            buffer.unlock();
        }
    }

    @Override
    public void scrollY() {
        int height = getTerminalHeight();
        int y = getY();
        if (y > height && regionTop == 1 && regionBottom == height && y - height < height) {
            int count = y - height;
            buffer.lock();
            try {
                LinesBuffer screen = buffer.getScreenBuffer();
                if (screen.getLineCount() == height) {
                    display.scrollArea(1, height, -count);
                    List<TerminalLine> out = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        out.add(screen.getLine(i));
                    }
                    screen.removeTopLines(count);
                    buffer.getHistoryBuffer().addLines(out);
                    TextStyle filler = styles.getCurrent().createEmptyWithColors(); // the stock filler style
                    int width = getTerminalWidth();
                    for (int i = 0; i < count; i++) {
                        screen.getLine(height - count + i).writeString(0, nuls(width), filler);
                    }
                    setY(height);
                    display.setCursor(getX(), height);
                    if (trimmer != null) {
                        trimmer.trim();
                    }
                    onFastChange();
                    return;
                }
            } finally {
                buffer.unlock();
            }
        }
        super.scrollY();
    }

    /**
     * Called after a fast scroll or a fast erase, which cannot fire the buffer's (package-private)
     * model event. A widget asks its panel to repaint here.
     */
    protected void onFastChange() {
    }

    /**
     * Erase to the end of the line (EL 0, what a progress bar sends after each CR) rebuilds the line
     * once from its kept entries instead of through stock's whole-line merge. Stock also re-runs the
     * hyperlink filters on the erased line; Keyport adds none, so a caller that does must say so.
     */
    public void setHyperlinkFiltersInUse(boolean inUse) {
        hyperlinkFilters = inUse;
    }

    @Override
    public void eraseInLine(int arg) {
        if (arg != 0 || hyperlinkFilters) {
            super.eraseInLine(arg);
            return;
        }
        buffer.lock();
        try {
            int x = getX();
            int y = getY();
            if (x >= getTerminalWidth() || y < 1 || y > getTerminalHeight()) {
                super.eraseInLine(arg);
                return;
            }
            TerminalLine line = buffer.getLine(y - 1);
            int total = 0;
            for (TerminalLine.TextEntry entry : line.getEntries()) {
                total += entry.getLength();
            }
            if (x >= total) {
                super.eraseInLine(arg);
                return;
            }
            TextStyle filler = styles.getCurrent().createEmptyWithColors(); // what stock erases with
            if (x == 0) {
                line.clear(new TerminalLine.TextEntry(filler, new CharBuffer(CharUtils.NUL_CHAR, total))); // also unwraps
            } else {
                line.deleteCharacters(x, total - x, filler); // the kept cells, then blank filler to the old length
                line.setWrapped(false);
            }
            onFastChange();
        } finally {
            buffer.unlock();
        }
    }

    /**
     * Stock semantics, without the stock per-write costs: the string is normalised (NFC) and given
     * its double-width gaps only when it holds characters that need it ({@link #cells}); text written
     * where a line's blank filler starts is appended, text written over a line rebuilds it once; the
     * cursor check is done from the entries. Anything unusual (a wrap, a C1 character, a character set
     * other than ASCII, the cursor landing on half a surrogate pair) goes the stock way.
     */
    @Override
    public void writeCharacters(String string) {
        char[] cells = charsetsArePlain() ? cells(string) : null;
        int x = getX();
        int width = getTerminalWidth();
        if (cells == null || cells.length == 0 || x + cells.length > width) {
            stockWrite(string);
            return;
        }
        buffer.lock();
        try {
            int y = getY();
            if (y < 1 || y > getTerminalHeight()) {
                stockWrite(string);
                return;
            }
            if (cursorYChanged) { // as stock: the first text after the cursor changed line ends the line above's wrap
                cursorYChanged = false;
                if (y > 1) {
                    buffer.getLine(y - 2).setWrapped(false);
                }
            }
            scrollY();
            y = getY();
            TerminalLine line = buffer.getLine(y - 1);
            List<TerminalLine.TextEntry> entries = line.getEntries();
            int total = 0;
            int after = x + cells.length;
            char afterChar = CharUtils.EMPTY_CHAR;
            for (int i = 0, n = entries.size(); i < n; i++) {
                TerminalLine.TextEntry entry = entries.get(i);
                int length = entry.getLength();
                if (after >= total && after < total + length) {
                    afterChar = entry.getText().charAt(after - total);
                }
                total += length;
            }
            if (Character.isLowSurrogate(afterChar)) {
                stockWrite(string); // stock leaves the cursor on half a pair, which setX cannot
                return;
            }
            TerminalLine.TextEntry tail = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            CharBuffer text = new CharBuffer(cells, 0, cells.length);
            if (tail != null && tail.isNul() && x == total - tail.getLength()) {
                TextStyle tailStyle = tail.getStyle();
                line.deleteCharacters(x, tail.getLength(), TextStyle.EMPTY); // keeps the wrapped flag
                buffer.writeString(x, y, text); // appends
                if (after < total) {
                    line.writeString(after, nuls(total - after), tailStyle);
                }
            } else if (x < total && !hyperlinkFilters) {
                overwrite(line, x, text, styles.getCurrent(), total);
                onFastChange();
            } else {
                buffer.writeString(x, y, text);
            }
            moveCursorX(line, after);
            display.setCursor(after, y);
            scrollY();
        } finally {
            buffer.unlock();
        }
    }

    /**
     * Writes {@code text} over {@code line} from {@code x} with the cells stock's merge would give,
     * by rebuilding the line from slices of its entries (array copies) instead of stock's per-cell merge.
     */
    private static void overwrite(TerminalLine line, int x, CharBuffer text, TextStyle style, int total) {
        List<TerminalLine.TextEntry> old = new ArrayList<>(line.getEntries()); // clear() empties the live list
        int end = x + text.length();
        boolean first = true;
        int at = 0;
        int pos = 0;
        for (TerminalLine.TextEntry entry : old) { // the cells before x
            int length = entry.getLength();
            if (pos >= x) {
                break;
            }
            int take = Math.min(length, x - pos);
            CharBuffer slice = take == length ? entry.getText() : entry.getText().subBuffer(0, take);
            at = append(line, first, at, slice, entry.getStyle());
            first = false;
            pos += length;
        }
        at = append(line, first, at, text, style);
        pos = 0;
        for (TerminalLine.TextEntry entry : old) { // the cells after the text
            int length = entry.getLength();
            if (pos + length > end) {
                int from = Math.max(0, end - pos);
                CharBuffer slice = from == 0 ? entry.getText() : entry.getText().subBuffer(from, length - from);
                at = append(line, false, at, slice, entry.getStyle());
            }
            pos += length;
        }
        if (at != Math.max(total, end)) {
            throw new IllegalStateException("line rebuilt to " + at + " cells, not " + Math.max(total, end));
        }
    }

    private static int append(TerminalLine line, boolean first, int at, CharBuffer text, TextStyle style) {
        if (first) {
            boolean wrapped = line.isWrapped();
            line.clear(new TerminalLine.TextEntry(style, text)); // copies the text; clear() unwraps
            line.setWrapped(wrapped);
        } else {
            line.writeString(at, text, style); // at the end: appends a copy
        }
        return at + text.length();
    }

    /** Stock's cell check of a cursor move ({@code adjustXY}) without its read of the whole line as a String. */
    private void moveCursorX(TerminalLine line, int x) {
        if (line.getTypeAheadLine() != null) {
            setX(x);
            return;
        }
        line.setTypeAheadLine(BLANK_LINE); // the check reads the type-ahead line when there is one: a blank cell
        try {
            setX(x);
        } finally {
            line.setTypeAheadLine(null);
        }
    }

    /**
     * As stock, but the cell check of the move (stock's private {@code adjustXY}: is the target half a
     * surrogate pair?) is done here from the line's entries instead of by stock building the whole
     * line as a String, when the target is on the screen and not half a pair.
     */
    @Override
    public void cursorPosition(int x, int y) {
        if (buffer == null) { // from the super constructor (reset)
            super.cursorPosition(x, y);
            return;
        }
        buffer.lock();
        try {
            int row = isOriginMode() ? y + regionTop - 1 : y; // stock's own clamping, to find the line it will check
            row = Math.max(0, Math.min(row, regionBottom));
            int column = Math.min(Math.max(0, x - 1), getTerminalWidth() - 1);
            if (row >= 1 && row <= getTerminalHeight()) {
                TerminalLine line = buffer.getLine(row - 1);
                if (line.getTypeAheadLine() == null && !Character.isLowSurrogate(cellAt(line, column))) {
                    line.setTypeAheadLine(BLANK_LINE);
                    try {
                        super.cursorPosition(x, y);
                    } finally {
                        line.setTypeAheadLine(null);
                    }
                    return;
                }
            }
            super.cursorPosition(x, y);
        } finally {
            buffer.unlock();
        }
    }

    /** What stock's {@code TerminalLine.charAt} answers, without building the line's text. */
    private static char cellAt(TerminalLine line, int x) {
        int pos = 0;
        for (TerminalLine.TextEntry entry : line.getEntries()) {
            if (entry.getText().isNul()) {
                break;
            }
            if (x < pos + entry.getLength()) {
                return entry.getText().charAt(x - pos);
            }
            pos += entry.getLength();
        }
        return CharUtils.EMPTY_CHAR;
    }

    /**
     * The stock write. Stock JediTermFX's own "cursor changed line" flag is not cleared by the fast
     * path, so a stale one would end the wrap of the line above here: that line's flag is kept.
     */
    private void stockWrite(String string) {
        buffer.lock();
        try {
            int y = getY();
            TerminalLine above = !cursorYChanged && y >= 2 && y - 2 < getTerminalHeight() ? buffer.getLine(y - 2) : null;
            boolean wrapped = above != null && above.isWrapped();
            super.writeCharacters(string);
            if (above != null) {
                above.setWrapped(wrapped);
            }
            if (!string.isEmpty()) {
                cursorYChanged = false;
            }
        } finally {
            buffer.unlock();
        }
    }

    /**
     * The cells stock JediTermFX would write for {@code s}, when the character set mapping is the
     * identity: the text in NFC (normalised only when a character at or above U+0300 could change),
     * with a DWC gap after each character whose code point is double width, exactly as stock lays
     * them out (a surrogate pair gets its gap after the high half). Null for C1 controls, which
     * stock maps to other characters.
     */
    private char[] cells(String s) {
        boolean checkNfc = false;
        boolean maybeWide = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0xa0) {
                return null;
            }
            maybeWide = true;
            if (c >= 0x300) {
                checkNfc = true;
            }
        }
        if (checkNfc && !Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        int n = s.length();
        int wide = 0;
        boolean ambiguous = display.ambiguousCharsAreDoubleWidth();
        if (maybeWide) {
            for (int i = 0; i < n; i++) {
                if (s.charAt(i) >= 0xa0 && CharUtils.isDoubleWidthCharacter(Character.codePointAt(s, i), ambiguous)) {
                    wide++;
                }
            }
        }
        char[] cells = new char[n + wide];
        if (wide == 0) {
            s.getChars(0, n, cells, 0);
            return cells;
        }
        for (int i = 0, j = 0; i < n; i++) {
            char c = s.charAt(i);
            cells[j++] = c;
            if (c >= 0xa0 && CharUtils.isDoubleWidthCharacter(Character.codePointAt(s, i), ambiguous)) {
                cells[j++] = CharUtils.DWC;
            }
        }
        return cells;
    }

    // --- a mirror of the emulator's (private) character set state, kept through the public calls that change it

    private boolean charsetsArePlain() {
        GraphicSetState state = charsets();
        return state.getGLOverrideIndex() < 0 && state.getGL().getDesignation() == CharacterSet.ASCII;
    }

    private GraphicSetState charsets() {
        if (charsets == null) {
            charsets = new GraphicSetState();
        }
        return charsets;
    }

    @Override
    public void designateCharacterSet(int tableNumber, char ch) {
        super.designateCharacterSet(tableNumber, ch);
        GraphicSetState state = charsets();
        state.designateGraphicSet(state.getGraphicSet(tableNumber), ch);
    }

    @Override
    public void mapCharsetToGL(int num) {
        super.mapCharsetToGL(num);
        charsets().setGL(num);
    }

    @Override
    public void mapCharsetToGR(int num) {
        super.mapCharsetToGR(num);
        charsets().setGR(num);
    }

    @Override
    public void singleShiftSelect(int num) {
        super.singleShiftSelect(num);
        charsets().overrideGL(num);
    }

    @Override
    public void setAnsiConformanceLevel(int level) {
        super.setAnsiConformanceLevel(level);
        if (level == 1 || level == 2) { // the parts stock sets on its state directly
            charsets().designateGraphicSet(0, CharacterSet.ASCII);
            charsets().designateGraphicSet(1, CharacterSet.DEC_SUPPLEMENTAL);
        }
    }

    @Override
    public void saveCursor() {
        super.saveCursor();
        new StoredCursor(0, 0, TextStyle.EMPTY, false, false, charsets()); // as stock's: consumes a single shift
        cursorSaved = true;
    }

    @Override
    public void restoreCursor() {
        boolean saved = cursorSaved;
        super.restoreCursor(); // with a saved cursor this calls restoreCursor(StoredCursor)
        if (!saved) {
            charsets().resetState();
        }
    }

    @Override
    public void restoreCursor(@NotNull StoredCursor stored) {
        super.restoreCursor(stored);
        GraphicSetState state = charsets();
        CharacterSet[] designations = stored.getDesignations();
        for (int i = 0; i < designations.length; i++) {
            state.designateGraphicSet(i, designations[i]);
        }
        state.setGL(stored.getGLMapping());
        state.setGR(stored.getGRMapping());
        if (stored.getGLOverride() >= 0) {
            state.overrideGL(stored.getGLOverride());
        }
    }

    @Override
    public void reset(boolean clearScrollBackBuffer) {
        super.reset(clearScrollBackBuffer);
        charsets().resetState();
        cursorYChanged = false;
    }

    // --- stock's "cursor changed line" flag, mirrored: set where stock sets it

    @Override
    public void cursorUp(int countY) {
        super.cursorUp(countY);
        cursorYChanged = true;
    }

    @Override
    public void cursorDown(int dY) {
        super.cursorDown(dY);
        cursorYChanged = true;
    }

    private CharBuffer nuls(int n) { // a TextEntry copies its CharBuffer, so sharing the zeroed array is safe
        if (nulChars == null || nulChars.length < n) {
            nulChars = new char[Math.max(n, 512)];
        }
        return new CharBuffer(nulChars, 0, n);
    }
}
