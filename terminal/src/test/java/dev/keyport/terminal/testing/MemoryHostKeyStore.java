package dev.keyport.terminal.testing;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.keyport.terminal.HostKeyStore;

/** A host-key store in memory, for tests of the session layer alone. */
public final class MemoryHostKeyStore implements HostKeyStore {

    private final Map<String, List<PublicKey>> keys = new ConcurrentHashMap<>();

    @Override
    public List<PublicKey> trustedKeys(String host, int port) {
        return List.copyOf(keys.getOrDefault(host + ":" + port, List.of()));
    }

    @Override
    public void trust(String host, int port, PublicKey key) {
        keys.computeIfAbsent(host + ":" + port, k -> new ArrayList<>()).add(key);
    }

    @Override
    public int forget(String host, int port) {
        List<PublicKey> removed = keys.remove(host + ":" + port);
        return removed == null ? 0 : removed.size();
    }

    @Override
    public String describe() {
        return "the test's memory";
    }
}
