package dev.keyport.vault;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything about a host beyond where and who: references by id, never by name.
 *
 * @param groupId          the group it is listed in, if any
 * @param identityId       a reusable identity (user + key/password) that overrides the inline user/auth, if any
 * @param tags             free labels, e.g. "prod"
 * @param jumpChain        hosts to hop through, first hop first
 * @param keepAliveSeconds seconds between keepalives; 0 for none
 * @param hostKeyPolicy    what to do with an unknown server key
 * @param legacyAlgorithms whether to allow old algorithms (ssh-rsa/SHA-1, CBC) for old servers
 * @param notes            free text
 * @param agentForwarding  whether the local SSH agent is forwarded to the host (OpenSSH's ForwardAgent)
 */
public record HostDetails(Optional<UUID> groupId, Optional<UUID> identityId, List<String> tags, List<UUID> jumpChain,
                          int keepAliveSeconds, HostKeyPolicy hostKeyPolicy, boolean legacyAlgorithms, String notes,
                          boolean agentForwarding) {

    public static final HostDetails NONE = new HostDetails(Optional.empty(), Optional.empty(), List.of(), List.of(), 0,
            HostKeyPolicy.ASK, false, "", false);

    /** Details without agent forwarding. */
    public HostDetails(Optional<UUID> groupId, Optional<UUID> identityId, List<String> tags, List<UUID> jumpChain,
                       int keepAliveSeconds, HostKeyPolicy hostKeyPolicy, boolean legacyAlgorithms, String notes) {
        this(groupId, identityId, tags, jumpChain, keepAliveSeconds, hostKeyPolicy, legacyAlgorithms, notes, false);
    }

    public HostDetails {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(identityId, "identityId");
        Objects.requireNonNull(hostKeyPolicy, "hostKeyPolicy");
        tags = List.copyOf(tags);
        jumpChain = List.copyOf(jumpChain);
        notes = notes == null ? "" : notes;
        if (keepAliveSeconds < 0) {
            throw new IllegalArgumentException("Keepalive must not be negative");
        }
        for (String tag : tags) {
            Fields.require(Fields.checkTag(tag));
        }
        if (String.join(",", tags).length() > Fields.TAGS_MAX) {
            throw new IllegalArgumentException("Too many tags (the limit is " + Fields.TAGS_MAX + " characters in all)");
        }
        Fields.require(Fields.checkNotes(notes));
    }

    public HostDetails withGroup(UUID group) {
        return new HostDetails(Optional.ofNullable(group), identityId, tags, jumpChain, keepAliveSeconds, hostKeyPolicy,
                legacyAlgorithms, notes, agentForwarding);
    }

    public HostDetails withIdentity(UUID identity) {
        return new HostDetails(groupId, Optional.ofNullable(identity), tags, jumpChain, keepAliveSeconds, hostKeyPolicy,
                legacyAlgorithms, notes, agentForwarding);
    }

    public HostDetails withJumpChain(List<UUID> chain) {
        return new HostDetails(groupId, identityId, tags, chain, keepAliveSeconds, hostKeyPolicy, legacyAlgorithms, notes, agentForwarding);
    }

    public HostDetails withLegacyAlgorithms(boolean legacy) {
        return new HostDetails(groupId, identityId, tags, jumpChain, keepAliveSeconds, hostKeyPolicy, legacy, notes, agentForwarding);
    }

    public HostDetails withTags(List<String> newTags) {
        return new HostDetails(groupId, identityId, newTags, jumpChain, keepAliveSeconds, hostKeyPolicy, legacyAlgorithms, notes, agentForwarding);
    }

    public HostDetails withAgentForwarding(boolean forward) {
        return new HostDetails(groupId, identityId, tags, jumpChain, keepAliveSeconds, hostKeyPolicy, legacyAlgorithms, notes, forward);
    }

    public HostDetails withHostKeyPolicy(HostKeyPolicy policy) {
        return new HostDetails(groupId, identityId, tags, jumpChain, keepAliveSeconds, policy, legacyAlgorithms, notes, agentForwarding);
    }
}
