package dev.keyport.syncformat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * What a team file says, as values: groups, hosts, identities, keys, tunnel profiles and pinned
 * host keys. Every entity has a stable id; references are by id. The records check only that
 * nothing is null: the rules of the format (ports, names, references) are checked by
 * {@link TeamFileReader} and {@link TeamFileWriter}, which say where a rule is broken.
 *
 * <p>Secrets ({@link Secret}) are present only when the file was written with them and read with
 * its passphrase. {@link #wipeSecrets()} overwrites them all.
 *
 * @param id              the file's own stable id; keep it across exports of the same team file
 * @param groups          folders of hosts
 * @param hosts           saved servers
 * @param identities      reusable logins
 * @param keys            SSH keys (the public half always, the private half only as a secret)
 * @param tunnels         port-forward profiles
 * @param trustedHostKeys server keys pinned per host and port
 */
public record TeamDocument(UUID id, List<Group> groups, List<Host> hosts, List<Identity> identities, List<Key> keys,
                           List<TunnelProfile> tunnels, List<TrustedHostKey> trustedHostKeys) {

    public TeamDocument {
        Objects.requireNonNull(id, "id");
        groups = List.copyOf(groups);
        hosts = List.copyOf(hosts);
        identities = List.copyOf(identities);
        keys = List.copyOf(keys);
        tunnels = List.copyOf(tunnels);
        trustedHostKeys = List.copyOf(trustedHostKeys);
    }

    /** A document with nothing in it yet. */
    public static TeamDocument empty(UUID id) {
        return new TeamDocument(id, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /**
     * The same document in the order a team file is written in: every list of entities sorted by id
     * (as text), each host's tags sorted without repeats. Jump chains and forwards keep their order.
     * Two documents that write the same file are equal in this form.
     */
    public TeamDocument canonical() {
        List<Host> sortedHosts = hosts.stream()
                .map(host -> host.toBuilder().tags(List.copyOf(new TreeSet<>(host.tags()))).build())
                .toList();
        return new TeamDocument(id, byId(groups, Group::id), byId(sortedHosts, Host::id), byId(identities, Identity::id),
                byId(keys, Key::id), byId(tunnels, TunnelProfile::id), byId(trustedHostKeys, TrustedHostKey::id));
    }

    private static <T> List<T> byId(List<T> items, Function<T, UUID> id) {
        record Keyed<T>(String key, T item) {
        }
        return items.stream().map(item -> new Keyed<>(id.apply(item).toString(), item))
                .sorted(Comparator.comparing(Keyed::key)).map(Keyed::item).toList();
    }

    /** Every secret in the document, in no particular order. */
    public List<Secret> secrets() {
        List<Secret> all = new ArrayList<>();
        for (Host host : hosts) {
            if (host.auth() instanceof Auth.SavedPassword saved) {
                saved.password().ifPresent(all::add);
            }
        }
        identities.forEach(identity -> identity.password().ifPresent(all::add));
        for (Key key : keys) {
            key.privateKey().ifPresent(all::add);
            key.passphrase().ifPresent(all::add);
        }
        return all;
    }

    /** Overwrites every secret in the document; they read as empty afterwards. */
    public void wipeSecrets() {
        secrets().forEach(Secret::wipe);
    }

    /** A folder of hosts; groups nest through {@code parent}. */
    public record Group(UUID id, String name, Optional<UUID> parent) {
        public Group {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(parent, "parent");
        }
    }

    /**
     * A saved server.
     *
     * @param address          host name or IP address
     * @param user             remote user
     * @param group            the group it is listed in
     * @param identity         a reusable login that overrides {@code user} and {@code auth}
     * @param auth             how to authenticate
     * @param jumpChain        hosts to hop through, first hop first
     * @param hostKeyPolicy    what to do with a server key that is not pinned yet
     * @param keepAliveSeconds seconds between keepalives; 0 for none
     * @param legacyAlgorithms whether old algorithms (ssh-rsa with SHA-1, CBC) are allowed
     * @param agentForwarding  whether the local SSH agent is forwarded
     * @param tags             free labels
     * @param notes            free text
     */
    public record Host(UUID id, String name, String address, int port, String user, Optional<UUID> group,
                       Optional<UUID> identity, Auth auth, List<UUID> jumpChain, HostKeyPolicy hostKeyPolicy,
                       int keepAliveSeconds, boolean legacyAlgorithms, boolean agentForwarding, List<String> tags,
                       String notes) {
        public Host {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
            jumpChain = List.copyOf(jumpChain);
            tags = List.copyOf(tags);
            notes = notes == null ? "" : notes;
        }

        /** A host on port 22 asking for its password, with no group, options or notes; change it with the builder. */
        public static Builder builder(UUID id, String name, String address, String user) {
            return new Builder(id, name, address, user);
        }

        /** A builder holding this host's values. */
        public Builder toBuilder() {
            return new Builder(id, name, address, user).port(port).group(group.orElse(null))
                    .identity(identity.orElse(null)).auth(auth).jumpChain(jumpChain).hostKeyPolicy(hostKeyPolicy)
                    .keepAliveSeconds(keepAliveSeconds).legacyAlgorithms(legacyAlgorithms)
                    .agentForwarding(agentForwarding).tags(tags).notes(notes);
        }

        /** Builds a {@link Host}; every option starts at the format's default. */
        public static final class Builder {
            private final UUID id;
            private final String name;
            private final String address;
            private final String user;
            private int port = 22;
            private UUID group;
            private UUID identity;
            private Auth auth = new Auth.AskPassword();
            private List<UUID> jumpChain = List.of();
            private HostKeyPolicy hostKeyPolicy = HostKeyPolicy.ASK;
            private int keepAliveSeconds;
            private boolean legacyAlgorithms;
            private boolean agentForwarding;
            private List<String> tags = List.of();
            private String notes = "";

            private Builder(UUID id, String name, String address, String user) {
                this.id = id;
                this.name = name;
                this.address = address;
                this.user = user;
            }

            public Builder port(int value) {
                port = value;
                return this;
            }

            /** The group, or null for none. */
            public Builder group(UUID value) {
                group = value;
                return this;
            }

            /** The identity, or null for none. */
            public Builder identity(UUID value) {
                identity = value;
                return this;
            }

            public Builder auth(Auth value) {
                auth = value;
                return this;
            }

            public Builder jumpChain(List<UUID> value) {
                jumpChain = value;
                return this;
            }

            public Builder hostKeyPolicy(HostKeyPolicy value) {
                hostKeyPolicy = value;
                return this;
            }

            public Builder keepAliveSeconds(int value) {
                keepAliveSeconds = value;
                return this;
            }

            public Builder legacyAlgorithms(boolean value) {
                legacyAlgorithms = value;
                return this;
            }

            public Builder agentForwarding(boolean value) {
                agentForwarding = value;
                return this;
            }

            public Builder tags(List<String> value) {
                tags = value;
                return this;
            }

            public Builder notes(String value) {
                notes = value;
                return this;
            }

            public Host build() {
                return new Host(id, name, address, port, user, Optional.ofNullable(group), Optional.ofNullable(identity),
                        auth, jumpChain, hostKeyPolicy, keepAliveSeconds, legacyAlgorithms, agentForwarding, tags, notes);
            }
        }
    }

    /** How a host authenticates. Nothing here runs a program. */
    public sealed interface Auth permits Auth.AskPassword, Auth.AgentOnly, Auth.SavedPassword, Auth.VaultKey, Auth.KeyFile {

        /** The name written in the file ({@code "kind"}). */
        String kind();

        /** A password asked for when connecting. */
        record AskPassword() implements Auth {
            @Override
            public String kind() {
                return "password";
            }
        }

        /**
         * Only the keys of each person's own ssh-agent, no password. Written as {@code {"kind": "password",
         * "agentOnly": true}}: a 1.0 reader that does not know the field reports it as unknown and asks
         * for a password after the agent's keys, which is what a "password" host did anyway.
         */
        record AgentOnly() implements Auth {
            @Override
            public String kind() {
                return "password";
            }
        }

        /** A saved password; the value is present only when the file carries secrets. */
        record SavedPassword(Optional<Secret> password) implements Auth {
            public SavedPassword {
                Objects.requireNonNull(password, "password");
            }

            @Override
            public String kind() {
                return "saved-password";
            }
        }

        /** A key of this team file, by id. */
        record VaultKey(UUID key) implements Auth {
            public VaultKey {
                Objects.requireNonNull(key, "key");
            }

            @Override
            public String kind() {
                return "vault-key";
            }
        }

        /** A private key file on each person's own machine, e.g. {@code ~/.ssh/id_ed25519}. */
        record KeyFile(String path) implements Auth {
            public KeyFile {
                Objects.requireNonNull(path, "path");
            }

            @Override
            public String kind() {
                return "key-file";
            }
        }
    }

    /** What to do with a server key that is not pinned yet. */
    public enum HostKeyPolicy {
        /** Ask the person (the default). */
        ASK,
        /** Trust the first key seen and refuse a changed one afterwards. */
        ACCEPT_NEW,
        /** Accept only pinned keys. */
        STRICT;

        /** The name in the file: {@code ask}, {@code accept-new}, {@code strict}. */
        public String fileName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The policy for a name in the file, if there is one. */
        public static Optional<HostKeyPolicy> fromFileName(String value) {
            for (HostKeyPolicy policy : values()) {
                if (policy.fileName().equals(value)) {
                    return Optional.of(policy);
                }
            }
            return Optional.empty();
        }
    }

    /** A reusable login: a user with a key and/or a password (the password only as a secret). */
    public record Identity(UUID id, String name, String user, Optional<UUID> key, Optional<Secret> password) {
        public Identity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(password, "password");
        }
    }

    /**
     * An SSH key. The public half is always in the file; the private half and its passphrase only
     * as secrets.
     *
     * @param type        e.g. {@code ssh-ed25519}
     * @param bits        key size (256 for ed25519)
     * @param fingerprint {@code SHA256:} and the unpadded base64 of the SHA-256 of the public key blob
     * @param publicKey   the {@code authorized_keys} line: {@code type base64 [comment]}
     * @param privateKey  the private key file's bytes (OpenSSH format), when secrets are carried
     * @param passphrase  the private key's passphrase, when it has one and secrets are carried
     */
    public record Key(UUID id, String name, String type, int bits, String fingerprint, String publicKey,
                      Optional<Secret> privateKey, Optional<Secret> passphrase) {
        public Key {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(passphrase, "passphrase");
        }
    }

    /** A set of port forwards over one host, optionally started with Keyport. */
    public record TunnelProfile(UUID id, String name, UUID host, boolean autostart, List<Forward> forwards) {
        public TunnelProfile {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            forwards = List.copyOf(forwards);
        }
    }

    /** Which side listens. */
    public enum ForwardKind {
        /** Listens here, connects from the server ({@code ssh -L}). */
        LOCAL,
        /** Listens on the server, connects from here ({@code ssh -R}). */
        REMOTE,
        /** A SOCKS proxy here ({@code ssh -D}); no target. */
        DYNAMIC;

        /** The name in the file: {@code local}, {@code remote}, {@code dynamic}. */
        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<ForwardKind> fromFileName(String value) {
            for (ForwardKind kind : values()) {
                if (kind.fileName().equals(value)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One forward. Dynamic forwards have no target.
     *
     * @param bindAddress where to listen, e.g. {@code 127.0.0.1}, {@code localhost} or {@code *}
     * @param bindPort    0 to 65535 (0: any free port)
     */
    public record Forward(ForwardKind kind, String bindAddress, int bindPort, Optional<String> targetHost,
                          Optional<Integer> targetPort) {
        public Forward {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(bindAddress, "bindAddress");
            Objects.requireNonNull(targetHost, "targetHost");
            Objects.requireNonNull(targetPort, "targetPort");
        }

        public static Forward local(String bindAddress, int bindPort, String targetHost, int targetPort) {
            return new Forward(ForwardKind.LOCAL, bindAddress, bindPort, Optional.of(targetHost), Optional.of(targetPort));
        }

        public static Forward remote(String bindAddress, int bindPort, String targetHost, int targetPort) {
            return new Forward(ForwardKind.REMOTE, bindAddress, bindPort, Optional.of(targetHost), Optional.of(targetPort));
        }

        public static Forward dynamic(String bindAddress, int bindPort) {
            return new Forward(ForwardKind.DYNAMIC, bindAddress, bindPort, Optional.empty(), Optional.empty());
        }
    }

    /**
     * A server key pinned for a host name and port.
     *
     * @param host    the name or address as connected to (lower case)
     * @param keyType e.g. {@code ssh-ed25519}
     * @param key     the public key blob in base64, as in {@code known_hosts}
     */
    public record TrustedHostKey(UUID id, String host, int port, String keyType, String key) {
        public TrustedHostKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(keyType, "keyType");
            Objects.requireNonNull(key, "key");
        }
    }
}
