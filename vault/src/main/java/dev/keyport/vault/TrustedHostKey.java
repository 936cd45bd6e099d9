package dev.keyport.vault;

import java.time.Instant;

/**
 * A server key the person decided to trust.
 *
 * @param host    host as typed when connecting
 * @param port    port
 * @param keyType SSH key type, e.g. {@code ssh-ed25519}
 * @param keyData the public key in SSH wire format, base64 (as in known_hosts)
 * @param addedAt when it was trusted
 */
public record TrustedHostKey(String host, int port, String keyType, String keyData, Instant addedAt) {
}
