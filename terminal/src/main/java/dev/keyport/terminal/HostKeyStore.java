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

    /**
     * Replaces every key trusted for this host and port with {@code key}: the end of the confirmed
     * "the server's key changed" flow, after the person compared both fingerprints. Never automatic.
     *
     * @throws IllegalStateException when the store cannot do it (a read-only file still trusts the old key); the message says what to do
     */
    default void replace(String host, int port, PublicKey key) {
        forget(host, port);
        trust(host, port, key);
    }

    /** Which store trusts {@code key} for this host, for messages; this store's {@link #describe()} unless combined. */
    default String whereTrusted(String host, int port, PublicKey key) {
        return describe();
    }

    /**
     * What the person can do when the key of this host changed and the new one is genuine (a sentence,
     * added to the refusal). Says how to replace the key in this store.
     */
    default String replaceAdvice(String host, int port) {
        return "Check with the server's administrator before replacing the trusted key.";
    }

    /** Where the keys are kept, for messages ("the Keyport vault", "~/.ssh/known_hosts"). */
    String describe();
}
