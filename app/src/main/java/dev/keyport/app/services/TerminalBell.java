package dev.keyport.app.services;

import java.util.Locale;
import java.util.Optional;

/** What a terminal does when the shell rings the bell (BEL, Ctrl+G). */
public enum TerminalBell {
    /** The terminal flashes briefly. */
    VISUAL("Flash the terminal"),
    /** The computer's beep. */
    SOUND("Play a sound"),
    /** Nothing. */
    OFF("Nothing");

    private final String label;

    TerminalBell(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TerminalBell> fromStored(String value) {
        for (TerminalBell bell : values()) {
            if (bell.stored().equals(value == null ? "" : value.strip())) {
                return Optional.of(bell);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
