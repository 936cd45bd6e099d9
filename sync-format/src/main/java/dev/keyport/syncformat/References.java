package dev.keyport.syncformat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.keyport.syncformat.TeamDocument.Group;
import dev.keyport.syncformat.TeamDocument.Host;

/**
 * The ids and references of a team file being read: every id declared once, every reference
 * pointing at an entity of the right kind, no circles in group parents or jump chains.
 */
final class References {

    /** What an id names. */
    enum Kind { GROUP, HOST, IDENTITY, KEY, TUNNEL, HOST_KEY }

    /** Turns a broken rule into the exception naming its place. */
    @FunctionalInterface
    interface Errors {
        TeamFileException at(JsonPath path, String reason);
    }

    private record Ref(JsonPath path, UUID target, Kind kind) {
    }

    private final Map<UUID, Kind> ids = new HashMap<>();
    private final List<Ref> refs = new ArrayList<>();

    /** Declares an entity's id; false when the id is already taken. */
    boolean declare(UUID id, Kind kind) {
        return ids.putIfAbsent(id, kind) == null;
    }

    /** Notes a reference, checked by {@link #check}. */
    void refer(JsonPath path, UUID target, Kind kind) {
        refs.add(new Ref(path, target, kind));
    }


    /** Every reference points at a declared entity of its kind. */
    void check(Errors errors) throws TeamFileException {
        for (Ref ref : refs) {
            Kind actual = ids.get(ref.target);
            if (actual == null) {
                throw errors.at(ref.path, "This refers to " + noun(ref.kind) + " " + ref.target
                        + ", which is not in the team file");
            }
            if (actual != ref.kind) {
                throw errors.at(ref.path, "This refers to " + ref.target + ", which is " + noun(actual) + ", not "
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

    /** No group is its own ancestor. */
    static void checkGroupCycles(List<Group> groups, Errors errors) throws TeamFileException {
        Map<UUID, Optional<UUID>> parents = new HashMap<>();
        groups.forEach(g -> parents.put(g.id(), g.parent()));
        for (int i = 0; i < groups.size(); i++) {
            Set<UUID> seen = new HashSet<>();
            Optional<UUID> current = Optional.of(groups.get(i).id());
            while (current.isPresent()) {
                if (!seen.add(current.get())) {
                    throw errors.at(JsonPath.ROOT.field("groups").index(i).field("parent"),
                            "Groups cannot contain each other in a circle");
                }
                current = parents.getOrDefault(current.get(), Optional.empty());
            }
        }
    }

    /** No host reaches itself through jump chains. */
    static void checkJumpCycles(List<Host> hosts, Errors errors) throws TeamFileException {
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
                throw errors.at(JsonPath.ROOT.field("hosts").index(positions.get(looping)).field("jumpChain"),
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
}
