package dev.keyport.app.teamfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.keyport.syncformat.Secret;
import dev.keyport.syncformat.TeamDocument;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.TrustedHostKey;

/**
 * The one mapping between the vault's records and the team file's ({@link TeamDocument}), both ways,
 * so that the file format stays as it is when the schema changes. Secrets are not mapped here: the
 * vault keeps them in their own encrypted fields, which {@link TeamFileService} reads and writes.
 *
 * <p>Going into the vault, references are rewritten by an id map ({@code ids}), because an entity of
 * the file may be kept in the vault under another id (a copy, or yours with the same name).
 */
final class TeamMapping {

    private TeamMapping() {
    }

    // ---- vault -> team file (secrets left out: the caller adds them)

    static TeamDocument.Group group(HostGroup group) {
        return new TeamDocument.Group(group.id(), group.name(), group.parentId());
    }

    static TeamDocument.Host host(Host host) {
        HostDetails d = host.details();
        return TeamDocument.Host.builder(host.id(), host.name(), host.address(), host.username())
                .port(host.port())
                .group(d.groupId().orElse(null))
                .identity(d.identityId().orElse(null))
                .auth(auth(host.auth()))
                .jumpChain(d.jumpChain())
                .hostKeyPolicy(TeamDocument.HostKeyPolicy.valueOf(d.hostKeyPolicy().name()))
                .keepAliveSeconds(d.keepAliveSeconds())
                .legacyAlgorithms(d.legacyAlgorithms())
                .agentForwarding(d.agentForwarding())
                .tags(sortedTags(d.tags()))
                .notes(d.notes())
                .build();
    }

    /** A host's auth in the file; a demo's managed key (it lives only while that Keyport runs) becomes "ask the password". */
    private static TeamDocument.Auth auth(HostAuth auth) {
        if (auth instanceof HostAuth.SavedPassword) {
            return new TeamDocument.Auth.SavedPassword(Optional.empty());
        }
        if (auth instanceof HostAuth.Agent) {
            return new TeamDocument.Auth.AgentOnly();
        }
        if (auth instanceof HostAuth.VaultKey key) {
            return new TeamDocument.Auth.VaultKey(key.keyId());
        }
        if (auth instanceof HostAuth.KeyFile file) {
            return new TeamDocument.Auth.KeyFile(file.path());
        }
        return new TeamDocument.Auth.AskPassword();
    }

    static TeamDocument.Identity identity(Identity identity) {
        return new TeamDocument.Identity(identity.id(), identity.name(), identity.username(), identity.keyId(), Optional.empty());
    }

    static TeamDocument.Key key(KeyEntry key) {
        return new TeamDocument.Key(key.id(), key.name(), key.type(), key.bits(), key.fingerprint(), key.publicKey(),
                Optional.empty(), Optional.empty());
    }

    static TeamDocument.TunnelProfile tunnel(ForwardProfile profile) {
        List<TeamDocument.Forward> forwards = new ArrayList<>();
        for (ForwardProfile.Forward f : profile.forwards()) {
            forwards.add(switch (f.kind()) {
                case LOCAL -> TeamDocument.Forward.local(f.bindAddress(), f.bindPort(), f.targetHost(), f.targetPort());
                case REMOTE -> TeamDocument.Forward.remote(f.bindAddress(), f.bindPort(), f.targetHost(), f.targetPort());
                case DYNAMIC -> TeamDocument.Forward.dynamic(f.bindAddress(), f.bindPort());
            });
        }
        return new TeamDocument.TunnelProfile(profile.id(), profile.name(), profile.hostId(), profile.autostart(), forwards);
    }

    static TeamDocument.TrustedHostKey trustedKey(TrustedHostKey key) {
        return new TeamDocument.TrustedHostKey(key.id(), key.host(), key.port(), key.keyType(), key.keyData());
    }

    /** Tags as the file writes them: sorted, without repeats. */
    static List<String> sortedTags(List<String> tags) {
        return List.copyOf(new TreeSet<>(tags));
    }

    // ---- team file -> vault (references through ids)

    static HostGroup group(TeamDocument.Group group, UUID id, String name, UnaryOperator<UUID> ids) {
        return new HostGroup(id, name, group.parent().map(ids));
    }

    static Host host(TeamDocument.Host host, UUID id, String name, UnaryOperator<UUID> ids) {
        HostDetails details = new HostDetails(host.group().map(ids), host.identity().map(ids), sortedTags(host.tags()),
                host.jumpChain().stream().map(ids).toList(), host.keepAliveSeconds(), HostKeyPolicy.valueOf(host.hostKeyPolicy().name()),
                host.legacyAlgorithms(), host.notes(), host.agentForwarding());
        return new Host(id, name, host.address(), host.port(), host.user(), auth(host.auth(), ids), details);
    }

    private static HostAuth auth(TeamDocument.Auth auth, UnaryOperator<UUID> ids) {
        if (auth instanceof TeamDocument.Auth.SavedPassword) {
            return new HostAuth.SavedPassword();
        }
        if (auth instanceof TeamDocument.Auth.AgentOnly) {
            return new HostAuth.Agent();
        }
        if (auth instanceof TeamDocument.Auth.VaultKey key) {
            return new HostAuth.VaultKey(ids.apply(key.key()));
        }
        if (auth instanceof TeamDocument.Auth.KeyFile file) {
            return new HostAuth.KeyFile(file.path());
        }
        return new HostAuth.Password();
    }

    static Identity identity(TeamDocument.Identity identity, UUID id, String name, UnaryOperator<UUID> ids) {
        return new Identity(id, name, identity.user(), identity.key().map(ids));
    }

    /** The vault's entry for a key of the file; the comment is the public key line's third part. */
    static KeyEntry key(TeamDocument.Key key, UUID id, String name, Instant createdAt) {
        String[] parts = key.publicKey().strip().split("[ \t]+", 3);
        return new KeyEntry(id, name, key.type(), key.bits(), key.fingerprint(), key.publicKey(), parts.length == 3 ? parts[2] : "",
                createdAt);
    }

    static ForwardProfile tunnel(TeamDocument.TunnelProfile tunnel, UUID id, String name, UnaryOperator<UUID> ids) {
        List<ForwardProfile.Forward> forwards = new ArrayList<>();
        for (TeamDocument.Forward f : tunnel.forwards()) {
            ForwardProfile.Kind kind = ForwardProfile.Kind.valueOf(f.kind().name());
            forwards.add(new ForwardProfile.Forward(kind, f.bindAddress(), f.bindPort(), f.targetHost().orElse(null),
                    f.targetPort().orElse(0)));
        }
        return new ForwardProfile(id, name, ids.apply(tunnel.host()), tunnel.autostart(), forwards);
    }

    static TrustedHostKey trustedKey(TeamDocument.TrustedHostKey key, UUID id, Instant addedAt, String source) {
        return new TrustedHostKey(id, key.host().toLowerCase(Locale.ROOT), key.port(), key.keyType(), key.key(), addedAt, source);
    }

    // ---- secrets of a file entity

    /** A host's saved password carried by the file. */
    static Optional<Secret> password(TeamDocument.Host host) {
        return host.auth() instanceof TeamDocument.Auth.SavedPassword saved ? saved.password() : Optional.empty();
    }
}
