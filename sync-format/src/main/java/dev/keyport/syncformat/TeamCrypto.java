package dev.keyport.syncformat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/** The primitives of a team file's protection: Argon2id, HKDF-SHA256, AES-256-GCM, HMAC-SHA256. */
final class TeamCrypto {

    static final int KEY_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TeamCrypto() {
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A 256-bit key from the passphrase's UTF-8 (its copy is wiped). Slow on purpose. */
    static byte[] argon2id(char[] passphrase, byte[] salt, KdfParameters kdf) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] utf8 = new byte[encoded.remaining()];
        encoded.get(utf8);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(kdf.memoryKiB())
                    .withIterations(kdf.iterations())
                    .withParallelism(kdf.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] key = new byte[KEY_BYTES];
            generator.generateBytes(utf8, key);
            return key;
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** HKDF-SHA256 of the data key, no salt, for one purpose. */
    static byte[] subkey(byte[] dataKey, String purpose) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(dataKey, null, purpose.getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[KEY_BYTES];
        hkdf.generateBytes(key, 0, KEY_BYTES);
        return key;
    }

    /** AES-256-GCM with a fresh random 96-bit nonce. */
    static Sealed seal(byte[] key, byte[] plaintext, byte[] associatedData) {
        return seal(newCipher(), new SecretKeySpec(key, "AES"), plaintext, associatedData);
    }

    /** The same with a cipher and key the caller keeps for many fields (one cipher per thread). */
    static Sealed seal(Cipher cipher, SecretKeySpec key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = random(Sealed.NONCE_BYTES);
        try {
            return new Sealed(nonce, gcm(cipher, Cipher.ENCRYPT_MODE, key, nonce, associatedData).doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java 17 runtime", e);
        }
    }

    /**
     * The plaintext of a sealed value.
     *
     * @throws GeneralSecurityException (AEADBadTagException) when the key, the associated data or the
     *                                  bytes are not those it was sealed with
     */
    static byte[] open(byte[] key, Sealed sealed, byte[] associatedData) throws GeneralSecurityException {
        return open(newCipher(), new SecretKeySpec(key, "AES"), sealed, associatedData);
    }

    static byte[] open(Cipher cipher, SecretKeySpec key, Sealed sealed, byte[] associatedData) throws GeneralSecurityException {
        return gcm(cipher, Cipher.DECRYPT_MODE, key, sealed.nonce(), associatedData).doFinal(sealed.ciphertext());
    }

    static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is part of every Java 17 runtime", e);
        }
    }

    private static Cipher gcm(Cipher cipher, int mode, SecretKeySpec key, byte[] nonce, byte[] associatedData)
            throws GeneralSecurityException {
        cipher.init(mode, key, new GCMParameterSpec(Sealed.TAG_BYTES * 8, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }

    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
