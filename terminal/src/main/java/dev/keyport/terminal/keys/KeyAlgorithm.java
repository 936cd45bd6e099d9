package dev.keyport.terminal.keys;

import java.util.Locale;

/** Key types Keyport generates. */
public enum KeyAlgorithm {
    ED25519("ssh-ed25519", 256),
    ECDSA_P256("ecdsa-sha2-nistp256", 256),
    ECDSA_P384("ecdsa-sha2-nistp384", 384),
    RSA_3072("ssh-rsa", 3072),
    RSA_4096("ssh-rsa", 4096);

    final String sshType;
    final int bits;

    KeyAlgorithm(String sshType, int bits) {
        this.sshType = sshType;
        this.bits = bits;
    }

    /** Parses "ed25519", "ecdsa-256", "ecdsa-384", "rsa-3072", "rsa-4096" (also "rsa" = 3072, "ecdsa" = 256). */
    public static KeyAlgorithm parse(String text) {
        switch (text.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "ed25519":
                return ED25519;
            case "ecdsa":
            case "ecdsa-256":
            case "ecdsa-p256":
                return ECDSA_P256;
            case "ecdsa-384":
            case "ecdsa-p384":
                return ECDSA_P384;
            case "rsa":
            case "rsa-3072":
                return RSA_3072;
            case "rsa-4096":
                return RSA_4096;
            default:
                throw new IllegalArgumentException("Unknown key type '" + text
                        + "'. Use ed25519, ecdsa-256, ecdsa-384, rsa-3072 or rsa-4096.");
        }
    }
}
