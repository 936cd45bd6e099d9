package dev.keyport.app.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a whole file only up to a size that fits its kind, so that {@code /dev/zero} or a huge file
 * picked by mistake ends in a message, not an OutOfMemoryError. Blocking.
 */
public final class BoundedFiles {

    /** A private key file is a few KiB; PuTTY and PEM files of any real key stay far below this. */
    public static final int KEY_LIMIT = 1 << 20;

    private BoundedFiles() {
    }

    /** A key file's bytes (limit {@link #KEY_LIMIT}); the caller wipes them. */
    public static byte[] readKey(Path file) throws IOException {
        return read(file, KEY_LIMIT, "a key");
    }

    /**
     * The bytes of {@code file}, read at most {@code limit} of them; a longer file (or an endless one)
     * throws "FILE is too large for KIND (limit N MiB)". The caller wipes what it gets.
     *
     * @param kind what the file should be, for the message ("a key", "a password file")
     */
    public static byte[] read(Path file, int limit, String kind) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not " + kind + " file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                Arrays.fill(bytes, (byte) 0);
                throw new IOException(file + " is too large for " + kind + " (limit " + size(limit) + ").");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new IOException("There is no file " + file + ".", e);
        } catch (AccessDeniedException e) {
            throw new IOException(file + " cannot be read: permission denied.", e);
        }
    }

    static String size(long bytes) {
        if (bytes >= (1 << 20) && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
