package dev.keyport.vault;

import java.time.Instant;
import java.util.UUID;

/**
 * A server key the person decided to trust.
 *
 * @param id      stable id
 * @param host    host pattern as typed when connecting (lower case)
 * @param port    port
 * @param keyType SSH key type, e.g. {@code ssh-ed25519}
 * @param keyData the public key in SSH wire format, base64 (as in known_hosts)
 * @param addedAt when it was trusted
 * @param source  where the trust came from ("trusted on first connection", "imported from ~/.ssh/known_hosts")
 */
public record TrustedHostKey(UUID id, String host, int port, String keyType, String keyData, Instant addedAt, String source) {
}
