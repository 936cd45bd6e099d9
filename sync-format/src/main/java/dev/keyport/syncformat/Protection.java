package dev.keyport.syncformat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * A protected file's {@code "protection"} block without its MAC: the Argon2id parameters and salt,
 * and the data key wrapped with AES-256-GCM under the key Argon2id makes from the export passphrase.
 * The wrap's associated data names the file id and every parameter, so a changed parameter or a
 * block copied from another file does not unwrap.
 */
record Protection(KdfParameters kdf, byte[] salt, Sealed wrappedKey) {

    static final String ALGORITHM = "argon2id";

    /** Wraps {@code dataKey} for this file under a fresh salt (one Argon2id run). */
    static Protection wrap(UUID fileId, char[] passphrase, KdfParameters kdf, byte[] dataKey) {
        byte[] salt = TeamCrypto.random(TeamCrypto.SALT_BYTES);
        byte[] kek = TeamCrypto.argon2id(passphrase, salt, kdf);
        try {
            return new Protection(kdf, salt, TeamCrypto.seal(kek, dataKey, associatedData(fileId, kdf, salt)));
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /**
     * The data key (one Argon2id run), checking the parameters first.
     *
     * @throws TeamFileException {@code WRONG_PASSPHRASE} when the passphrase does not open it
     */
    byte[] unwrap(UUID fileId, char[] passphrase) throws TeamFileException {
        byte[] kek = TeamCrypto.argon2id(passphrase, salt, kdf);
        try {
            byte[] key = TeamCrypto.open(kek, wrappedKey, associatedData(fileId, kdf, salt));
            if (key.length != TeamCrypto.KEY_BYTES) {
                Arrays.fill(key, (byte) 0);
                throw wrongPassphrase();
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw wrongPassphrase();
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static TeamFileException wrongPassphrase() {
        return new TeamFileException(TeamFileException.Kind.WRONG_PASSPHRASE,
                "The passphrase does not open this team file (or its protection settings were changed)."
                        + " Nothing was imported.");
    }

    private static byte[] associatedData(UUID fileId, KdfParameters kdf, byte[] salt) {
        return ("keyport-team-key|" + fileId + "|" + ALGORITHM + "|" + kdf.memoryKiB() + "|" + kdf.iterations() + "|"
                + kdf.parallelism() + "|" + Base64.getEncoder().encodeToString(salt)).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Protection p && kdf.equals(p.kdf) && Arrays.equals(salt, p.salt)
                && wrappedKey.equals(p.wrappedKey);
    }

    @Override
    public int hashCode() {
        return kdf.hashCode();
    }

    @Override
    public String toString() {
        return "Protection[" + kdf + "]";
    }
}
