package dev.keyport.syncformat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads team files. Every outcome is either a {@link ReadResult} or a {@link TeamFileException} with
 * a message for a person; nothing from a file that fails is imported.
 *
 * <p>In order: the size cap ({@link TeamFile#MAX_FILE_BYTES}, checked before reading a path), JSON
 * with caps on nesting, string length and token count, the format and version (an unknown major
 * version is refused; a newer minor is read and its unknown fields reported as warnings), the
 * protection (Argon2id parameters within {@link KdfParameters#FLOOR} and {@link KdfParameters#CEILING},
 * the passphrase, the integrity code over the whole file), then every field and reference.
 *
 * <p>Blocking and, for a protected file, slow on purpose (Argon2id): never call it on the UI thread.
 * The caller wipes the passphrase it passed; {@link ReadResult#close()} wipes the secrets read.
 */
public final class TeamFileReader {

    private TeamFileReader() {
    }

    /**
     * Reads a team file from disk. A file over the size cap is refused before it is opened.
     *
     * @param passphrase the export passphrase, needed when the file carries secrets
     */
    public static ReadResult read(Path file, Optional<char[]> passphrase) throws TeamFileException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > TeamFile.MAX_FILE_BYTES) {
                throw tooLarge("is " + size(size));
            }
            if (!Files.isRegularFile(file)) {
                throw new TeamFileException(TeamFileException.Kind.IO, file + " is not a file.");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = readBounded(in);
            }
        } catch (NoSuchFileException e) {
            throw new TeamFileException(TeamFileException.Kind.IO, "There is no team file at " + file + ".", null, e);
        } catch (IOException e) {
            throw new TeamFileException(TeamFileException.Kind.IO, "The team file " + file + " cannot be read: "
                    + e.getMessage(), null, e);
        }
        return read(bytes, passphrase);
    }

    /**
     * Reads a team file from a stream (not closed here); at most {@link TeamFile#MAX_FILE_BYTES} are
     * read from it before it is refused as too large.
     */
    public static ReadResult read(InputStream in, Optional<char[]> passphrase) throws TeamFileException {
        byte[] bytes;
        try {
            bytes = readBounded(in);
        } catch (IOException e) {
            throw new TeamFileException(TeamFileException.Kind.IO, "The team file cannot be read: " + e.getMessage(), null, e);
        }
        return read(bytes, passphrase);
    }

    private static ReadResult read(byte[] bytes, Optional<char[]> passphrase) throws TeamFileException {
        DocumentDecoder.Decoded decoded = decode(bytes, passphrase.orElse(null), null);
        decoded.unlocked().ifPresent(DocumentDecoder.Unlocked::close);
        return new ReadResult(decoded.document(), decoded.warnings());
    }

    /**
     * Parses and decodes bytes; any unexpected runtime failure still becomes a
     * {@link TeamFileException} (its cause says it was unexpected).
     */
    static DocumentDecoder.Decoded decode(byte[] bytes, char[] passphrase, FileKeys knownKeys) throws TeamFileException {
        try {
            JsonNode root = Json.parse(bytes);
            return DocumentDecoder.decode(root, bytes, passphrase, knownKeys);
        } catch (RuntimeException e) {
            throw new TeamFileException(TeamFileException.Kind.INVALID, "Keyport could not read this team file (an"
                    + " unexpected " + e.getClass().getSimpleName() + "). Nothing was imported.", null, e);
        }
    }

    /** All of the stream, or TOO_LARGE as soon as it passes the cap. */
    static byte[] readBounded(InputStream in) throws IOException, TeamFileException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > TeamFile.MAX_FILE_BYTES) {
                throw tooLarge("is larger than " + size(TeamFile.MAX_FILE_BYTES));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static TeamFileException tooLarge(String what) {
        return new TeamFileException(TeamFileException.Kind.TOO_LARGE, "The team file " + what + "; Keyport reads team"
                + " files of at most " + size(TeamFile.MAX_FILE_BYTES) + ". Nothing was read.");
    }

    private static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
