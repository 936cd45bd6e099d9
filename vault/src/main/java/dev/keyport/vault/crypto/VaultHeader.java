package dev.keyport.vault.crypto;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.keyport.vault.VaultException;
import dev.keyport.vault.WrongMasterPasswordException;

/**
 * The small file beside the database that holds the data key wrapped with AES-256-GCM under an
 * Argon2id key from the master password, with the KDF parameters and salt. The header text up to
 * the salt is the GCM associated data, so changing a parameter makes unwrapping fail.
 */
public final class VaultHeader {

    public static final String FILE_NAME = "vault.header";
    private static final String MAGIC = "keyport-vault-header 1";
    private static final int SALT = 16;
    /** A header is about 250 bytes. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KdfParameters kdf;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] wrappedKey;

    private VaultHeader(KdfParameters kdf, byte[] salt, byte[] nonce, byte[] wrappedKey) {
        this.kdf = kdf;
        this.salt = salt;
        this.nonce = nonce;
        this.wrappedKey = wrappedKey;
    }

    public KdfParameters kdf() {
        return kdf;
    }

    /** Wraps {@code dataKey} under a fresh salt and the master password. */
    static VaultHeader wrap(byte[] dataKey, char[] masterPassword, KdfParameters kdf) throws VaultException {
        kdf.requireAcceptable().requireFitsHeap();
        byte[] salt = new byte[SALT];
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        byte[] kek = Argon2.derive(masterPassword, salt, kdf);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(kdf, salt));
            return new VaultHeader(kdf, salt, nonce, cipher.doFinal(dataKey));
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot protect the vault key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** The data key, or {@link WrongMasterPasswordException}. Slow (Argon2id). */
    byte[] unwrap(char[] masterPassword) throws VaultException {
        kdf.requireAcceptable().requireFitsHeap();
        byte[] kek = Argon2.derive(masterPassword, salt, kdf);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(kdf, salt));
            byte[] key = cipher.doFinal(wrappedKey);
            if (key.length != Argon2.KEY_LENGTH) {
                throw new VaultException("The vault header holds a key of the wrong size; it is damaged.");
            }
            return key;
        } catch (AEADBadTagException e) {
            throw new WrongMasterPasswordException();
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot open the vault key: " + e.getMessage(), e);
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] aad(KdfParameters kdf, byte[] salt) {
        return (MAGIC + "|argon2id|" + kdf.memoryKiB() + "|" + kdf.iterations() + "|" + kdf.parallelism() + "|"
                + Base64.getEncoder().encodeToString(salt)).getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the header in {@code directory}, with a clear message when it is missing or damaged. */
    public static VaultHeader read(Path directory) throws VaultException {
        Path file = directory.resolve(FILE_NAME);
        List<String> lines;
        try {
            byte[] bytes;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new VaultException("The vault header " + file + " is too large for a vault header (limit " + MAX_BYTES / 1024
                        + " KiB): it is damaged or not a Keyport header. Restore it from a backup; Keyport has not changed anything.");
            }
            lines = new String(bytes, StandardCharsets.US_ASCII).lines().toList();
        } catch (NoSuchFileException e) {
            throw new VaultException("There is no vault in " + directory + " (" + FILE_NAME + " is missing).", e);
        } catch (IOException e) {
            throw new VaultException("The vault header " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
                throw new IllegalArgumentException("unknown format");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space < 0) {
                    throw new IllegalArgumentException("bad line");
                }
                fields.put(line.substring(0, space), line.substring(space + 1).strip());
            }
            if (!"argon2id".equals(fields.get("kdf"))) {
                throw new IllegalArgumentException("unknown kdf");
            }
            KdfParameters kdf = new KdfParameters(Integer.parseInt(fields.get("memory-kib")),
                    Integer.parseInt(fields.get("iterations")), Integer.parseInt(fields.get("parallelism")));
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(fields.get("salt"));
            byte[] nonce = b64.decode(fields.get("nonce"));
            byte[] wrapped = b64.decode(fields.get("wrapped-key"));
            if (salt.length != SALT || nonce.length != NONCE || wrapped.length != Argon2.KEY_LENGTH + 16) {
                throw new IllegalArgumentException("bad sizes");
            }
            return new VaultHeader(kdf, salt, nonce, wrapped);
        } catch (RuntimeException e) {
            throw new VaultException("The vault header " + file + " is damaged and cannot be read."
                    + " Restore it from a backup; Keyport has not changed anything.", e);
        }
    }

    /**
     * Writes the header crash-safely: a temp file in the same directory, fsync, atomic rename over
     * the old header, fsync the directory. A crash leaves either the old or the new header.
     */
    public void write(Path directory) throws VaultException {
        Path target = directory.resolve(FILE_NAME);
        Path temp = directory.resolve(FILE_NAME + ".tmp");
        Base64.Encoder b64 = Base64.getEncoder();
        String text = MAGIC + "\n"
                + "kdf argon2id\n"
                + "memory-kib " + kdf.memoryKiB() + "\n"
                + "iterations " + kdf.iterations() + "\n"
                + "parallelism " + kdf.parallelism() + "\n"
                + "salt " + b64.encodeToString(salt) + "\n"
                + "nonce " + b64.encodeToString(nonce) + "\n"
                + "wrapped-key " + b64.encodeToString(wrappedKey) + "\n";
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                try {
                    Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data folder's ACL applies
                }
                channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("this file system cannot replace files atomically", e);
            }
            syncDirectory(directory);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp file is harmless; the old header is still in place
            }
            throw new VaultException("Cannot write the vault header in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory for sync; its rename is already durable enough.
        }
    }

    @Override
    public String toString() {
        return "VaultHeader[" + kdf + "]";
    }
}
