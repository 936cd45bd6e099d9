package dev.keyport.app.teamfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
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
final class EntityType<T> {

    /** The display name of an entity by its vault id, for details ("group Production → Staging"). */
    @FunctionalInterface
    interface Names {
        String of(EntityKind kind, UUID id);
    }

    static final String HOST_PASSWORD = "saved password";
    static final String IDENTITY_PASSWORD = "password";
    static final String PRIVATE_KEY = "private key";
    static final String KEY_PASSPHRASE = "key passphrase";

    static final EntityType<TeamDocument.Key> KEY = new EntityType<TeamDocument.Key>(EntityKind.KEY, "key", TeamDocument::keys,
            TeamDocument.Key::id, TeamDocument.Key::name,
            (key, ids, names) -> List.of(Field.of("name", key.name()), Field.of("type", key.type()), Field.of("bits", key.bits()),
                    Field.of("fingerprint", key.fingerprint()), Field.of("public key", key.publicKey())))
            .sameThing((key, ids) -> key.fingerprint(), key -> "the same key (" + key.fingerprint() + ")")
            .secrets(key -> {
                Map<String, Secret> secrets = new TreeMap<>();
                key.privateKey().ifPresent(s -> secrets.put(PRIVATE_KEY, s));
                key.passphrase().ifPresent(s -> secrets.put(KEY_PASSPHRASE, s));
                return secrets;
            });

    static final EntityType<TeamDocument.Identity> IDENTITY = new EntityType<TeamDocument.Identity>(EntityKind.IDENTITY, "identity",
            TeamDocument::identities, TeamDocument.Identity::id, TeamDocument.Identity::name,
            (identity, ids, names) -> List.of(Field.of("name", identity.name()), Field.of("user", identity.user()),
                    reference("key", EntityKind.KEY, identity.key().map(ids), names)))
            .secrets(identity -> identity.password().map(s -> Map.of(IDENTITY_PASSWORD, s)).orElse(Map.of()));

    static final EntityType<TeamDocument.Group> GROUP = new EntityType<TeamDocument.Group>(EntityKind.GROUP, "group",
            TeamDocument::groups, TeamDocument.Group::id, TeamDocument.Group::name,
            (group, ids, names) -> List.of(Field.of("name", group.name()),
                    reference("parent group", EntityKind.GROUP, group.parent().map(ids), names)))
            // a group's name is unique among its siblings only
            .sameThing((group, ids) -> group.parent().map(ids).map(UUID::toString).orElse("") + "/" + lower(group.name()),
                    group -> "the same name");

    static final EntityType<TeamDocument.Host> HOST = new EntityType<TeamDocument.Host>(EntityKind.HOST, "host", TeamDocument::hosts,
            TeamDocument.Host::id, TeamDocument.Host::name, EntityType::hostFields)
            .secrets(host -> TeamMapping.password(host).map(s -> Map.of(HOST_PASSWORD, s)).orElse(Map.of()));

    static final EntityType<TeamDocument.TunnelProfile> TUNNEL = new EntityType<TeamDocument.TunnelProfile>(EntityKind.TUNNEL, "tunnel",
            TeamDocument::tunnels, TeamDocument.TunnelProfile::id, TeamDocument.TunnelProfile::name,
            (tunnel, ids, names) -> List.of(Field.of("name", tunnel.name()),
                    reference("host", EntityKind.HOST, Optional.of(ids.apply(tunnel.host())), names),
                    Field.of("autostart", tunnel.autostart()),
                    Field.of("forwards", tunnel.forwards().stream().map(EntityType::forward).collect(Collectors.joining(", ")))));

    /** In the order an import writes them: what is referred to comes first. */
    static final List<EntityType<?>> ALL = List.of(KEY, IDENTITY, GROUP, HOST, TUNNEL);

    /** An entity's fields for comparing, references turned into vault ids by {@code ids}. */
    @FunctionalInterface
    interface Fields<T> {
        List<Field> of(T entity, UnaryOperator<UUID> ids, Names names);
    }

