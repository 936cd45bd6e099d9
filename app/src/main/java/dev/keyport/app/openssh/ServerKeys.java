package dev.keyport.app.openssh;

import dev.keyport.syncformat.openssh.SshPublicKey;

/** How server keys are shown to people. */
public final class ServerKeys {

    private ServerKeys() {
    }

    /** {@code SHA256:…} of a key (type and base64 blob, as in known_hosts) as {@code ssh-keygen -l} shows it. */
    public static String fingerprint(String keyType, String base64) {
        try {
            return SshPublicKey.of(keyType, base64).fingerprint();
        } catch (IllegalArgumentException e) {
            return "(an unreadable key)";
        }
    }
}
