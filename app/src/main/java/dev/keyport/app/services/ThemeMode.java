package dev.keyport.app.services;

import java.util.Locale;
import java.util.Optional;

/** The theme the person chose: light, dark, or whatever the desktop prefers ({@link SystemTheme}). */
public enum ThemeMode {
    LIGHT("Light"),
    DARK("Dark"),
    SYSTEM("Follow the system");

    private final String label;

    ThemeMode(String label) {
        this.label = label;
    }

    /** What the settings page shows. */
    public String label() {
        return label;
    }

    /** Whether the window is dark in this mode, given what the desktop prefers. */
    public boolean dark(boolean systemPrefersDark) {
        return this == DARK || this == SYSTEM && systemPrefersDark;
    }

    /** As saved in the vault's settings ("light", "dark", "system"). */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ThemeMode> fromStored(String value) {
        for (ThemeMode mode : values()) {
            if (mode.stored().equals(value == null ? "" : value.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return label;
    }
}
