package dev.keyport.app.teamfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import dev.keyport.app.teamfile.Content.Field;
import dev.keyport.syncformat.Secret;
import dev.keyport.syncformat.TeamDocument;

/**
 * What the import needs to know about one kind of entity, the same for the file's entities and the
 * vault's (both in the team file's form, {@link TeamMapping}): its id and name, the name that makes
 * two entities "the same thing" to a person, its fields for comparing, and its secrets.
 *
 * @param <T> the team file's record for this kind
 */
abstract class EntityType<T> {

    /** The display name of an entity by its vault id, for details ("group Production → Staging"). */
    @FunctionalInterface
    interface Names {
        String of(EntityKind kind, UUID id);
    }

    static final String HOST_PASSWORD = "saved password";
    static final String IDENTITY_PASSWORD = "password";
    static final String PRIVATE_KEY = "private key";
    static final String KEY_PASSPHRASE = "key passphrase";

    static final EntityType<TeamDocument.Key> KEY = new EntityType<>(EntityKind.KEY, "key") {
        @Override
        List<TeamDocument.Key> of(TeamDocument document) {
            return document.keys();
        }

        @Override
        UUID id(TeamDocument.Key key) {
            return key.id();
        }

        @Override
        String name(TeamDocument.Key key) {
            return key.name();
        }

        @Override
        String sameThing(TeamDocument.Key key, UnaryOperator<UUID> ids) {
            return key.fingerprint();
        }

        @Override
        String sameThingText(TeamDocument.Key key) {
            return "the same key (" + key.fingerprint() + ")";
        }

        @Override
        List<Field> fields(TeamDocument.Key key, UnaryOperator<UUID> ids, Names names) {
            return List.of(Field.of("name", key.name()), Field.of("type", key.type()), Field.of("bits", key.bits()),
                    Field.of("fingerprint", key.fingerprint()), Field.of("public key", key.publicKey()));
        }

        @Override
        Map<String, Secret> secrets(TeamDocument.Key key) {
            Map<String, Secret> secrets = new TreeMap<>();
            key.privateKey().ifPresent(s -> secrets.put(PRIVATE_KEY, s));
            key.passphrase().ifPresent(s -> secrets.put(KEY_PASSPHRASE, s));
            return secrets;
        }
    };

    static final EntityType<TeamDocument.Identity> IDENTITY = new EntityType<>(EntityKind.IDENTITY, "identity") {
        @Override
        List<TeamDocument.Identity> of(TeamDocument document) {
            return document.identities();
        }

        @Override
        UUID id(TeamDocument.Identity identity) {
            return identity.id();
        }

        @Override
        String name(TeamDocument.Identity identity) {
            return identity.name();
        }

        @Override
        List<Field> fields(TeamDocument.Identity identity, UnaryOperator<UUID> ids, Names names) {
            return List.of(Field.of("name", identity.name()), Field.of("user", identity.user()),
                    reference("key", EntityKind.KEY, identity.key().map(ids), names));
        }

        @Override
        Map<String, Secret> secrets(TeamDocument.Identity identity) {
            return identity.password().map(s -> Map.of(IDENTITY_PASSWORD, s)).orElse(Map.of());
        }
    };

    static final EntityType<TeamDocument.Group> GROUP = new EntityType<>(EntityKind.GROUP, "group") {
        @Override
        List<TeamDocument.Group> of(TeamDocument document) {
            return document.groups();
        }

        @Override
        UUID id(TeamDocument.Group group) {
            return group.id();
        }

        @Override
        String name(TeamDocument.Group group) {
            return group.name();
        }

        @Override
        String sameThing(TeamDocument.Group group, UnaryOperator<UUID> ids) {
            // a group's name is unique among its siblings only
            return group.parent().map(ids).map(UUID::toString).orElse("") + "/" + super.sameThing(group, ids);
        }

        @Override
        List<Field> fields(TeamDocument.Group group, UnaryOperator<UUID> ids, Names names) {
            return List.of(Field.of("name", group.name()), reference("parent group", EntityKind.GROUP, group.parent().map(ids), names));
        }
    };

