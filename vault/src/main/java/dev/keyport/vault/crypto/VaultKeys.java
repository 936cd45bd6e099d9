package dev.keyport.vault.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

import dev.keyport.vault.VaultException;

/**
 * The unlocked vault's keys: the random 256-bit data key and what is derived from it (the H2 file
 * password and the field cipher). {@link #wipe()} overwrites them all.
 */
public final class VaultKeys implements AutoCloseable {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final byte[] dataKey;
    private final FieldCipher fields;
    private final RecordMac records;

    private VaultKeys(byte[] dataKey) {
        this.dataKey = dataKey;
        this.fields = new FieldCipher(Hkdf.subkey(dataKey, "keyport field encryption v1", 32));
        this.records = new RecordMac(Hkdf.subkey(dataKey, "keyport record mac v1", 32));
    }

    /** A new random data key and the header that wraps it under {@code masterPassword}. */
    public static VaultKeys createNew(char[] masterPassword, KdfParameters kdf, java.util.function.Consumer<VaultHeader> header)
            throws VaultException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        header.accept(VaultHeader.wrap(key, masterPassword, kdf));
        return new VaultKeys(key);
    }

    /** Unwraps the data key; {@link dev.keyport.vault.WrongMasterPasswordException} when the password is wrong. */
    public static VaultKeys unlock(VaultHeader header, char[] masterPassword) throws VaultException {
        return new VaultKeys(header.unwrap(masterPassword));
    }

    /** A header for the same data key under a new password (fresh salt and nonce). */
    public VaultHeader rewrap(char[] newMasterPassword, KdfParameters kdf) throws VaultException {
        return VaultHeader.wrap(dataKey, newMasterPassword, kdf);
    }

    /**
     * The H2 file password: an HKDF subkey of the data key as 64 hex characters (ASCII, no spaces).
     * The caller wipes it after opening the database.
     */
    public char[] h2FilePassword() {
        byte[] sub = Hkdf.subkey(dataKey, "keyport h2 file key v1", 32);
        try {
            char[] hex = new char[sub.length * 2];
            for (int i = 0; i < sub.length; i++) {
                hex[2 * i] = HEX[(sub[i] >> 4) & 0xf];
                hex[2 * i + 1] = HEX[sub[i] & 0xf];
            }
            return hex;
        } finally {
            Arrays.fill(sub, (byte) 0);
        }
    }

    public FieldCipher fields() {
        return fields;
    }

    /** The MAC that authenticates every database record. */
    public RecordMac records() {
        return records;
    }

    public void wipe() {
        Arrays.fill(dataKey, (byte) 0);
        fields.wipe();
        records.wipe();
    }

    @Override
    public void close() {
        wipe();
    }

    @Override
    public String toString() {
        return "VaultKeys[***]";
    }
}
