package dev.keyport.app.ui.terminal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.animation.FadeTransition;
import javafx.application.Platform;
import javafx.scene.text.Font;
import javafx.util.Duration;

import com.techsenger.jeditermfx.core.TerminalCoordinates;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.ui.TerminalPanel;

/**
 * JediTermFX's panel with what Keyport adds to it:
 * <ul>
 * <li>the bell of the person's choice: a short flash of the terminal (visual), the computer's beep
 * (sound, JediTermFX's own), or nothing. The emulator rings on its own thread; a flash is posted to the
 * FX thread at most once at a time, so a flood of bells cannot flood the FX queue;</li>
 * <li>a new font (Settings, zoom) while it runs;</li>
 * <li>"Clear Buffer" leaving the cursor on a real line.</li>
 * </ul>
 */
final class KeyportTerminalPanel extends TerminalPanel {

    private final TerminalSettings settings;
    private final AtomicBoolean flashing = new AtomicBoolean();
    private final AtomicInteger flashes = new AtomicInteger();
    private final AtomicInteger rings = new AtomicInteger();
    private volatile Font font;
    private TerminalCoordinates coordinates;

    KeyportTerminalPanel(TerminalSettings settings, TerminalTextBuffer buffer, StyleState style) {
        super(settings, buffer, style);
        this.settings = settings;
    }

    @Override
    protected Font createFont() {
        Font created = super.createFont();
        font = created;
        return created;
    }

    /** The settings this terminal draws and rings with (they change while it runs: {@link TerminalSettings#apply}). */
    TerminalSettings settings() {
        return settings;
    }

    /** The font the terminal draws with. */
    Font font() {
        return font;
    }

    /** The settings' font changed (Settings or zoom): measure the cells again and resize the terminal (and the server's PTY) to fit. */
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

    @Override
    public void beep() {
        rings.incrementAndGet();
        switch (settings.bell()) {
            case SOUND -> super.beep();
            case VISUAL -> flash();
            case OFF -> { }
        }
    }

    private void flash() {
        if (!flashing.compareAndSet(false, true)) {
            return;
        }
        Platform.runLater(() -> {
            flashes.incrementAndGet();
            FadeTransition fade = new FadeTransition(Duration.millis(150), getCanvas());
            fade.setFromValue(0.4);
            fade.setToValue(1.0);
            fade.setOnFinished(e -> flashing.set(false));
            fade.play();
        });
    }

    /** How many times the bell rang (whatever it did). */
    int rings() {
        return rings.get();
    }

    /** How many visual flashes were shown. */
    int flashes() {
        return flashes.get();
    }
}