    private final EntityKind kind;
    private final String label;
    private final Function<TeamDocument, List<T>> of;
    private final Function<T, UUID> id;
    private final Function<T, String> name;
    private final Fields<T> fields;
    private BiFunction<T, UnaryOperator<UUID>, String> sameThing = (entity, ids) -> lower(name(entity));
    private Function<T, String> sameThingText = entity -> "the same name";
    private Function<T, Map<String, Secret>> secrets = entity -> Map.of();

    private EntityType(EntityKind kind, String label, Function<TeamDocument, List<T>> of, Function<T, UUID> id, Function<T, String> name,
                       Fields<T> fields) {
        this.kind = kind;
        this.label = label;
        this.of = of;
        this.id = id;
        this.name = name;
        this.fields = fields;
    }

    private EntityType<T> sameThing(BiFunction<T, UnaryOperator<UUID>, String> key, Function<T, String> text) {
        this.sameThing = key;
        this.sameThingText = text;
        return this;
    }

    private EntityType<T> secrets(Function<T, Map<String, Secret>> carried) {
        this.secrets = carried;
        return this;
    }

    EntityKind kind() {
        return kind;
    }

    /** "host", "key". */
    String label() {
        return label;
    }

    List<T> of(TeamDocument document) {
        return of.apply(document);
    }

    UUID id(T entity) {
        return id.apply(entity);
    }

    String name(T entity) {
        return name.apply(entity);
    }

    /**
     * Two entities with different ids but the same value here are the same thing to a person (a name
     * clash): the name (ignoring case), a group's among its siblings, a key's fingerprint.
     */
    String sameThing(T entity, UnaryOperator<UUID> ids) {
        return sameThing.apply(entity, ids);
    }

    /** How a clash is described: "the same name". */
    String sameThingText(T entity) {
        return sameThingText.apply(entity);
    }

    /** Its fields for comparing, references turned into vault ids by {@code ids}. */
    List<Field> fields(T entity, UnaryOperator<UUID> ids, Names names) {
        return fields.of(entity, ids, names);
    }

    /** The secrets it carries, by field name. */
    Map<String, Secret> secrets(T entity) {
        return secrets.apply(entity);
    }

    @SuppressWarnings("unchecked")
    T cast(Object entity) {
        return (T) entity;
    }

    private static String lower(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static List<Field> hostFields(TeamDocument.Host host, UnaryOperator<UUID> ids, Names names) {
        List<Field> fields = new ArrayList<>(List.of(Field.of("name", host.name()), Field.of("address", host.address()),
                Field.of("port", host.port()), Field.of("user", host.user()),
                reference("group", EntityKind.GROUP, host.group().map(ids), names),
                reference("identity", EntityKind.IDENTITY, host.identity().map(ids), names)));
        TeamDocument.Auth auth = host.auth();
        if (auth instanceof TeamDocument.Auth.VaultKey key) {
            UUID keyId = ids.apply(key.key());
            fields.add(new Field("login", "vault-key " + keyId, "key " + names.of(EntityKind.KEY, keyId)));
        } else if (auth instanceof TeamDocument.Auth.KeyFile file) {
            fields.add(new Field("login", "key-file " + file.path(), "key file " + file.path()));
        } else {
            fields.add(new Field("login", auth.kind(), auth.kind().equals("password") ? "password (asked)" : "saved password"));
        }
        List<UUID> chain = host.jumpChain().stream().map(ids).toList();
        fields.add(new Field("jump hosts", chain.stream().map(UUID::toString).collect(Collectors.joining(",")),
                chain.stream().map(hop -> names.of(EntityKind.HOST, hop)).collect(Collectors.joining(", "))));
        fields.add(Field.of("host key policy", host.hostKeyPolicy().fileName()));
        fields.add(Field.of("keepalive", host.keepAliveSeconds()));
        fields.add(Field.of("legacy algorithms", host.legacyAlgorithms()));
        fields.add(Field.of("agent forwarding", host.agentForwarding()));
        fields.add(Field.of("tags", String.join(",", TeamMapping.sortedTags(host.tags()))));
        fields.add(Field.of("notes", host.notes()));
        return fields;
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
