package dev.keyport.app.services;

import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.VaultException;

/** The auto-lock time set in Settings (minutes without activity, 0 never), as {@link AutoLock} reads it. Blocking (JDBC). */
public final class LockPreferences {

    private final SettingsRepository settings;

    public LockPreferences(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The saved minutes; {@value AutoLock#DEFAULT_MINUTES} when nothing usable is saved. */
    public int autoLockMinutes() {
        return AutoLock.savedMinutes(settings);
    }

    /** Saves the minutes; the running lock reads them at its next check. */
    public void setAutoLockMinutes(int minutes) throws VaultException {
        AutoLock.saveMinutes(settings, minutes);
    }
}
