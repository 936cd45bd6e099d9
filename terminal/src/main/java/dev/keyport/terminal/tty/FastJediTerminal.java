package dev.keyport.terminal.tty;

import java.util.ArrayList;
import java.util.List;

import org.jetbrains.annotations.NotNull;

import com.techsenger.jeditermfx.core.RequestOrigin;
import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.CharBuffer;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
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

    // No field initialisers: super() calls setScrollingRegion() before they would run.
    private TerminalTextBuffer buffer;
    private TerminalDisplay display;
    private StyleState styles;
    private int regionTop;
    private int regionBottom;
    private char[] nulChars;
    private HistoryTrimmer trimmer;

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
                    onFastScroll();
                    return;
                }
            } finally {
                buffer.unlock();
            }
        }
        super.scrollY();
    }

    /**
     * Called after a fast scroll, which cannot fire the buffer's (package-private) model event.
     * A widget asks its panel to repaint here.
     */
    protected void onFastScroll() {
    }

    @Override
    public void writeCharacters(String string) {
        int x = getX();
        int y = getY();
        if (x < getTerminalWidth() && y >= 1 && y <= getTerminalHeight()) {
            buffer.lock();
            try {
                TerminalLine line = buffer.getLine(y - 1);
                List<TerminalLine.TextEntry> entries = line.getEntries();
                int n = entries.size();
                if (n > 0 && entries.get(n - 1).isNul()) {
                    TerminalLine.TextEntry tail = entries.get(n - 1);
                    int total = 0;
                    for (TerminalLine.TextEntry entry : entries) {
                        total += entry.getLength();
                    }
                    int start = total - tail.getLength();
                    if (x == start) {
                        line.deleteCharacters(start, tail.getLength(), TextStyle.EMPTY); // keeps the wrapped flag
                        try {
                            super.writeCharacters(string);
                        } finally {
                            int length = 0;
                            for (TerminalLine.TextEntry entry : line.getEntries()) {
                                length += entry.getLength();
                            }
                            if (length < total) {
                                line.writeString(length, nuls(total - length), tail.getStyle());
                            }
                        }
                        return;
                    }
                }
            } finally {
                buffer.unlock();
            }
        }
        super.writeCharacters(string);
    }

    private CharBuffer nuls(int n) { // a TextEntry copies its CharBuffer, so sharing the zeroed array is safe
        if (nulChars == null || nulChars.length < n) {
            nulChars = new char[Math.max(n, 512)];
        }
        return new CharBuffer(nulChars, 0, n);
    }
}
