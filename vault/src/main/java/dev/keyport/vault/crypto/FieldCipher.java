package dev.keyport.vault.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import dev.keyport.vault.VaultException;

/**
 * AES-256-GCM for single secret fields (private keys, passwords, passphrases), under an HKDF subkey
 * of the data key. The associated data is the record id and the field name, so a ciphertext moved
 * to another record or field does not decrypt. Layout: version byte 1, 12-byte nonce, ciphertext+tag.
 */
public final class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;
    private volatile boolean wiped;

    FieldCipher(byte[] key) {
        this.key = key;
    }

    public byte[] encrypt(byte[] plaintext, UUID recordId, String field) throws VaultException {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce);
            cipher.updateAAD(aad(recordId, field));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot encrypt the " + field + " field: " + e.getMessage(), e);
        }
    }

    /** The plaintext of a field; the caller wipes it. */
    public byte[] decrypt(byte[] stored, UUID recordId, String field) throws VaultException {
        if (stored == null || stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
            throw new VaultException("The encrypted " + field + " of record " + recordId + " is damaged.");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(stored, 1, 1 + NONCE));
            cipher.updateAAD(aad(recordId, field));
            return cipher.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE);
        } catch (AEADBadTagException e) {
            throw new VaultException("The encrypted " + field + " of record " + recordId
                    + " does not belong there or was changed outside Keyport.", e);
        } catch (GeneralSecurityException e) {
            throw new VaultException("Cannot decrypt the " + field + " field: " + e.getMessage(), e);
        }
    }

    public byte[] encryptChars(char[] plaintext, UUID recordId, String field) throws VaultException {
        byte[] utf8 = Argon2.utf8(plaintext);
        try {
            return encrypt(utf8, recordId, field);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    public char[] decryptChars(byte[] stored, UUID recordId, String field) throws VaultException {
        byte[] utf8 = decrypt(stored, recordId, field);
        try {
            java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
            char[] out = new char[chars.remaining()];
            chars.get(out);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return out;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException, VaultException {
        if (wiped) {
            throw new VaultException("The vault is locked. Unlock it with the master password first.");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] aad(UUID recordId, String field) {
        return ("keyport-field-v1|" + recordId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    void wipe() {
        wiped = true;
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "FieldCipher[" + (wiped ? "wiped" : "ready") + "]";
    }
}
