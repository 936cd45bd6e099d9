package dev.keyport.syncformat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes team files in their canonical form: fields in the spec's order, lists sorted by id, two-space
 * indent, LF line ends and a final newline, no timestamps. Writing the same document twice gives the
 * same bytes.
 *
 * <p>With {@link SecretsPolicy#include(char[])} each secret is encrypted on its own and the file gets
 * an integrity code. Encryption is random, so to keep an unchanged file unchanged, pass the previous
 * file: when the same passphrase opens it (same file id, same Argon2id parameters), its data key, salt
 * and wrapped key are kept, and every secret whose value is unchanged keeps its nonce and ciphertext
 * (after checking that they decrypt to the same value). A changed secret gets a fresh nonce.
 *
 * <p>Before returning, the writer reads its own output back through the reader's rules, so it never
 * produces a file that Keyport would refuse: a document that breaks a rule (a dangling reference, a
 * port out of range) is a {@link TeamFileException} naming the JSON path.
 *
 * <p>Blocking and, with secrets, slow on purpose (Argon2id): never call it on the UI thread.
 */
public final class TeamFileWriter {

    private TeamFileWriter() {
    }

    /**
     * The canonical bytes of a team file.
     *
     * @param previousFile the bytes of the file this export replaces, to keep unchanged ciphertexts; a
     *                     previous file that the passphrase does not open is ignored
     */
    public static byte[] write(TeamDocument document, SecretsPolicy secrets, Optional<byte[]> previousFile)
            throws TeamFileException {
        if (!secrets.includesSecrets()) {
            ObjectNode tree = DocumentEncoder.encode(document, null, null);
            check(tree, null);
            return Json.pretty(tree);
        }
        char[] passphrase = secrets.passphrase().orElseThrow();
        KdfParameters kdf = secrets.kdf().orElseThrow();
        UUID fileId = document.id();
        try (Previous previous = Previous.open(previousFile, fileId, passphrase, kdf)) {
            FileKeys keys = previous.unlocked.map(DocumentDecoder.Unlocked::keys).orElseGet(FileKeys::random);
            try {
                Protection protection = previous.unlocked.map(DocumentDecoder.Unlocked::protection)
                        .orElseGet(() -> Protection.wrap(fileId, passphrase, kdf, keys.dataKey()));
                ObjectNode tree = DocumentEncoder.encode(document, (entity, field, value) ->
                        previous.unchanged(entity, field, value).orElseGet(() -> keys.seal(fileId, entity, field, value.view())),
                        protection);
                byte[] mac = keys.mac(Json.canonical(tree));
                ((ObjectNode) tree.get("protection")).put("mac", Base64.getEncoder().encodeToString(mac));
                check(tree, keys);
                return Json.pretty(tree);
            } finally {
                keys.close();
            }
        }
    }

    /**
     * Writes the team file to {@code target} crash-safely (a temp file beside it, fsync, atomic rename).
     * An existing file there is used as the previous file.
     */
    public static void write(TeamDocument document, SecretsPolicy secrets, Path target) throws TeamFileException {
        Optional<byte[]> previous = Optional.empty();
        try {
            if (Files.isRegularFile(target) && Files.size(target) <= TeamFile.MAX_FILE_BYTES) {
                previous = Optional.of(Files.readAllBytes(target));
            }
        } catch (IOException e) {
            // unreadable: written afresh
        }
        byte[] bytes = write(document, secrets, previous);
        Path directory = target.toAbsolutePath().getParent();
        Path temp = directory.resolve(target.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do; the old file is still in place
            }
            throw new TeamFileException(TeamFileException.Kind.IO, "Cannot write the team file " + target + ": "
                    + e.getMessage(), null, e);
        }
    }

    /** Reads the tree back with the reader's rules (and the keys just used), then wipes what that read. */
    private static void check(ObjectNode tree, FileKeys keys) throws TeamFileException {
        DocumentDecoder.Decoded decoded = DocumentDecoder.decode(tree, null, null, keys);
        decoded.document().wipeSecrets();
    }

    /** The previous file, opened with the new passphrase when that works. */
    private static final class Previous implements AutoCloseable {
        final Optional<DocumentDecoder.Unlocked> unlocked;

        private Previous(Optional<DocumentDecoder.Unlocked> unlocked) {
            this.unlocked = unlocked;
        }

        static Previous open(Optional<byte[]> bytes, UUID fileId, char[] passphrase, KdfParameters kdf) {
            if (bytes.isEmpty()) {
                return new Previous(Optional.empty());
            }
            DocumentDecoder.Decoded decoded;
            try {
                decoded = TeamFileReader.decode(bytes.get(), passphrase, null);
            } catch (TeamFileException e) {
                return new Previous(Optional.empty());
            }
            Optional<DocumentDecoder.Unlocked> unlocked = decoded.unlocked();
            boolean usable = unlocked.isPresent() && decoded.document().id().equals(fileId)
                    && unlocked.get().protection().kdf().equals(kdf);
            if (!usable) {
                decoded.document().wipeSecrets();
                unlocked.ifPresent(DocumentDecoder.Unlocked::close);
                return new Previous(Optional.empty());
            }
            return new Previous(unlocked);
        }

        /** The previous ciphertext of this field when it decrypts to the same value. */
        Optional<Sealed> unchanged(UUID entityId, String field, Secret value) {
            return unlocked.map(u -> u.secrets().get(DocumentDecoder.secretKey(entityId, field)))
                    .filter(previous -> previous.value().equals(value))
                    .map(DocumentDecoder.SealedSecret::sealed);
        }

        @Override
        public void close() {
            unlocked.ifPresent(u -> u.secrets().values().forEach(s -> s.value().wipe()));
        }
    }
}
