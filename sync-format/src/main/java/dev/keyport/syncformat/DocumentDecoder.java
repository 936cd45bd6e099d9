package dev.keyport.syncformat;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.keyport.syncformat.TeamDocument.Auth;
import dev.keyport.syncformat.TeamDocument.Forward;
import dev.keyport.syncformat.TeamDocument.ForwardKind;
import dev.keyport.syncformat.TeamDocument.Group;
import dev.keyport.syncformat.TeamDocument.Host;
import dev.keyport.syncformat.TeamDocument.HostKeyPolicy;
import dev.keyport.syncformat.TeamDocument.Identity;
import dev.keyport.syncformat.TeamDocument.Key;
import dev.keyport.syncformat.TeamDocument.TrustedHostKey;
import dev.keyport.syncformat.TeamDocument.TunnelProfile;
import dev.keyport.syncformat.TextRules.Rule;
import dev.keyport.syncformat.openssh.SshPublicKey;

/**
 * Turns a parsed team file into a {@link TeamDocument}, checking every rule of the format on the way:
 * the format and version, the protection (passphrase, integrity code), types, ranges and text rules,
 * unique ids and references. The first broken rule stops it with a {@link TeamFileException} naming
 * the JSON path (and, when the bytes are at hand, the line and column). Unknown fields become
 * warnings.
 */
final class DocumentDecoder {

    private static final Pattern VERSION = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int MAX_SECRET_BYTES = 256 * 1024;

    /** What was decoded; {@code unlocked} is present for a protected file and must be closed. */
    record Decoded(TeamDocument document, List<TeamFileWarning> warnings, Optional<Unlocked> unlocked) {
    }

    /** The opened protection of a file: its block, its keys and its sealed secrets by entity and field. */
    record Unlocked(Protection protection, FileKeys keys, Map<String, SealedSecret> secrets) implements AutoCloseable {
        @Override
        public void close() {
            keys.close();
        }
    }

    /** A secret as it stands in the file, and its value. */
    record SealedSecret(Sealed sealed, Secret value) {
    }

    static String secretKey(UUID entityId, String field) {
        return entityId + "|" + field;
    }

    private enum Kind { GROUP, HOST, IDENTITY, KEY, TUNNEL, HOST_KEY }

    private record Ref(JsonPath path, UUID target, Kind kind) {
    }

    private final JsonNode root;
    private final byte[] source;
    private final char[] passphrase;
    private final FileKeys knownKeys;
    private final Map<JsonPath, String> warnings = new LinkedHashMap<>();
    private final Map<UUID, Kind> ids = new HashMap<>();
    private final List<Ref> refs = new ArrayList<>();
    private final Map<String, SealedSecret> secrets = new HashMap<>();
    private String version;
    private int minor;
    private UUID fileId;
    private FileKeys keys;

    private DocumentDecoder(JsonNode root, byte[] source, char[] passphrase, FileKeys knownKeys) {
        this.root = root;
        this.source = source;
        this.passphrase = passphrase;
        this.knownKeys = knownKeys;
    }

    /**
     * Decodes a parsed file.
     *
     * @param source     the file's bytes, to find lines and columns for messages; null when there are none
     *                   (a tree the writer built)
     * @param passphrase the export passphrase, or null
     * @param knownKeys  the file's keys when the caller has them already (the writer checking what it
     *                   wrote), else null; they stay the caller's to close
     */
    static Decoded decode(JsonNode root, byte[] source, char[] passphrase, FileKeys knownKeys) throws TeamFileException {
        DocumentDecoder decoder = new DocumentDecoder(root, source, passphrase, knownKeys);
        try {
            return decoder.run();
        } catch (TeamFileException | RuntimeException | Error e) {
            if (decoder.keys != null && decoder.keys != knownKeys) {
                decoder.keys.close();
            }
            decoder.secrets.values().forEach(s -> s.value().wipe());
            throw e;
        }
    }

