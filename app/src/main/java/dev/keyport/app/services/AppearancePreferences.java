package dev.keyport.app.services;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.VaultException;

/**
 * The theme the person chose (light, dark, or follow the system), kept in the vault's settings, with a
 * plaintext copy beside the vault for the dialogs that come before it opens ({@link AppearanceCopy}).
 * Blocking (JDBC): call off the UI thread.
 */
public final class AppearancePreferences {

    public static final String THEME_SETTING = "appearance-theme";
    private static final Logger LOG = LoggerFactory.getLogger(AppearancePreferences.class);

    private final SettingsRepository settings;
    private final Optional<AppearanceCopy> copy;

    public AppearancePreferences(SettingsRepository settings) {
        this(settings, Optional.empty());
    }

    /** @param copy where the choice is also kept in plaintext, for the dialogs before unlock (see {@link AppearanceCopy}) */
    public AppearancePreferences(SettingsRepository settings, Optional<AppearanceCopy> copy) {
        this.settings = settings;
        this.copy = copy;
    }

    /** Makes the plaintext copy say {@code mode} (a vault from before the copy existed gets one at its next start). */
    public void keepCopy(ThemeMode mode) {
        copy.ifPresent(c -> c.keep(mode));
    }

    /** The saved theme mode; light when nothing (or something unreadable) is saved. */
    public ThemeMode mode() {
        try {
            Optional<String> value = settings.get(THEME_SETTING);
            if (value.isPresent()) {
                Optional<ThemeMode> mode = ThemeMode.fromStored(value.get());
                if (mode.isEmpty()) {
                    LOG.warn("Saved theme '{}' unknown; using light", value.get());
                }
                return mode.orElse(ThemeMode.LIGHT);
            }
        } catch (VaultException e) {
            LOG.warn("Saved theme unreadable ({}); using light", e.getMessage());
        }
        return ThemeMode.LIGHT;
    }

    /** Saves the mode in the vault, and its plaintext copy for the unlock dialog. */
    public void setMode(ThemeMode mode) throws VaultException {
        settings.put(THEME_SETTING, mode.stored());
        keepCopy(mode);
    }

    /** True when the saved mode is {@link ThemeMode#DARK} (not "follow the system": see {@link SystemTheme}). */
    public boolean dark() {
        return mode() == ThemeMode.DARK;
    }

    /** Saves {@link ThemeMode#DARK} or {@link ThemeMode#LIGHT}. */
    public void setDark(boolean dark) throws VaultException {
        setMode(dark ? ThemeMode.DARK : ThemeMode.LIGHT);
    }
}
