package dev.keyport.app.ui.terminal;

import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.ui.TerminalActionPresentation;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;

import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.terminal.tty.FloodTuning;

/**
 * Terminal look and behaviour for every tab: a dark scheme (Primer Dark's colours) in both app themes,
 * and the scrollback (lines of history kept, default 10,000).
 */
public final class TerminalSettings extends DefaultSettingsProvider {


    private static final TerminalColor FOREGROUND = TerminalColor.rgb(201, 209, 217);
    private static final TerminalColor BACKGROUND = TerminalColor.rgb(13, 17, 23);

    static final String FIND_ACTION = "Find";
    private static final float FONT_SIZE = 14f;
    private float fontSize = FONT_SIZE;
    private Font font = pickFont(FONT_SIZE);
    private final int scrollbackLines;

    TerminalSettings() {
        this(FloodTuning.DEFAULT_SCROLLBACK);
    }

    public TerminalSettings(int scrollbackLines) {
        if (!TerminalPreferences.validScrollback(scrollbackLines)) {
            throw new IllegalArgumentException("Scrollback must be between " + TerminalPreferences.MIN_SCROLLBACK + " and " + TerminalPreferences.MAX_SCROLLBACK
                    + " lines, not " + scrollbackLines);
        }
        this.scrollbackLines = scrollbackLines;
    }

    /** Lines of history each terminal keeps. */
    int scrollbackLines() {
        return scrollbackLines;
    }

    @Override
    public Font getTerminalFont() {
        return font;
    }

    /** The font size in points (zoom); the tab's widget must then re-measure its cells. Call on the FX thread. */
    void setFontSize(float size) {
        fontSize = size;
        font = pickFont(size);
    }

    private static Font pickFont(float size) {
        for (String family : new String[] {"JetBrains Mono", "DejaVu Sans Mono", "Menlo", "Consolas"}) {
            if (Font.getFamilies().contains(family)) {
                return Font.font(family, size);
            }
        }
        return Font.font("Monospaced", size);
    }

    @Override
    @SuppressWarnings("deprecation")
    public TextStyle getDefaultStyle() {
        return new TextStyle(FOREGROUND, BACKGROUND);
    }

    @Override
    public TerminalColor getDefaultForeground() {
        return FOREGROUND;
    }

    @Override
    public TerminalColor getDefaultBackground() {
        return BACKGROUND;
    }

    @Override
    public float getTerminalFontSize() {
        return fontSize;
    }

    /**
     * No key clears the buffer: JediTermFX's default, Ctrl+L, must reach the shell (which clears the
     * screen itself). Clearing is still in the terminal's right-click menu.
     */
    @Override
    public TerminalActionPresentation getClearBufferActionPresentation() {
        return new TerminalActionPresentation("Clear Buffer", List.of());
    }

    /**
     * No key of the terminal's own opens the find bar: Ctrl+F must reach the shell. The window's
     * Ctrl+Shift+F (Cmd+Shift+F) opens it through {@link TerminalTab#find()}.
     */
    @Override
    public TerminalActionPresentation getFindActionPresentation() {
        return new TerminalActionPresentation(FIND_ACTION, List.of());
    }

    /** Scrolling a line: Ctrl+Shift+Up/Down (Cmd on macOS), since Ctrl+Up/Down belong to programs in the shell. */
    @Override
    public TerminalActionPresentation getLineUpActionPresentation() {
        return new TerminalActionPresentation("Line Up", new KeyCodeCombination(KeyCode.UP, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
    }

    @Override
    public TerminalActionPresentation getLineDownActionPresentation() {
        return new TerminalActionPresentation("Line Down", new KeyCodeCombination(KeyCode.DOWN, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
    }

    /**
     * JediTermFX's own history cap, which is off (negative): that cap copies the whole history for each
     * line once it is full. {@link KeyportTerminalWidget} keeps {@link #scrollbackLines()} instead, so
     * these settings are for that widget only.
     */
    @Override
    public int getBufferMaxLinesCount() {
        return -1;
    }
}
