package dev.keyport.app.services;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.VaultException;

/** The look the person chose (light or dark), kept in the vault's settings. Blocking (JDBC): call off the UI thread. */
public final class AppearancePreferences {

    public static final String THEME_SETTING = "appearance-theme";
    private static final Logger LOG = LoggerFactory.getLogger(AppearancePreferences.class);

    private final SettingsRepository settings;

    public AppearancePreferences(SettingsRepository settings) {
        this.settings = settings;
    }

    /** True for the dark theme; light when nothing (or something unreadable) is saved. */
    public boolean dark() {
        try {
            Optional<String> value = settings.get(THEME_SETTING);
            return value.map(v -> v.strip().equals("dark")).orElse(false);
        } catch (VaultException e) {
            LOG.warn("Saved theme unreadable ({}); using light", e.getMessage());
            return false;
        }
    }

    public void setDark(boolean dark) throws VaultException {
        settings.put(THEME_SETTING, dark ? "dark" : "light");
    }
}
