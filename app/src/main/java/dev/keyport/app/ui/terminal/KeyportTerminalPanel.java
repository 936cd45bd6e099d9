package dev.keyport.app.ui.terminal;

import com.techsenger.jeditermfx.core.TerminalCoordinates;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.TerminalPanel;
import com.techsenger.jeditermfx.ui.settings.SettingsProvider;

/**
 * JediTermFX's terminal panel, able to take a new font size (zoom) while it runs, and with its
 * "Clear Buffer" leaving the cursor on a real line.
 */
final class KeyportTerminalPanel extends TerminalPanel {

    private TerminalCoordinates coordinates;

    KeyportTerminalPanel(SettingsProvider settings, TerminalTextBuffer buffer, StyleState style) {
        super(settings, buffer, style);
    }

    /** The settings' font changed: measure the cells again and resize the terminal (and the server's PTY) to fit. */
    void fontChanged() {
        reinitFontAndResize();
    }

    @Override
    public void setCoordAccessor(TerminalCoordinates coordinates) {
        super.setCoordAccessor(coordinates);
        this.coordinates = coordinates;
    }

    /**
     * JediTermFX's Clear Buffer puts the emulator's cursor on line 0, but its lines count from 1: the
     * cursor's line was then -1, and every blink of the cursor (twice a second) logged "Attempt to get
     * line out of bounds: -1 &lt; 0" until the shell moved the cursor. The cursor goes to the first line.
     */
    @Override
    protected void clearBuffer(boolean keepLastLine) {
        super.clearBuffer(keepLastLine);
        if (coordinates != null && coordinates.getY() < 1) {
            coordinates.setY(1);
        }
    }
}
