package dev.keyport.terminal.knownhosts;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.sshd.common.config.keys.KeyUtils;

import dev.keyport.terminal.HostKeyStore;

/**
 * Keyport's own store (the vault in the app) plus stores it only reads, typically the person's
 * {@code ~/.ssh/known_hosts}: keys trusted in OpenSSH are trusted here too, a key revoked in any of
 * them is refused, and new keys are saved to the primary store only.
 */
public final class CombinedHostKeyStore implements HostKeyStore {

    private final HostKeyStore primary;
    private final List<HostKeyStore> readOnly;

    public CombinedHostKeyStore(HostKeyStore primary, List<? extends HostKeyStore> readOnly) {
        this.primary = primary;
        this.readOnly = List.copyOf(readOnly);
    }

    @Override
    public List<PublicKey> trustedKeys(String host, int port) {
        List<PublicKey> keys = new ArrayList<>(primary.trustedKeys(host, port));
        for (HostKeyStore store : readOnly) {
            for (PublicKey key : store.trustedKeys(host, port)) {
                if (keys.stream().noneMatch(k -> KeyUtils.compareKeys(k, key))) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    @Override
    public boolean isRevoked(String host, int port, PublicKey key) {
        return primary.isRevoked(host, port, key) || readOnly.stream().anyMatch(s -> s.isRevoked(host, port, key));
    }

    @Override
    public void trust(String host, int port, PublicKey key) {
        primary.trust(host, port, key);
    }

    @Override
    public int forget(String host, int port) {
        return primary.forget(host, port);
    }

    /**
     * Replaces the key in the primary store. Refused, with nothing changed, when a read-only store still
     * trusts another key for the host: Keyport does not edit those files, and the old key would keep the
     * new one out.
     */
    @Override
    public void replace(String host, int port, PublicKey key) {
        for (HostKeyStore store : readOnly) {
            List<PublicKey> stale = store.trustedKeys(host, port).stream().filter(k -> !KeyUtils.compareKeys(k, key)).toList();
            if (!stale.isEmpty()) {
                throw new IllegalStateException(store.describe() + " also trusts " + stale.size() + (stale.size() == 1 ? " key" : " keys")
                        + " for " + host + ":" + port + " (" + stale.stream().map(k -> KeyUtils.getKeyType(k) + " "
                        + KeyUtils.getFingerPrint(org.apache.sshd.common.digest.BuiltinDigests.sha256, k)).collect(Collectors.joining(", "))
                        + ") and Keyport does not change that file. " + store.replaceAdvice(host, port));
            }
        }
        primary.replace(host, port, key);
    }

    @Override
    public String whereTrusted(String host, int port, PublicKey key) {
        if (primary.trustedKeys(host, port).stream().anyMatch(k -> KeyUtils.compareKeys(k, key))) {
            return primary.whereTrusted(host, port, key);
        }
        for (HostKeyStore store : readOnly) {
            if (store.trustedKeys(host, port).stream().anyMatch(k -> KeyUtils.compareKeys(k, key))) {
                return store.whereTrusted(host, port, key);
            }
        }
        return describe();
    }

    /** The advice of the stores that trust a key for this host (a read-only file needs its own command). */
    @Override
    public String replaceAdvice(String host, int port) {
        List<String> advice = new ArrayList<>();
        if (!primary.trustedKeys(host, port).isEmpty()) {
            advice.add(primary.replaceAdvice(host, port));
        }
        for (HostKeyStore store : readOnly) {
            if (!store.trustedKeys(host, port).isEmpty()) {
                advice.add(store.replaceAdvice(host, port));
            }
        }
        return advice.isEmpty() ? primary.replaceAdvice(host, port) : String.join(" ", advice);
    }

    @Override
    public String describe() {
        return readOnly.isEmpty() ? primary.describe()
                : primary.describe() + " or " + readOnly.stream().map(HostKeyStore::describe).collect(Collectors.joining(" or "));
    }
}
