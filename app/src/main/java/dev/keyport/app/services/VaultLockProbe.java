package dev.keyport.app.services;

import java.nio.file.Path;

/**
 * Whether another Keyport (another process, or another window of this one) holds the vault in a data
 * folder: it tries the vault's lock file and lets go at once. Asked before the master password, so a
 * second Keyport says so instead of asking for a password it cannot use. Blocking (file I/O).
 */
public final class VaultLockProbe {

    /** The vault's lock file, as the vault module names it. */
    static final String LOCK_FILE = "vault.lock";

    private VaultLockProbe() {
    }

    /** True when the vault in {@code dir} is open elsewhere right now; false when free or there is no vault folder. */
    public static boolean isOpenElsewhere(Path dir) {
        return LockFiles.isHeld(dir.resolve(LOCK_FILE)); // another window of this process counts too
    }
}
