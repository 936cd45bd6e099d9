package dev.keyport.syncformat;

import java.util.Arrays;
import java.util.Base64;

/**
 * One AES-256-GCM ciphertext as a team file stores it: {@code {"nonce": base64, "ciphertext": base64}},
 * the ciphertext ending in its 16-byte tag.
 */
record Sealed(byte[] nonce, byte[] ciphertext) {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    String nonceBase64() {
        return Base64.getEncoder().encodeToString(nonce);
    }

    String ciphertextBase64() {
        return Base64.getEncoder().encodeToString(ciphertext);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Sealed sealed && Arrays.equals(nonce, sealed.nonce)
                && Arrays.equals(ciphertext, sealed.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nonce) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "Sealed[" + ciphertext.length + " bytes]";
    }
}
