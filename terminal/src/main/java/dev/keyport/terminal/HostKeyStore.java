package dev.keyport.terminal;

import java.security.PublicKey;
import java.util.List;

/** Where trusted server keys are kept (the vault in the app, a known_hosts file elsewhere). */
public interface HostKeyStore {

    /** Keys trusted for this host and port; empty when the host was never seen. */
    List<PublicKey> trustedKeys(String host, int port);

    /** Remembers {@code key} as trusted for this host and port. */
    void trust(String host, int port, PublicKey key);

    /**
     * True when this exact key is marked revoked for the host (known_hosts {@code @revoked}); a
     * revoked key is refused even when it is also listed as trusted.
     */
    default boolean isRevoked(String host, int port, PublicKey key) {
        return false;
    }

    /**
     * Forgets every key trusted for this host and port: the deliberate "replace the saved key" action
     * (after checking the new key with the server's administrator), never part of a warning's default path.
     *
     * @return how many keys were forgotten
     */
    default int forget(String host, int port) {
        throw new UnsupportedOperationException(describe() + " cannot forget keys");
    }

    /** Where the keys are kept, for messages ("the Keyport vault", "~/.ssh/known_hosts"). */
    String describe();
}
