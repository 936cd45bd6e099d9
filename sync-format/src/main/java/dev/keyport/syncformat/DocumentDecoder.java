package dev.keyport.syncformat;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import dev.keyport.syncformat.References.Kind;
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

    private final JsonNode root;
    private final byte[] source;
    private final char[] passphrase;
    private final FileKeys knownKeys;
    private final Map<JsonPath, String> warnings = new LinkedHashMap<>();
    private final References references = new References();
    private final FieldReader.Context context = new FieldReader.Context() {
        @Override
        public TeamFileException error(JsonPath path, String reason) {
            return DocumentDecoder.this.error(path, reason);
        }

        @Override
        public void unknownField(JsonPath path, String name) {
            DocumentDecoder.this.unknownField(path, name);
        }

        @Override
        public void refer(JsonPath path, UUID target, References.Kind kind) {
            references.refer(path, target, kind);
        }
    };
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
        FieldReader top = new FieldReader(root, JsonPath.ROOT, "A team file", context);
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

        references.check(context::error);
        References.checkGroupCycles(groups, context::error);
        References.checkJumpCycles(hosts, context::error);

        TeamDocument document = new TeamDocument(fileId, groups, hosts, identities, keyList, tunnels, hostKeys);
        Optional<Unlocked> unlocked = protection.map(p -> new Unlocked(p, keys, Map.copyOf(secrets)));
        return new Decoded(document, locatedWarnings(), unlocked);
    }

    // ---- header and protection ------------------------------------------------------------------

    private void header(FieldReader top) throws TeamFileException {
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

    private Optional<Protection> protection(FieldReader top) throws TeamFileException {
        Optional<FieldReader> block = top.optionalObject("protection");
        if (block.isEmpty()) {
            return Optional.empty();
        }
        FieldReader p = block.get();
        FieldReader kdfBlock = p.object("kdf");
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
        T read(FieldReader entity) throws TeamFileException;
    }

    private <T> List<T> list(FieldReader top, String name, EntityReader<T> reader) throws TeamFileException {
        List<T> out = new ArrayList<>();
        for (FieldReader entity : top.objects(name, TeamFile.MAX_ENTITIES)) {
            out.add(reader.read(entity));
            entity.finish();
        }
        return out;
    }

    private UUID entityId(FieldReader entity, Kind kind) throws TeamFileException {
        UUID id = entity.id("id");
        if (!references.declare(id, kind) || id.equals(fileId)) {
            throw error(entity.path.field("id"), "The id " + id + " is used twice; every entity needs its own id");
        }
        return id;
    }

    private Group group(FieldReader g) throws TeamFileException {
        UUID id = entityId(g, Kind.GROUP);
        String name = g.text("name", TextRules.NAME);
        Optional<UUID> parent = g.optionalRef("parent", Kind.GROUP);
        return new Group(id, name, parent);
    }

    private Host host(FieldReader h) throws TeamFileException {
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
            UUID hop = FieldReader.uuid(hops.get(i), at, context);
            if (hop.equals(id)) {
                throw error(at, "A host cannot jump through itself");
            }
            if (chain.contains(hop)) {
                throw error(at, "The jump chain lists host " + hop + " twice");
            }
            chain.add(hop);
            references.refer(at, hop, Kind.HOST);
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

    private Auth auth(FieldReader a, UUID hostId) throws TeamFileException {
        String kind = a.text("kind", TextRules.ANY);
        Auth auth = switch (kind) {
            case "password" -> a.bool("agentOnly", false) ? new Auth.AgentOnly() : new Auth.AskPassword();
            case "saved-password" -> new Auth.SavedPassword(secret(a, "password", hostId, "auth.password"));
            case "vault-key" -> new Auth.VaultKey(a.ref("key", Kind.KEY));
            case "key-file" -> new Auth.KeyFile(a.text("path", TextRules.PATH));
            default -> throw error(a.path.field("kind"), "\"kind\" must be password, saved-password, vault-key or"
                    + " key-file, not \"" + JsonPath.printable(kind, 40) + "\"");
        };
        a.finish();
        return auth;
    }

    private Identity identity(FieldReader i) throws TeamFileException {
        UUID id = entityId(i, Kind.IDENTITY);
        return new Identity(id, i.text("name", TextRules.NAME), i.text("user", TextRules.USER),
                i.optionalRef("key", Kind.KEY), secret(i, "password", id, "password"));
    }

    private Key key(FieldReader k) throws TeamFileException {
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
        return new Key(id, name, type, bits, fingerprint, line, secret(k, "privateKey", id, "privateKey"),
                secret(k, "passphrase", id, "passphrase"));
    }

    private TunnelProfile tunnel(FieldReader t) throws TeamFileException {
        UUID id = entityId(t, Kind.TUNNEL);
        String name = t.text("name", TextRules.NAME);
        UUID host = t.ref("host", Kind.HOST);
        boolean autostart = t.bool("autostart", false);
        List<FieldReader> forwardObjects = t.objects("forwards", TeamFile.MAX_NESTED_ITEMS);
        if (forwardObjects.isEmpty()) {
            throw error(t.path.field("forwards"), "A tunnel profile needs at least one forward");
        }
        List<Forward> forwards = new ArrayList<>();
        for (FieldReader f : forwardObjects) {
            forwards.add(forward(f));
            f.finish();
        }
        return new TunnelProfile(id, name, host, autostart, forwards);
    }

    private Forward forward(FieldReader f) throws TeamFileException {
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

    private TrustedHostKey trustedHostKey(FieldReader t) throws TeamFileException {
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

    /** An encrypted secret field: present only in a protected file, opened with its keys. */
    private Optional<Secret> secret(FieldReader owner, String name, UUID entityId, String field) throws TeamFileException {
        if (owner.get(name) == null) {
            return Optional.empty();
        }
        if (keys == null) {
            throw error(owner.path.field(name), "\"" + name + "\" is an encrypted secret, but the team file has no"
                    + " \"protection\" block to open it with");
        }
        Sealed sealed = owner.sealed(name, Sealed.TAG_BYTES, MAX_SECRET_BYTES + Sealed.TAG_BYTES);
        byte[] plaintext;
        try {
            plaintext = keys.open(fileId, entityId, field, sealed);
        } catch (GeneralSecurityException e) {
            throw new TeamFileException(TeamFileException.Kind.TAMPERED, "A secret in the team file cannot be"
                    + " decrypted: it was changed, or moved from another entry or file. Nothing was imported.",
                    location(owner.path.field(name)), null);
        }
        Secret secret = Secret.ofBytes(plaintext);
        Arrays.fill(plaintext, (byte) 0);
        secrets.put(secretKey(entityId, field), new SealedSecret(sealed, secret));
        return Optional.of(secret);
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
}
