package dev.keyport.terminal.keys;

import java.security.KeyPair;

/**
 * A private key in memory, with what a person sees about it. Holds key objects, which cannot be
 * wiped; drop the reference as soon as the key is stored or written.
 */
public final class DecodedKey {

    private final KeyPair keyPair;
    private final String comment;

    DecodedKey(KeyPair keyPair, String comment) {
        this.keyPair = keyPair;
        this.comment = comment == null ? "" : comment;
    }

    KeyPair keyPair() {
        return keyPair;
    }

    public String comment() {
        return comment;
    }

    public KeyInfo info() {
        return KeyCodec.describe(keyPair.getPublic(), comment);
    }

    @Override
    public String toString() {
        return "DecodedKey[" + info().type() + ", " + info().fingerprint() + "]";
    }
}
