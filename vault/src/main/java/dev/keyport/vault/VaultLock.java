package dev.keyport.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on the vault directory, held while a vault is open, so a second Keyport
 * (another process or another window of this one) is told so instead of sharing the database.
 */
final class VaultLock {

    static final String FILE_NAME = "vault.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private VaultLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static VaultLock acquire(Path directory) throws VaultException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new VaultException("Cannot lock the vault in " + directory + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new VaultLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: another window of this Keyport
        } catch (IOException e) {
            closeQuietly(channel);
            throw new VaultException("Cannot lock the vault in " + directory + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw alreadyOpen(directory, null);
    }

    static VaultException alreadyOpen(Path directory, Throwable cause) {
        return new VaultException("The vault in " + directory + " is already open in another Keyport window."
                + " Close that window, or start this one with another --data-dir.", cause);
    }

    void release() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
