package dev.keyport.app.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reading a whole file that a person named, never more than its kind can need: {@code /dev/zero}, a
 * pipe that never ends or a huge file is refused with "FILE is too large for a key (limit 1 MiB)"
 * after reading one byte past the limit, instead of filling the heap.
 */
public final class BoundedFile {

    /** A private or public key file (OpenSSH, PEM, PuTTY): real ones are a few KiB. */
    public static final Kind KEY = new Kind("a key", 1024 * 1024);
    /** A file holding one password or passphrase. */
    public static final Kind SECRET = new Kind("a password file", 64 * 1024);
    /** An OpenSSH client configuration file (each included file on its own). */
    public static final Kind SSH_CONFIG = new Kind("an SSH config file", 4 * 1024 * 1024);
    /** A public key file ({@code .pub}): one line. */
    public static final Kind PUBLIC_KEY = new Kind("a public key", 64 * 1024);
    /** An OpenSSH known_hosts file. */
    public static final Kind KNOWN_HOSTS = new Kind("a known_hosts file", 16 * 1024 * 1024);

    /** What a file is for, as the message says it ("a key"), and its limit in bytes. */
    public record Kind(String what, int limit) {
    }

    /** A file over its kind's limit. An {@link IOException}, so callers that report read errors report this one too. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private BoundedFile() {
    }

    /**
     * The whole file, at most {@code kind.limit()} bytes; the caller wipes secret content. A missing
     * file throws {@link java.nio.file.NoSuchFileException} (callers tell it apart); {@link #describe}
     * turns any failure into a sentence for a person.
     */
    public static byte[] read(Path file, Kind kind) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + " is a folder, not " + kind.what() + " file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(kind.limit() + 1);
            if (bytes.length > kind.limit()) {
                Arrays.fill(bytes, (byte) 0);
                throw new TooLargeException(tooLarge(file, kind));
            }
            return bytes;
        }
    }

    /** What a failure of {@link #read} means for a person: "There is no file FILE.", "FILE cannot be read: permission denied.", or its message. */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            return "There is no file " + f.getFile() + ".";
        }
        if (e instanceof java.nio.file.AccessDeniedException f) {
            return f.getFile() + " cannot be read: permission denied.";
        }
        return e.getMessage();
    }

    /** "FILE is too large for a key (limit 1 MiB)". */
    public static String tooLarge(Path file, Kind kind) {
        return file + " is too large for " + kind.what() + " (limit " + size(kind.limit()) + ")";
    }

    /** "1 MiB", "64 KiB", "100 bytes". */
    public static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
