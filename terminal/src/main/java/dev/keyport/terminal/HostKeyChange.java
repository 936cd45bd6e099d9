package dev.keyport.terminal;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A server offered a key that matches none of the keys trusted for its address and port (of any type,
 * in any store). Keyport refused it before authenticating; this says what was trusted and what was
 * offered, so the person can compare both fingerprints and, only after confirming, replace the old
 * key with exactly the offered one.
 *
 * @param host       host as dialled (the trusted keys are kept under it)
 * @param port       port
 * @param trusted    every key trusted for this host and port, with where it is kept
 * @param offeredKey the key the server offered this time
 */
public record HostKeyChange(String host, int port, List<Trusted> trusted, PublicKey offeredKey) {

    /** One trusted key: type, SHA256 fingerprint and the store that trusts it ("the Keyport vault", a file). */
    public record Trusted(String keyType, String fingerprint, String where) {
    }

    public HostKeyChange {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(offeredKey, "offeredKey");
        trusted = List.copyOf(trusted);
    }

    /** The offered key's SSH type, e.g. {@code ssh-ed25519}. */
    public String offeredType() {
        return org.apache.sshd.common.config.keys.KeyUtils.getKeyType(offeredKey);
    }

    /** The offered key's fingerprint as {@code ssh-keygen -l} prints it. */
    public String offeredFingerprint() {
        return org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(
                org.apache.sshd.common.digest.BuiltinDigests.sha256, offeredKey);
    }

    /** {@code host:port}. */
    public String hostAndPort() {
        return host + ":" + port;
    }

    /** The change behind a failure, when it (or a failure it wraps, such as a jump host's) is a changed host key. */
    public static Optional<HostKeyChange> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HostKeyChangedFailure changed) {
                return Optional.of(changed.change());
            }
        }
        return Optional.empty();
    }
}
