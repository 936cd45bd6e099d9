package dev.keyport.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on {@code vault.lock}, taken before the master password is even checked, so a
 * second Keyport (another process or another window in this one) gets a clear message at once.
 */
final class VaultLock implements AutoCloseable {

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
            throw new VaultException("Cannot use the data folder " + directory + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw alreadyOpen(directory, null);
            }
            return new VaultLock(channel, lock);
        } catch (OverlappingFileLockException | IOException e) {
            closeQuietly(channel);
            throw alreadyOpen(directory, e);
        } catch (VaultException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    static VaultException alreadyOpen(Path directory, Exception cause) {
        return new VaultException("The vault in " + directory + " is already open in another Keyport window."
                + " Close that window, or start this one with another --data-dir.", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
