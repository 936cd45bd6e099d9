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

    @Override
    public String describe() {
        return readOnly.isEmpty() ? primary.describe()
                : primary.describe() + " or " + readOnly.stream().map(HostKeyStore::describe).collect(Collectors.joining(" or "));
    }
}
