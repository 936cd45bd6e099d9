package dev.keyport.syncformat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of one protected team file: its random 256-bit data key and the two HKDF subkeys made
 * from it, one for the secret fields and one for the integrity code. {@link #close()} wipes them.
 * Not thread-safe: one reader or writer uses it at a time.
 */
final class FileKeys implements AutoCloseable {

    private final byte[] dataKey;
    private final byte[] fieldKey;
    private final byte[] macKey;
    private final SecretKeySpec fieldKeySpec;
    private final Cipher cipher = TeamCrypto.newCipher();

    FileKeys(byte[] dataKey) {
        this.dataKey = dataKey;
        this.fieldKey = TeamCrypto.subkey(dataKey, "keyport-team field key v1");
        this.macKey = TeamCrypto.subkey(dataKey, "keyport-team mac key v1");
        this.fieldKeySpec = new SecretKeySpec(fieldKey, "AES");
    }

    static FileKeys random() {
        return new FileKeys(TeamCrypto.random(TeamCrypto.KEY_BYTES));
    }

    byte[] dataKey() {
        return dataKey;
    }

    /** Encrypts one secret field under a fresh nonce. */
    Sealed seal(UUID fileId, UUID entityId, String field, byte[] plaintext) {
        return TeamCrypto.seal(cipher, fieldKeySpec, plaintext, associatedData(fileId, entityId, field));
    }

    /** Decrypts one secret field; fails when it was moved to another file, entity or field, or changed. */
    byte[] open(UUID fileId, UUID entityId, String field, Sealed sealed) throws GeneralSecurityException {
        return TeamCrypto.open(cipher, fieldKeySpec, sealed, associatedData(fileId, entityId, field));
    }

    /** The associated data of a secret field: {@code keyport-team-secret|<file id>|<entity id>|<field>}. */
    static byte[] associatedData(UUID fileId, UUID entityId, String field) {
        return ("keyport-team-secret|" + fileId + "|" + entityId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    byte[] mac(byte[] canonical) {
        return TeamCrypto.hmacSha256(macKey, canonical);
    }

    boolean macMatches(byte[] canonical, byte[] expected) {
        return MessageDigest.isEqual(mac(canonical), expected);
    }

    @Override
    public void close() {
        Arrays.fill(dataKey, (byte) 0);
        Arrays.fill(fieldKey, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "FileKeys[***]";
    }
}
