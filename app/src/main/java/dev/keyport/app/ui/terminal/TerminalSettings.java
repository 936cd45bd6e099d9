package dev.keyport.app.ui.terminal;

import javafx.scene.text.Font;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
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

    private static final float FONT_SIZE = 14f;
    private final Font font = pickFont();
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

    private static Font pickFont() {
        for (String family : new String[] {"JetBrains Mono", "DejaVu Sans Mono", "Menlo", "Consolas"}) {
            if (Font.getFamilies().contains(family)) {
                return Font.font(family, FONT_SIZE);
            }
        }
        return Font.font("Monospaced", FONT_SIZE);
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
        return FONT_SIZE;
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
