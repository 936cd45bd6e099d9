package dev.keyport.syncformat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.keyport.syncformat.TeamDocument.Auth;
import dev.keyport.syncformat.TeamDocument.Forward;
import dev.keyport.syncformat.TeamDocument.Group;
import dev.keyport.syncformat.TeamDocument.Host;
import dev.keyport.syncformat.TeamDocument.Identity;
import dev.keyport.syncformat.TeamDocument.Key;
import dev.keyport.syncformat.TeamDocument.TrustedHostKey;
import dev.keyport.syncformat.TeamDocument.TunnelProfile;

/**
 * Builds the JSON tree of a document in the canonical order: fields in the order the spec lists
 * them, every list of entities sorted by id, tags sorted and without repeats ({@link TeamDocument#canonical()}), absent values
 * left out. Secrets are written only when a sealer is given.
 */
final class DocumentEncoder {

    /** Encrypts one secret field (or hands back its unchanged ciphertext from the previous file). */
    @FunctionalInterface
    interface Sealer {
        Sealed seal(UUID entityId, String field, Secret value);
    }

    private final Sealer sealer;

    private DocumentEncoder(Sealer sealer) {
        this.sealer = sealer;
    }

    /**
     * The tree of a document.
     *
     * @param sealer     null to leave secrets out
     * @param protection the protection block to write (without its MAC), or null
     */
    static ObjectNode encode(TeamDocument document, Sealer sealer, Protection protection) {
        return new DocumentEncoder(sealer).document(document, protection);
    }

    private ObjectNode document(TeamDocument document, Protection protection) {
        ObjectNode root = Json.object();
        root.put("format", TeamFile.FORMAT);
        root.put("version", TeamFile.VERSION);
        root.put("id", document.id().toString());
        if (protection != null) {
            ObjectNode block = root.putObject("protection");
            ObjectNode kdf = block.putObject("kdf");
            kdf.put("algorithm", Protection.ALGORITHM);
            kdf.put("memoryKiB", protection.kdf().memoryKiB());
            kdf.put("iterations", protection.kdf().iterations());
            kdf.put("parallelism", protection.kdf().parallelism());
            kdf.put("salt", java.util.Base64.getEncoder().encodeToString(protection.salt()));
            sealed(block, "wrappedKey", protection.wrappedKey());
        }
        TeamDocument sorted = document.canonical();
        entities(root, "groups", sorted.groups(), this::group);
        entities(root, "hosts", sorted.hosts(), this::host);
        entities(root, "identities", sorted.identities(), this::identity);
        entities(root, "keys", sorted.keys(), this::key);
        entities(root, "tunnels", sorted.tunnels(), this::tunnel);
        entities(root, "trustedHostKeys", sorted.trustedHostKeys(), this::trustedHostKey);
        return root;
    }

    private static <T> void entities(ObjectNode root, String name, List<T> items, Function<T, ObjectNode> encode) {
        ArrayNode array = root.putArray(name);
        items.forEach(item -> array.add(encode.apply(item)));
    }

    private ObjectNode group(Group group) {
        ObjectNode node = Json.object();
        node.put("id", group.id().toString());
        node.put("name", group.name());
        group.parent().ifPresent(parent -> node.put("parent", parent.toString()));
        return node;
    }

    private ObjectNode host(Host host) {
        ObjectNode node = Json.object();
        node.put("id", host.id().toString());
        node.put("name", host.name());
        node.put("address", host.address());
        node.put("port", host.port());
        node.put("user", host.user());
        host.group().ifPresent(group -> node.put("group", group.toString()));
        host.identity().ifPresent(identity -> node.put("identity", identity.toString()));
        ObjectNode auth = node.putObject("auth");
        auth.put("kind", host.auth().kind());
        if (host.auth() instanceof Auth.AgentOnly) {
            auth.put("agentOnly", true);
        } else if (host.auth() instanceof Auth.SavedPassword saved) {
            secret(auth, "password", host.id(), "auth.password", saved.password());
        } else if (host.auth() instanceof Auth.VaultKey key) {
            auth.put("key", key.key().toString());
        } else if (host.auth() instanceof Auth.KeyFile file) {
            auth.put("path", file.path());
        }
        ArrayNode chain = node.putArray("jumpChain");
        host.jumpChain().forEach(hop -> chain.add(hop.toString()));
        node.put("hostKeyPolicy", host.hostKeyPolicy().fileName());
        node.put("keepAliveSeconds", host.keepAliveSeconds());
        node.put("legacyAlgorithms", host.legacyAlgorithms());
        node.put("agentForwarding", host.agentForwarding());
        ArrayNode tags = node.putArray("tags");
        host.tags().forEach(tags::add);
        node.put("notes", host.notes());
        return node;
    }

    private ObjectNode identity(Identity identity) {
        ObjectNode node = Json.object();
        node.put("id", identity.id().toString());
        node.put("name", identity.name());
        node.put("user", identity.user());
        identity.key().ifPresent(key -> node.put("key", key.toString()));
        secret(node, "password", identity.id(), "password", identity.password());
        return node;
    }

    private ObjectNode key(Key key) {
        ObjectNode node = Json.object();
        node.put("id", key.id().toString());
        node.put("name", key.name());
        node.put("type", key.type());
        node.put("bits", key.bits());
        node.put("fingerprint", key.fingerprint());
        node.put("publicKey", key.publicKey());
        secret(node, "privateKey", key.id(), "privateKey", key.privateKey());
        secret(node, "passphrase", key.id(), "passphrase", key.passphrase());
        return node;
    }

    private ObjectNode tunnel(TunnelProfile tunnel) {
        ObjectNode node = Json.object();
        node.put("id", tunnel.id().toString());
        node.put("name", tunnel.name());
        node.put("host", tunnel.host().toString());
        node.put("autostart", tunnel.autostart());
        ArrayNode forwards = node.putArray("forwards");
        for (Forward forward : tunnel.forwards()) {
            ObjectNode f = forwards.addObject();
            f.put("kind", forward.kind().fileName());
            f.put("bindAddress", forward.bindAddress());
            f.put("bindPort", forward.bindPort());
            forward.targetHost().ifPresent(host -> f.put("targetHost", host));
            forward.targetPort().ifPresent(port -> f.put("targetPort", port));
        }
        return node;
    }

    private ObjectNode trustedHostKey(TrustedHostKey key) {
        ObjectNode node = Json.object();
        node.put("id", key.id().toString());
        node.put("host", key.host());
        node.put("port", key.port());
        node.put("keyType", key.keyType());
        node.put("key", key.key());
        return node;
    }

    private void secret(ObjectNode owner, String name, UUID entityId, String field, Optional<Secret> value) {
        if (sealer != null && value.isPresent()) {
            sealed(owner, name, sealer.seal(entityId, field, value.get()));
        }
    }

    private static void sealed(ObjectNode owner, String name, Sealed sealed) {
        ObjectNode node = owner.putObject(name);
        node.put("nonce", sealed.nonceBase64());
        node.put("ciphertext", sealed.ciphertextBase64());
    }
}
