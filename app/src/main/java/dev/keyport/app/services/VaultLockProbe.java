package dev.keyport.app.services;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this process: another window
        } catch (IOException e) {
            return false; // the vault itself will say what is wrong with the folder
        }
    }
}