    private Decoded run() throws TeamFileException {
        Obj top = new Obj(root, JsonPath.ROOT, "A team file");
        header(top);
        fileId = top.id("id");
        Optional<Protection> protection = protection(top);

        List<Group> groups = list(top, "groups", this::group);
        List<Host> hosts = list(top, "hosts", this::host);
        List<Identity> identities = list(top, "identities", this::identity);
        List<Key> keyList = list(top, "keys", this::key);
        List<TunnelProfile> tunnels = list(top, "tunnels", this::tunnel);
        List<TrustedHostKey> hostKeys = list(top, "trustedHostKeys", this::trustedHostKey);
        top.finish();

        checkReferences();
        checkGroupCycles(groups);
        checkJumpCycles(hosts);

        TeamDocument document = new TeamDocument(fileId, groups, hosts, identities, keyList, tunnels, hostKeys);
        Optional<Unlocked> unlocked = protection.map(p -> new Unlocked(p, keys, Map.copyOf(secrets)));
        return new Decoded(document, locatedWarnings(), unlocked);
    }

    // ---- header and protection ------------------------------------------------------------------

    private void header(Obj top) throws TeamFileException {
        JsonNode format = top.get("format");
        if (format == null || !format.isTextual() || !format.textValue().equals(TeamFile.FORMAT)) {
            throw error(JsonPath.ROOT.field("format"),
                    "This is not a Keyport team file: it needs \"format\": \"" + TeamFile.FORMAT + "\"");
        }
        JsonNode versionNode = top.get("version");
        JsonPath at = JsonPath.ROOT.field("version");
        if (versionNode == null || !versionNode.isTextual()) {
            throw error(at, "\"version\" must be a string such as \"" + TeamFile.VERSION + "\"");
        }
        version = versionNode.textValue();
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            throw error(at, "\"version\" must be major.minor, such as \"" + TeamFile.VERSION + "\", not \""
                    + JsonPath.printable(version, 40) + "\"");
        }
        int major = Integer.parseInt(matcher.group(1));
        minor = Integer.parseInt(matcher.group(2));
        if (major != TeamFile.MAJOR) {
            throw new TeamFileException(TeamFileException.Kind.UNSUPPORTED_VERSION,
                    "This team file is version " + version + "; this Keyport reads version " + TeamFile.MAJOR + ".x."
                            + (major > TeamFile.MAJOR ? " Update Keyport to import it." : ""),
                    location(at), null);
        }
    }

    private Optional<Protection> protection(Obj top) throws TeamFileException {
        Optional<Obj> block = top.optionalObject("protection");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        Obj p = block.get();
        Obj kdfBlock = p.object("kdf");
        String algorithm = kdfBlock.text("algorithm", TextRules.ANY);
        if (!algorithm.equals(Protection.ALGORITHM)) {
            throw error(kdfBlock.path.field("algorithm"), "The key derivation \"" + JsonPath.printable(algorithm, 40)
                    + "\" is not one this Keyport knows (it uses \"" + Protection.ALGORITHM + "\")");
        }
        KdfParameters kdf = new KdfParameters(kdfBlock.integer("memoryKiB", 1, Integer.MAX_VALUE),
                kdfBlock.integer("iterations", 1, Integer.MAX_VALUE), kdfBlock.integer("parallelism", 1, Integer.MAX_VALUE));
        byte[] salt = kdfBlock.bytes("salt", TeamCrypto.SALT_BYTES, TeamCrypto.SALT_BYTES);
        kdfBlock.finish();
        if (kdf.belowFloor()) {
            throw error(kdfBlock.path, "The team file's key-derivation settings (" + kdf + ") are weaker than Keyport accepts"
                    + " (at least " + KdfParameters.FLOOR + "); the file may have been tampered with. Nothing was imported.");
        }
        if (kdf.aboveCeiling()) {
            throw error(kdfBlock.path, "The team file's key-derivation settings (" + kdf + ") are costlier than Keyport"
                    + " allows (at most " + KdfParameters.CEILING + "). Nothing was imported.");
        }
        Sealed wrapped = p.sealed("wrappedKey", TeamCrypto.KEY_BYTES + Sealed.TAG_BYTES, TeamCrypto.KEY_BYTES + Sealed.TAG_BYTES);
        byte[] mac = p.bytes("mac", 32, 32);
        p.finish();
        Protection protection = new Protection(kdf, salt, wrapped);
        if (knownKeys != null) {
            keys = knownKeys;
        } else if (passphrase == null) {
            throw new TeamFileException(TeamFileException.Kind.PASSPHRASE_REQUIRED,
                    "This team file carries secrets protected by an export passphrase. Enter the passphrase to import it.");
        } else {
            keys = new FileKeys(protection.unwrap(fileId, passphrase));
        }
        if (!keys.macMatches(Json.canonical(root), mac)) {
            throw new TeamFileException(TeamFileException.Kind.TAMPERED,
                    "The team file was changed after it was exported: its contents no longer match the integrity code"
                            + " made with the export passphrase (an address, a port, a pinned key or anything else may"
                            + " have been altered). Nothing was imported.");
        }
        return Optional.of(protection);
    }

    // ---- entities --------------------------------------------------------------------------------

    @FunctionalInterface
    private interface EntityReader<T> {
        T read(Obj entity) throws TeamFileException;
    }

    private <T> List<T> list(Obj top, String name, EntityReader<T> reader) throws TeamFileException {
        List<T> out = new ArrayList<>();
        for (Obj entity : top.objects(name, TeamFile.MAX_ENTITIES)) {
            out.add(reader.read(entity));
            entity.finish();
        }
        return out;
    }

    private UUID entityId(Obj entity, Kind kind) throws TeamFileException {
        UUID id = entity.id("id");
        if (ids.putIfAbsent(id, kind) != null || id.equals(fileId)) {
            throw error(entity.path.field("id"), "The id " + id + " is used twice; every entity needs its own id");
        }
        return id;
    }

    private Group group(Obj g) throws TeamFileException {
        UUID id = entityId(g, Kind.GROUP);
        String name = g.text("name", TextRules.NAME);
        Optional<UUID> parent = g.optionalRef("parent", Kind.GROUP);
        return new Group(id, name, parent);
    }

    private Host host(Obj h) throws TeamFileException {
        UUID id = entityId(h, Kind.HOST);
        Host.Builder host = Host.builder(id, h.text("name", TextRules.NAME), h.text("address", TextRules.ADDRESS_RULE),
                h.text("user", TextRules.USER));
        host.port(h.integer("port", 1, 65535, 22));
        h.optionalRef("group", Kind.GROUP).ifPresent(host::group);
        h.optionalRef("identity", Kind.IDENTITY).ifPresent(host::identity);
        host.auth(auth(h.object("auth"), id));
        List<UUID> chain = new ArrayList<>();
        List<JsonNode> hops = h.array("jumpChain", TeamFile.MAX_NESTED_ITEMS);
        for (int i = 0; i < hops.size(); i++) {
            JsonPath at = h.path.field("jumpChain").index(i);
            UUID hop = uuid(hops.get(i), at);
            if (hop.equals(id)) {
                throw error(at, "A host cannot jump through itself");
            }
            if (chain.contains(hop)) {
                throw error(at, "The jump chain lists host " + hop + " twice");
            }
            chain.add(hop);
            refs.add(new Ref(at, hop, Kind.HOST));
        }
        host.jumpChain(chain);
        String policy = h.optionalText("hostKeyPolicy", TextRules.ANY).orElse(HostKeyPolicy.ASK.fileName());
        host.hostKeyPolicy(HostKeyPolicy.fromFileName(policy).orElseThrow(() -> error(h.path.field("hostKeyPolicy"),
                "\"hostKeyPolicy\" must be ask, accept-new or strict, not \"" + JsonPath.printable(policy, 40) + "\"")));
        host.keepAliveSeconds(h.integer("keepAliveSeconds", 0, 86_400, 0));
        host.legacyAlgorithms(h.bool("legacyAlgorithms", false));
        host.agentForwarding(h.bool("agentForwarding", false));
        host.tags(h.texts("tags", TextRules.TAG));
        host.notes(h.optionalText("notes", TextRules.NOTES).orElse(""));
        return host.build();
    }

    private Auth auth(Obj a, UUID hostId) throws TeamFileException {
        String kind = a.text("kind", TextRules.ANY);
        Auth auth = switch (kind) {
            case "password" -> new Auth.AskPassword();
            case "saved-password" -> new Auth.SavedPassword(a.secret("password", hostId, "auth.password"));
            case "vault-key" -> new Auth.VaultKey(a.ref("key", Kind.KEY));
            case "key-file" -> new Auth.KeyFile(a.text("path", TextRules.PATH));
            default -> throw error(a.path.field("kind"), "\"kind\" must be password, saved-password, vault-key or"
                    + " key-file, not \"" + JsonPath.printable(kind, 40) + "\"");
        };
        a.finish();
        return auth;
    }

    private Identity identity(Obj i) throws TeamFileException {
        UUID id = entityId(i, Kind.IDENTITY);
        return new Identity(id, i.text("name", TextRules.NAME), i.text("user", TextRules.USER),
                i.optionalRef("key", Kind.KEY), i.secret("password", id, "password"));
    }

    private Key key(Obj k) throws TeamFileException {
        UUID id = entityId(k, Kind.KEY);
        String name = k.text("name", TextRules.NAME);
        String type = k.text("type", TextRules.KEY_TYPE_RULE);
        int bits = k.integer("bits", 0, 65_536);
        String fingerprint = k.text("fingerprint", TextRules.FINGERPRINT_RULE);
        String line = k.text("publicKey", TextRules.KEY_LINE);
        SshPublicKey publicKey;
        try {
            publicKey = SshPublicKey.parse(line);
        } catch (IllegalArgumentException e) {
            throw error(k.path.field("publicKey"), "\"publicKey\" is not a public key line: " + e.getMessage());
        }
        if (!publicKey.type().equals(type)) {
            throw error(k.path.field("publicKey"), "\"publicKey\" is a " + publicKey.type() + " key, but \"type\" says " + type);
        }
        if (!publicKey.fingerprint().equals(fingerprint)) {
            throw error(k.path.field("fingerprint"), "\"fingerprint\" does not match the public key (it is "
                    + publicKey.fingerprint() + ")");
        }
        return new Key(id, name, type, bits, fingerprint, line, k.secret("privateKey", id, "privateKey"),
                k.secret("passphrase", id, "passphrase"));
    }

    private TunnelProfile tunnel(Obj t) throws TeamFileException {
        UUID id = entityId(t, Kind.TUNNEL);
        String name = t.text("name", TextRules.NAME);
        UUID host = t.ref("host", Kind.HOST);
        boolean autostart = t.bool("autostart", false);
        List<Obj> forwardObjects = t.objects("forwards", TeamFile.MAX_NESTED_ITEMS);
        if (forwardObjects.isEmpty()) {
            throw error(t.path.field("forwards"), "A tunnel profile needs at least one forward");
        }
        List<Forward> forwards = new ArrayList<>();
        for (Obj f : forwardObjects) {
            forwards.add(forward(f));
            f.finish();
        }
        return new TunnelProfile(id, name, host, autostart, forwards);
    }

    private Forward forward(Obj f) throws TeamFileException {
        String kindName = f.text("kind", TextRules.ANY);
        ForwardKind kind = ForwardKind.fromFileName(kindName).orElseThrow(() -> error(f.path.field("kind"),
                "\"kind\" must be local, remote or dynamic, not \"" + JsonPath.printable(kindName, 40) + "\""));
        String bind = f.text("bindAddress", TextRules.BIND_ADDRESS);
        int bindPort = f.integer("bindPort", 0, 65535);
        if (kind == ForwardKind.DYNAMIC) {
            for (String field : List.of("targetHost", "targetPort")) {
                if (f.get(field) != null) {
                    throw error(f.path.field(field), "A dynamic forward has no target");
                }
            }
            return Forward.dynamic(bind, bindPort);
        }
        return new Forward(kind, bind, bindPort, Optional.of(f.text("targetHost", TextRules.ADDRESS_RULE)),
                Optional.of(f.integer("targetPort", 1, 65535)));
    }

    private TrustedHostKey trustedHostKey(Obj t) throws TeamFileException {
        UUID id = entityId(t, Kind.HOST_KEY);
        String host = t.text("host", TextRules.ADDRESS_RULE);
        int port = t.integer("port", 1, 65535);
        String keyType = t.text("keyType", TextRules.KEY_TYPE_RULE);
        String key = t.text("key", TextRules.BASE64_RULE);
        try {
            SshPublicKey.of(keyType, key);
        } catch (IllegalArgumentException e) {
            throw error(t.path.field("key"), "\"key\" is not a " + keyType + " public key: " + e.getMessage());
        }
        return new TrustedHostKey(id, host, port, keyType, key);
    }

    // ---- references ------------------------------------------------------------------------------

    private void checkReferences() throws TeamFileException {
        for (Ref ref : refs) {
            Kind actual = ids.get(ref.target);
            if (actual == null) {
                throw error(ref.path, "This refers to " + noun(ref.kind) + " " + ref.target
                        + ", which is not in the team file");
            }
            if (actual != ref.kind) {
                throw error(ref.path, "This refers to " + ref.target + ", which is " + noun(actual) + ", not "
                        + noun(ref.kind));
            }
        }
    }

    private static String noun(Kind kind) {
        return switch (kind) {
            case GROUP -> "a group";
            case HOST -> "a host";
            case IDENTITY -> "an identity";
            case KEY -> "a key";
            case TUNNEL -> "a tunnel profile";
            case HOST_KEY -> "a trusted host key";
        };
    }

    private void checkGroupCycles(List<Group> groups) throws TeamFileException {
        Map<UUID, Optional<UUID>> parents = new HashMap<>();
        groups.forEach(g -> parents.put(g.id(), g.parent()));
        for (int i = 0; i < groups.size(); i++) {
            Set<UUID> seen = new HashSet<>();
            Optional<UUID> current = Optional.of(groups.get(i).id());
            while (current.isPresent()) {
                if (!seen.add(current.get())) {
                    throw error(JsonPath.ROOT.field("groups").index(i).field("parent"),
                            "Groups cannot contain each other in a circle");
                }
                current = parents.getOrDefault(current.get(), Optional.empty());
            }
        }
    }

    private void checkJumpCycles(List<Host> hosts) throws TeamFileException {
        Map<UUID, List<UUID>> chains = new HashMap<>();
        Map<UUID, Integer> positions = new HashMap<>();
        for (int i = 0; i < hosts.size(); i++) {
            chains.put(hosts.get(i).id(), hosts.get(i).jumpChain());
            positions.put(hosts.get(i).id(), i);
        }
        Map<UUID, Boolean> done = new HashMap<>();
        for (Host host : hosts) {
            UUID looping = findCycle(host.id(), chains, done, new HashSet<>());
            if (looping != null) {
                throw error(JsonPath.ROOT.field("hosts").index(positions.get(looping)).field("jumpChain"),
                        "Jump chains go round in a circle through this host");
            }
        }
    }

    /** Depth-first search; a host on the current path seen again is a cycle. Iterative depth is bounded by the host count. */
    private static UUID findCycle(UUID start, Map<UUID, List<UUID>> chains, Map<UUID, Boolean> done, Set<UUID> onPath) {
        record Frame(UUID host, Iterator<UUID> next) {
        }
        if (done.containsKey(start)) {
            return null;
        }
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(start, chains.getOrDefault(start, List.of()).iterator()));
        onPath.add(start);
        while (!stack.isEmpty()) {
            Frame top = stack.get(stack.size() - 1);
            if (top.next.hasNext()) {
                UUID hop = top.next.next();
                if (onPath.contains(hop)) {
                    return top.host;
                }
                if (!done.containsKey(hop)) {
                    onPath.add(hop);
                    stack.add(new Frame(hop, chains.getOrDefault(hop, List.of()).iterator()));
                }
            } else {
                stack.remove(stack.size() - 1);
                onPath.remove(top.host);
                done.put(top.host, true);
            }
        }
        return null;
    }

    // ---- messages --------------------------------------------------------------------------------

    private TeamFileException error(JsonPath path, String reason) {
        return new TeamFileException(TeamFileException.Kind.INVALID, reason, location(path), null);
    }

    private TeamFileLocation location(JsonPath path) {
        if (source != null) {
            TeamFileLocation found = Json.locate(source, List.of(path)).get(path.toString());
            if (found != null) {
                return found;
            }
        }
        return new TeamFileLocation(path.toString(), 0, 0);
    }

    private List<TeamFileWarning> locatedWarnings() {
        if (warnings.isEmpty()) {
            return List.of();
        }
        Map<String, TeamFileLocation> found = source == null ? Map.of() : Json.locate(source, warnings.keySet());
        List<TeamFileWarning> out = new ArrayList<>();
        warnings.forEach((path, message) -> out.add(new TeamFileWarning(message,
                found.getOrDefault(path.toString(), new TeamFileLocation(path.toString(), 0, 0)))));
        return out;
    }

    private void unknownField(JsonPath path, String name) {
        String newer = minor > TeamFile.MINOR
                ? " (the file is version " + version + ", from a newer Keyport; this one reads " + TeamFile.VERSION + ")"
                : "";
        warnings.put(path, "Unknown field \"" + JsonPath.printable(name, 64) + "\" was ignored" + newer);
    }

    private UUID uuid(JsonNode node, JsonPath path) throws TeamFileException {
        if (node == null || !node.isTextual() || !UUID_TEXT.matcher(node.textValue()).matches()) {
            throw error(path, "This must be an id (a UUID such as 0b6f3f1e-7f43-4c1b-9d55-5d2a8a0f8e11)");
        }
        return UUID.fromString(node.textValue());
    }

    /** One JSON object being read: typed getters that say where a value breaks a rule, and which fields were read. */
    private final class Obj {
        final JsonNode node;
        final JsonPath path;
        private final Set<String> read = new HashSet<>();

        Obj(JsonNode node, JsonPath path, String what) throws TeamFileException {
            if (node == null || !node.isObject()) {
                throw error(path, what + " must be a JSON object");
            }
            this.node = node;
            this.path = path;
        }

        /** The field's value; null when it is missing or JSON null (both mean absent). */
        JsonNode get(String name) {
            read.add(name);
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        private JsonNode required(String name, String what) throws TeamFileException {
            JsonNode value = get(name);
            if (value == null) {
                throw error(path, "\"" + name + "\" is missing; " + what);
            }
            return value;
        }

        String text(String name, Rule rule) throws TeamFileException {
            return checkText(name, required(name, "it must be a string"), rule);
        }

        Optional<String> optionalText(String name, Rule rule) throws TeamFileException {
            JsonNode value = get(name);
            return value == null ? Optional.empty() : Optional.of(checkText(name, value, rule));
        }

        private String checkText(String name, JsonNode value, Rule rule) throws TeamFileException {
            if (!value.isTextual()) {
                throw error(path.field(name), "\"" + name + "\" must be a string");
            }
            String problem = rule.check(value.textValue());
            if (problem != null) {
                throw error(path.field(name), "\"" + name + "\" " + problem);
            }
            return value.textValue();
        }

        List<String> texts(String name, Rule rule) throws TeamFileException {
            List<JsonNode> items = array(name, TeamFile.MAX_NESTED_ITEMS);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonPath at = path.field(name).index(i);
                JsonNode item = items.get(i);
                if (!item.isTextual()) {
                    throw error(at, "Each of \"" + name + "\" must be a string");
                }
                String problem = rule.check(item.textValue());
                if (problem != null) {
                    throw error(at, "Each of \"" + name + "\" " + problem);
                }
                out.add(item.textValue());
            }
            return out;
        }

        int integer(String name, int min, int max) throws TeamFileException {
            return checkInteger(name, required(name, "it must be a whole number"), min, max);
        }

        int integer(String name, int min, int max, int absent) throws TeamFileException {
            JsonNode value = get(name);
            return value == null ? absent : checkInteger(name, value, min, max);
        }

        private int checkInteger(String name, JsonNode value, int min, int max) throws TeamFileException {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
                throw error(path.field(name), "\"" + name + "\" must be a whole number from " + min + " to " + max
                        + (value.isValueNode() ? ", not " + JsonPath.printable(value.asText(), 40) : ""));
            }
            return value.intValue();
        }

        boolean bool(String name, boolean absent) throws TeamFileException {
            JsonNode value = get(name);
            if (value == null) {
                return absent;
            }
            if (!value.isBoolean()) {
                throw error(path.field(name), "\"" + name + "\" must be true or false");
            }
            return value.booleanValue();
        }

        UUID id(String name) throws TeamFileException {
            return uuid(required(name, "it must be an id (a UUID)"), path.field(name));
        }

        UUID ref(String name, Kind kind) throws TeamFileException {
            UUID target = id(name);
            refs.add(new Ref(path.field(name), target, kind));
            return target;
        }

        Optional<UUID> optionalRef(String name, Kind kind) throws TeamFileException {
            JsonNode value = get(name);
            if (value == null) {
                return Optional.empty();
            }
            UUID target = uuid(value, path.field(name));
            refs.add(new Ref(path.field(name), target, kind));
            return Optional.of(target);
        }

        Obj object(String name) throws TeamFileException {
            return new Obj(required(name, "it must be an object"), path.field(name), "\"" + name + "\"");
        }

        Optional<Obj> optionalObject(String name) throws TeamFileException {
            JsonNode value = get(name);
            return value == null ? Optional.empty() : Optional.of(new Obj(value, path.field(name), "\"" + name + "\""));
        }

        List<JsonNode> array(String name, int max) throws TeamFileException {
            JsonNode value = get(name);
            if (value == null) {
                return List.of();
            }
            if (!value.isArray()) {
                throw error(path.field(name), "\"" + name + "\" must be a list");
            }
            if (value.size() > max) {
                throw error(path.field(name), "\"" + name + "\" has " + value.size() + " entries; at most " + max
                        + " are allowed");
            }
            List<JsonNode> out = new ArrayList<>(value.size());
            value.forEach(out::add);
            return out;
        }

        List<Obj> objects(String name, int max) throws TeamFileException {
            List<JsonNode> items = array(name, max);
            List<Obj> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                out.add(new Obj(items.get(i), path.field(name).index(i), "Each of \"" + name + "\""));
            }
            return out;
        }

        byte[] bytes(String name, int minLength, int maxLength) throws TeamFileException {
            String text = text(name, TextRules.BASE64_RULE);
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length < minLength || bytes.length > maxLength) {
                throw error(path.field(name), "\"" + name + "\" must hold "
                        + (minLength == maxLength ? minLength : minLength + " to " + maxLength) + " bytes, not " + bytes.length);
            }
            return bytes;
        }

        Sealed sealed(String name, int minLength, int maxLength) throws TeamFileException {
            Obj value = object(name);
            Sealed sealed = new Sealed(value.bytes("nonce", Sealed.NONCE_BYTES, Sealed.NONCE_BYTES),
                    value.bytes("ciphertext", minLength, maxLength));
            value.finish();
            return sealed;
        }

        /** An encrypted secret field: present only in a protected file, opened with its keys. */
        Optional<Secret> secret(String name, UUID entityId, String field) throws TeamFileException {
            if (get(name) == null) {
                return Optional.empty();
            }
            if (keys == null) {
                throw error(path.field(name), "\"" + name + "\" is an encrypted secret, but the team file has no"
                        + " \"protection\" block to open it with");
            }
            Sealed sealed = sealed(name, Sealed.TAG_BYTES, MAX_SECRET_BYTES + Sealed.TAG_BYTES);
            byte[] plaintext;
            try {
                plaintext = keys.open(fileId, entityId, field, sealed);
            } catch (GeneralSecurityException e) {
                throw new TeamFileException(TeamFileException.Kind.TAMPERED, "A secret in the team file cannot be"
                        + " decrypted: it was changed, or moved from another entry or file. Nothing was imported.",
                        location(path.field(name)), null);
            }
            Secret secret = Secret.ofBytes(plaintext);
            Arrays.fill(plaintext, (byte) 0);
            secrets.put(secretKey(entityId, field), new SealedSecret(sealed, secret));
            return Optional.of(secret);
        }

        /** Reports the fields nobody asked for. */
        void finish() {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!read.contains(name)) {
                    unknownField(path.field(name), name);
                }
            }
        }
    }
}
