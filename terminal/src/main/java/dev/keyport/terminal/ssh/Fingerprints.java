package dev.keyport.terminal.ssh;

import java.security.PublicKey;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/** Key type names and fingerprints in OpenSSH's notation. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** {@code SHA256:<base64 without padding>}, exactly as {@code ssh-keygen -l} prints it. */
    public static String sha256(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The SSH type name, e.g. {@code ssh-ed25519} or {@code ecdsa-sha2-nistp256}. */
    public static String keyType(PublicKey key) {
        return KeyUtils.getKeyType(key);
    }
}
