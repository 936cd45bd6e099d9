package dev.keyport.app.ui;

import javafx.scene.text.Font;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;

/** Terminal look and behaviour for every tab: a dark scheme (Primer Dark's colours) in both app themes. */
final class TerminalSettings extends DefaultSettingsProvider {

    private static final TerminalColor FOREGROUND = TerminalColor.rgb(201, 209, 217);
    private static final TerminalColor BACKGROUND = TerminalColor.rgb(13, 17, 23);

    private static final float FONT_SIZE = 14f;
    private final Font font = pickFont();

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

    @Override
    public int getBufferMaxLinesCount() {
        return 10_000;
    }
}
