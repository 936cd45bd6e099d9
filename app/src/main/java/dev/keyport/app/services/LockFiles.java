package dev.keyport.app.services;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Asks whether a lock file is held right now, by another process or by this one, without keeping it. */
public final class LockFiles {

    private LockFiles() {
    }

    /**
     * True when someone holds {@code lockFile} now: it tries the lock and lets go at once. A file that
     * does not exist, or cannot be opened, is not held (the caller's own use of it says what is wrong).
     * Creates nothing. Blocking (file I/O).
     */
    public static boolean isHeld(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this process
        } catch (IOException e) {
            return false;
        }
    }
}
