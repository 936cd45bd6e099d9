package dev.keyport.app.ui;

import javafx.scene.text.Font;

import com.techsenger.jeditermfx.ui.settings.DefaultSettingsProvider;

/** Terminal look and behaviour for every tab. */
final class TerminalSettings extends DefaultSettingsProvider {

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
    public float getTerminalFontSize() {
        return FONT_SIZE;
    }

    @Override
    public int getBufferMaxLinesCount() {
        return 10_000;
    }
}
