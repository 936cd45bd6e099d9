package dev.keyport.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * An OS file lock on {@code vault.lock}, taken before the master password is even checked. The holder
 * writes who it is into the file (process id, what it is, since when: never a secret), so a second
 * Keyport can say who holds the vault. A short command waits a few seconds for it; the window does not.
 */
final class VaultLock implements AutoCloseable {

    static final String FILE_NAME = "vault.lock";
    private static final Duration POLL = Duration.ofMillis(100);
    private final FileChannel channel;
    private final FileLock lock;

    private VaultLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The holder a window (and any caller that does not say) writes. */
    static final String WINDOW = "Keyport";

    static VaultLock acquire(Path directory) throws VaultException {
        return acquire(directory, Duration.ZERO, WINDOW);
    }

    /**
     * Takes the lock, waiting up to {@code wait} while another Keyport holds it.
     *
     * @param holder what this process is, for the other's message ("keyport host add", "the Keyport window")
     */
    static VaultLock acquire(Path directory, Duration wait, String holder) throws VaultException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            VaultLock lock = tryAcquire(directory, holder);
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() >= deadline) {
                throw alreadyOpen(directory, null, wait);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw alreadyOpen(directory, e, wait);
            }
        }
    }

    private static VaultLock tryAcquire(Path directory, String holder) throws VaultException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new VaultException("Cannot use the data folder " + directory + ": " + e.getMessage(), e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                closeQuietly(channel);
                return null;
            }
            try {
                String who = "pid " + ProcessHandle.current().pid() + "\nholder " + holder.replaceAll("\\p{Cntrl}", "?")
                        + "\nsince " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "\n";
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
            } catch (IOException e) {
                // who holds it is only for messages
            }
            return new VaultLock(channel, lock);
        } catch (OverlappingFileLockException | IOException e) {
            closeQuietly(channel);
            return null;
        }
    }

    static VaultException alreadyOpen(Path directory, Exception cause) {
        return alreadyOpen(directory, cause, Duration.ZERO);
    }

    private static VaultException alreadyOpen(Path directory, Exception cause, Duration waited) {
        String who = holder(directory);
        String waitedFor = waited.isZero() ? "" : " Waited " + waited.toSeconds() + " s for it.";
        if (who == null || who.startsWith(WINDOW + " (")) {
            return new VaultException("The vault in " + directory + " is already open in another Keyport window"
                    + (who == null ? "" : who.substring(WINDOW.length())) + "." + waitedFor
                    + " Close that window, or start this one with another --data-dir.", cause);
        }
        return new VaultException("The vault in " + directory + " is in use by " + who + "." + waitedFor
                + " Try again when it is done, or close it.", cause);
    }

    /** "keyport host add (process 1234, since 01:58:03)", as the holder wrote it; null when unknown. */
    static String holder(Path directory) {
        try (InputStream in = Files.newInputStream(directory.resolve(FILE_NAME))) {
            String text = new String(in.readNBytes(1024), StandardCharsets.UTF_8);
            String pid = null;
            String holder = null;
            String since = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("pid ")) {
                    pid = line.substring(4).strip();
                } else if (line.startsWith("holder ")) {
                    holder = line.substring(7).strip();
                } else if (line.startsWith("since ")) {
                    since = line.substring(6).strip();
                }
            }
            if (pid == null || !pid.matches("\\d{1,10}")) {
                return null;
            }
            String what = holder == null || holder.isBlank() ? "another Keyport" : holder.replaceAll("[^\\p{Print}]", "?");
            return what + " (process " + pid + (since != null && since.matches("[0-9:]{8}") ? ", since " + since : "") + ")";
        } catch (IOException e) {
            return null;
        }
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