    static final EntityType<TeamDocument.Host> HOST = new EntityType<>(EntityKind.HOST, "host") {
        @Override
        List<TeamDocument.Host> of(TeamDocument document) {
            return document.hosts();
        }

        @Override
        UUID id(TeamDocument.Host host) {
            return host.id();
        }

        @Override
        String name(TeamDocument.Host host) {
            return host.name();
        }

        @Override
        List<Field> fields(TeamDocument.Host host, UnaryOperator<UUID> ids, Names names) {
            List<Field> fields = new ArrayList<>(List.of(Field.of("name", host.name()), Field.of("address", host.address()),
                    Field.of("port", host.port()), Field.of("user", host.user()),
                    reference("group", EntityKind.GROUP, host.group().map(ids), names),
                    reference("identity", EntityKind.IDENTITY, host.identity().map(ids), names)));
            TeamDocument.Auth auth = host.auth();
            if (auth instanceof TeamDocument.Auth.VaultKey key) {
                UUID id = ids.apply(key.key());
                fields.add(new Field("login", "vault-key " + id, "key " + names.of(EntityKind.KEY, id)));
            } else if (auth instanceof TeamDocument.Auth.KeyFile file) {
                fields.add(new Field("login", "key-file " + file.path(), "key file " + file.path()));
            } else {
                fields.add(new Field("login", auth.kind(), auth.kind().equals("password") ? "password (asked)" : "saved password"));
            }
            List<UUID> chain = host.jumpChain().stream().map(ids).toList();
            fields.add(new Field("jump hosts", chain.stream().map(UUID::toString).collect(Collectors.joining(",")),
                    chain.stream().map(id -> names.of(EntityKind.HOST, id)).collect(Collectors.joining(", "))));
            fields.add(Field.of("host key policy", host.hostKeyPolicy().fileName()));
            fields.add(Field.of("keepalive", host.keepAliveSeconds()));
            fields.add(Field.of("legacy algorithms", host.legacyAlgorithms()));
            fields.add(Field.of("agent forwarding", host.agentForwarding()));
            fields.add(Field.of("tags", String.join(",", TeamMapping.sortedTags(host.tags()))));
            fields.add(Field.of("notes", host.notes()));
            return fields;
        }

        @Override
        Map<String, Secret> secrets(TeamDocument.Host host) {
            return TeamMapping.password(host).map(s -> Map.of(HOST_PASSWORD, s)).orElse(Map.of());
        }
    };

    static final EntityType<TeamDocument.TunnelProfile> TUNNEL = new EntityType<>(EntityKind.TUNNEL, "tunnel") {
        @Override
        List<TeamDocument.TunnelProfile> of(TeamDocument document) {
            return document.tunnels();
        }

        @Override
        UUID id(TeamDocument.TunnelProfile tunnel) {
            return tunnel.id();
        }

        @Override
        String name(TeamDocument.TunnelProfile tunnel) {
            return tunnel.name();
        }

        @Override
        List<Field> fields(TeamDocument.TunnelProfile tunnel, UnaryOperator<UUID> ids, Names names) {
            String forwards = tunnel.forwards().stream().map(EntityType::forward).collect(Collectors.joining(", "));
            return List.of(Field.of("name", tunnel.name()), reference("host", EntityKind.HOST, Optional.of(ids.apply(tunnel.host())), names),
                    Field.of("autostart", tunnel.autostart()), Field.of("forwards", forwards));
        }
    };

    /** In the order an import writes them: what is referred to comes first. */
    static final List<EntityType<?>> ALL = List.of(KEY, IDENTITY, GROUP, HOST, TUNNEL);

    private final EntityKind kind;
    private final String label;

    private EntityType(EntityKind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    EntityKind kind() {
        return kind;
    }

    /** "host", "key". */
    String label() {
        return label;
    }

    abstract List<T> of(TeamDocument document);

    abstract UUID id(T entity);

    abstract String name(T entity);

    /** Two entities with different ids but the same value here are the same thing to a person (a name clash). */
    String sameThing(T entity, UnaryOperator<UUID> ids) {
        return name(entity).strip().toLowerCase(Locale.ROOT);
    }

    /** How a clash is described: "the same name". */
    String sameThingText(T entity) {
        return "the same name";
    }

    /** Its fields for comparing, references turned into vault ids by {@code ids}. */
    abstract List<Field> fields(T entity, UnaryOperator<UUID> ids, Names names);

    /** The secrets it carries, by field name. */
    Map<String, Secret> secrets(T entity) {
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    T cast(Object entity) {
        return (T) entity;
    }

    private static Field reference(String label, EntityKind kind, Optional<UUID> id, Names names) {
        return new Field(label, id.map(UUID::toString).orElse(""), id.map(i -> names.of(kind, i)).orElse(""));
    }

    private static String forward(TeamDocument.Forward f) {
        String bind = f.bindAddress() + ":" + f.bindPort();
        return switch (f.kind()) {
            case LOCAL -> "L " + bind + " " + f.targetHost().orElse("") + ":" + f.targetPort().orElse(0);
            case REMOTE -> "R " + bind + " " + f.targetHost().orElse("") + ":" + f.targetPort().orElse(0);
            case DYNAMIC -> "D " + bind;
        };
    }
}
