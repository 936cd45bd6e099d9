package dev.keyport.app.teamfile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.keyport.syncformat.Secret;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.TrustedHostKey;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * Everything in the vault that a team file can carry, read once, in the team file's form (by kind and
 * id, in the vault's order) plus the vault's own records where an import needs them. Secrets are read
 * one by one when asked for. Blocking.
 */
final class VaultContents {

    private final Vault vault;
    private final Map<EntityKind, Map<UUID, Object>> entities = new EnumMap<>(EntityKind.class);
    final Map<UUID, Host> hosts = new LinkedHashMap<>();
    final Map<UUID, KeyEntry> keys = new LinkedHashMap<>();
    final List<TrustedHostKey> trustedKeys;
    final List<HostGroup> groups;
    final List<Identity> identities;
    final List<ForwardProfile> tunnels;

    private VaultContents(Vault vault) throws VaultException {
        this.vault = vault;
        for (EntityKind kind : EntityKind.values()) {
            entities.put(kind, new LinkedHashMap<>());
        }
        groups = vault.groups().list();
        groups.forEach(g -> put(EntityKind.GROUP, g.id(), TeamMapping.group(g)));
        for (Host host : vault.hosts().list()) {
            hosts.put(host.id(), host);
            put(EntityKind.HOST, host.id(), TeamMapping.host(host));
        }
        identities = vault.identities().list();
        identities.forEach(i -> put(EntityKind.IDENTITY, i.id(), TeamMapping.identity(i)));
        for (KeyEntry key : vault.keys().list()) {
            keys.put(key.id(), key);
            put(EntityKind.KEY, key.id(), TeamMapping.key(key));
        }
        tunnels = vault.forwardProfiles().list();
        tunnels.forEach(t -> put(EntityKind.TUNNEL, t.id(), TeamMapping.tunnel(t)));
        trustedKeys = vault.hostKeys().list();
    }

    static VaultContents read(Vault vault) throws VaultException {
        return new VaultContents(vault);
    }

    private void put(EntityKind kind, UUID id, Object entity) {
        entities.get(kind).put(id, entity);
    }

    /** The vault's entities of a kind, in the team file's form, by id. */
    Map<UUID, Object> all(EntityKind kind) {
        return entities.get(kind);
    }

    Optional<Object> find(EntityKind kind, UUID id) {
        return Optional.ofNullable(entities.get(kind).get(id));
    }

    /**
     * The digest of a secret the vault holds for an entity ({@link Content#secretDigest}), or
     * {@link Content#NONE}. The decrypted value is wiped at once.
     */
    String secretDigest(EntityKind kind, UUID id, String field) throws VaultException {
        byte[] value = secret(kind, id, field).orElse(null);
        if (value == null) {
            return Content.NONE;
        }
        try {
            return Content.secretDigest(field, value);
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /** A secret of an entity as bytes (UTF-8 for passwords); the caller wipes it. */
    Optional<byte[]> secret(EntityKind kind, UUID id, String field) throws VaultException {
        switch (field) {
            case EntityType.HOST_PASSWORD:
                return chars(vault.hosts().password(id));
            case EntityType.IDENTITY_PASSWORD:
                return chars(vault.identities().password(id));
            case EntityType.PRIVATE_KEY:
                return vault.keys().hasPrivateKey(id) ? Optional.of(vault.keys().privateKey(id)) : Optional.empty();
            case EntityType.KEY_PASSPHRASE:
                return chars(vault.keys().passphrase(id));
            default:
                throw new IllegalArgumentException("No secret " + field + " for a " + kind.label());
        }
    }

    /** The secret as a team file's {@link Secret} (the caller wipes it), if the vault holds it. */
    Optional<Secret> teamSecret(EntityKind kind, UUID id, String field) throws VaultException {
        Optional<byte[]> bytes = secret(kind, id, field);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Secret.ofBytes(bytes.get()));
        } finally {
            Arrays.fill(bytes.get(), (byte) 0);
        }
    }

    private static Optional<byte[]> chars(Optional<char[]> chars) {
        if (chars.isEmpty()) {
            return Optional.empty();
        }
        Secret secret = Secret.ofChars(chars.get());
        Arrays.fill(chars.get(), '\0');
        try {
            return Optional.of(secret.bytes());
        } finally {
            secret.wipe();
        }
    }

    /** Trusted keys pinned for this host (lower case) and port. */
    List<TrustedHostKey> trustedKeys(String host, int port) {
        List<TrustedHostKey> found = new ArrayList<>();
        for (TrustedHostKey key : trustedKeys) {
            if (key.host().equalsIgnoreCase(host) && key.port() == port) {
                found.add(key);
            }
        }
        return found;
    }
}
