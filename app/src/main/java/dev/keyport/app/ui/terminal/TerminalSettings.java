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

import dev.keyport.app.services.TerminalBell;
import dev.keyport.app.services.TerminalOptions;

/**
 * Terminal look and behaviour for one tab, from the person's {@link TerminalOptions} (Settings): the
 * font (a family and a size; Keyport picks an installed monospace font when no family is set, or when
 * the one set is not installed), the scrollback, copy on select, and the bell. A dark scheme (Primer
 * Dark's colours) in both app themes.
 */
public final class TerminalSettings extends DefaultSettingsProvider {

    private static final TerminalColor FOREGROUND = TerminalColor.rgb(201, 209, 217);
    private static final TerminalColor BACKGROUND = TerminalColor.rgb(13, 17, 23);
    /** Tried in order when no family is set. */
    private static final String[] PREFERRED_FAMILIES = {"JetBrains Mono", "DejaVu Sans Mono", "Menlo", "Consolas"};

    static final String FIND_ACTION = "Find";

    /** Read on the emulator thread (the bell) and the FX thread; replaced whole by {@link #apply}. */
    private volatile TerminalOptions options;
    private volatile Font font;

    TerminalSettings() {
        this(TerminalOptions.defaults());
    }

    /** The defaults, with {@code scrollbackLines} of history. */
    public TerminalSettings(int scrollbackLines) {
        this(TerminalOptions.defaults().withScrollbackLines(scrollbackLines));
    }

    public TerminalSettings(TerminalOptions options) {
        this.options = options;
        this.font = Font.font(fontFamily(options.fontFamily()), options.fontSize());
    }

    /**
     * The person changed a setting (or zoomed): the font, the bell and copy on select apply from now
     * on; the scrollback applies to the next terminal built with these settings (a new tab, or
     * Reconnect), see {@link #scrollbackLines()}. Call on the FX thread.
     *
     * @return whether the font changed (the widget must then measure its cells again)
     */
    boolean apply(TerminalOptions changed) {
        TerminalOptions before = options;
        options = changed;
        boolean fontChanged = !before.fontFamily().equals(changed.fontFamily()) || before.fontSize() != changed.fontSize();
        if (fontChanged) {
            font = Font.font(fontFamily(changed.fontFamily()), changed.fontSize());
        }
        return fontChanged;
    }

    /** The family a tab draws with for {@code wanted} ("" or not installed: Keyport's choice). */
    public static String fontFamily(String wanted) {
        if (wanted != null && !wanted.isBlank() && Font.getFamilies().contains(wanted)) {
            return wanted;
        }
        for (String family : PREFERRED_FAMILIES) {
            if (Font.getFamilies().contains(family)) {
                return family;
            }
        }
        return "Monospaced";
    }

    public TerminalOptions options() {
        return options;
    }

    /**
     * Lines of history a terminal built now keeps. A running terminal keeps the number it started
     * with: JediTermFX's own cap is off (see {@link #getBufferMaxLinesCount()}), and Keyport's cap
     * lives in the session's flood pipeline, whose trim slack and skip threshold are fixed from it
     * when the session starts.
     */
    int scrollbackLines() {
        return options.scrollbackLines();
    }

    /** What the bell does in this tab. */
    public TerminalBell bell() {
        return options.bell();
    }

    @Override
    public Font getTerminalFont() {
        return font;
    }

    @Override
    public float getTerminalFontSize() {
        return options.fontSize();
    }

    @Override
    public boolean copyOnSelect() {
        return options.copyOnSelect();
    }

    /** JediTermFX's own beep (the computer's bell sound); the visual bell is {@link KeyportTerminalPanel}'s. */
    @Override
    public boolean audibleBell() {
        return options.bell() == TerminalBell.SOUND;
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
