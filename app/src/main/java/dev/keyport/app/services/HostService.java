package dev.keyport.app.services;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * Saved hosts and their groups, as the screens use them: the list with its groups, what an editor
 * offers (groups, keys, identities, other hosts), saving, duplicating, moving, and deleting with
 * everything needed to undo it. Blocking (JDBC, file checks): call off the UI thread.
 */
public final class HostService {

    /** The setting that keeps the ids of recently used hosts, most recent first. */
    static final String RECENT_SETTING = "hosts.recent";
    static final int RECENT_MAX = 200;

    private final Vault vault;

    public HostService(Vault vault) {
        this.vault = vault;
    }

    /** Everything the host list shows, read together. */
    public record Catalog(List<Host> hosts, List<HostGroup> groups, List<UUID> recent) {
        public Catalog {
            hosts = List.copyOf(hosts);
            groups = List.copyOf(groups);
            recent = List.copyOf(recent);
        }
    }

    /** What the host editor offers to pick from. */
    public record Choices(List<HostGroup> groups, List<KeyEntry> keys, List<Identity> identities, List<Host> hosts) {
        public Choices {
            groups = List.copyOf(groups);
            keys = List.copyOf(keys);
            identities = List.copyOf(identities);
            hosts = List.copyOf(hosts);
        }

        public static final Choices NONE = new Choices(List.of(), List.of(), List.of(), List.of());
    }

    /**
     * What goes with deleting hosts: the tunnels over them, and the other hosts that jump through them
     * (they lose that hop). Names only, for the confirmation.
     */
    public record Impact(List<String> tunnels, List<String> jumpingThrough) {
    }

    /**
     * Deleted hosts as they were, to put back exactly: same ids, saved passwords, tunnels, and the jump
     * chains of other hosts that went through them. Holds saved passwords in memory: {@link #forget()} wipes them.
     */
    public static final class Deleted {
        private final List<Host> hosts;
        private final Map<UUID, char[]> passwords;
        private final List<ForwardProfile> tunnels;
        private final List<Host> dependents;

        Deleted(List<Host> hosts, Map<UUID, char[]> passwords, List<ForwardProfile> tunnels, List<Host> dependents) {
            this.hosts = List.copyOf(hosts);
            this.passwords = passwords;
            this.tunnels = List.copyOf(tunnels);
            this.dependents = List.copyOf(dependents);
        }

        public List<Host> hosts() {
            return hosts;
        }

        public List<ForwardProfile> tunnels() {
            return tunnels;
        }

        /** Wipes the saved passwords held for an undo; after this, restoring puts the hosts back without them. */
        public synchronized void forget() {
            passwords.values().forEach(p -> Arrays.fill(p, '\0'));
            passwords.clear();
        }

        @Override
        public String toString() {
            return "Deleted[" + hosts.size() + " hosts]";
        }
    }

    public List<Host> list() throws VaultException {
        return vault.hosts().list();
    }

    public Catalog catalog() throws VaultException {
        return new Catalog(vault.hosts().list(), vault.groups().list(), recent());
    }

    public Choices choices() throws VaultException {
        return new Choices(vault.groups().list(), vault.keys().list(), vault.identities().list(), vault.hosts().list());
    }

    /** Saves a host and, if given, its password (encrypted in the vault); the password array is wiped either way. */
    public void save(Host host, char[] password) throws VaultException {
        try {
            vault.inTransaction(() -> {
                vault.hosts().save(host);
                if (password != null) {
                    vault.hosts().savePassword(host.id(), password);
                }
                return null;
            });
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /**
     * Saves a host edited in the editor: the new groups first (parents first) when a new group was named, then the host in it (its group id already names the last of them),
     * then the password when one was typed (wiped either way). A host that no longer logs in with a
     * saved password loses the one it had.
     */
    public Host save(Host host, List<HostGroup> newGroups, char[] password) throws VaultException {
        try {
            return vault.inTransaction(() -> {
                for (HostGroup group : newGroups) {
                    vault.groups().save(group);
                }
                Host saved = host;
                vault.hosts().save(saved);
                if (password != null) {
                    vault.hosts().savePassword(saved.id(), password);
                } else if (!(saved.auth() instanceof dev.keyport.vault.HostAuth.SavedPassword)) {
                    vault.hosts().savePassword(saved.id(), null);
                }
                return saved;
            });
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    public HostGroup createGroup(String name, UUID parent) throws VaultException {
        HostGroup group = HostGroup.create(name, parent);
        vault.groups().save(group);
        return group;
    }

    /**
     * A deleted group as it was, to put back: the group itself (same id, name and parent), and the hosts
     * and groups that were directly in it (they moved to its parent).
     */
    public record DeletedGroup(HostGroup group, List<UUID> hosts, List<UUID> groups) {
        public DeletedGroup {
            hosts = List.copyOf(hosts);
            groups = List.copyOf(groups);
        }
    }

    /** Renames a group (its place and its hosts stay). */
    public HostGroup renameGroup(UUID id, String name) throws VaultException {
        HostGroup group = group(id);
        HostGroup renamed = new HostGroup(group.id(), name, group.parentId());
        vault.groups().save(renamed);
        return renamed;
    }

    /**
     * Moves a group with everything in it into {@code parent} (null: to the top level). A group cannot
     * go inside itself or one of its own subgroups: that is refused with a message naming both.
     */
    public HostGroup moveGroup(UUID id, UUID parent) throws VaultException {
        return vault.inTransaction(() -> {
            HostGroup group = group(id);
            if (parent != null) {
                Map<UUID, HostGroup> byId = new HashMap<>();
                vault.groups().list().forEach(g -> byId.put(g.id(), g));
                HostGroup target = byId.get(parent);
                if (target == null) {
                    throw new VaultException("That group is no longer in the vault. Reload the list and try again.");
                }
                Set<UUID> seen = new HashSet<>();
                for (HostGroup cursor = target; cursor != null && seen.add(cursor.id());
                     cursor = cursor.parentId().map(byId::get).orElse(null)) {
                    if (cursor.id().equals(id)) {
                        throw new VaultException(target.id().equals(id)
                                ? "Group " + group.name() + " cannot be moved into itself."
                                : "Group " + group.name() + " cannot be moved into " + target.name() + ": " + target.name()
                                        + " is inside " + group.name() + ". Move " + target.name() + " out first, or pick another group.");
                    }
                }
            }
            HostGroup moved = new HostGroup(group.id(), group.name(), Optional.ofNullable(parent));
            vault.groups().save(moved);
            return moved;
        });
    }

    /**
     * Deletes a group. Its hosts and subgroups are not deleted: they move to the group's parent (to the
     * top level for a top-level group). Returns what is needed to put it back.
     */
    public DeletedGroup deleteGroup(UUID id) throws VaultException {
        return vault.inTransaction(() -> {
            HostGroup group = group(id);
            UUID parent = group.parentId().orElse(null);
            List<Host> inside = vault.hosts().list().stream().filter(h -> h.details().groupId().filter(id::equals).isPresent()).toList();
            List<HostGroup> children = vault.groups().list().stream().filter(g -> g.parentId().filter(id::equals).isPresent()).toList();
            move(inside, parent);
            for (HostGroup child : children) {
                vault.groups().save(new HostGroup(child.id(), child.name(), Optional.ofNullable(parent)));
            }
            vault.groups().delete(id);
            return new DeletedGroup(group, inside.stream().map(Host::id).toList(), children.stream().map(HostGroup::id).toList());
        });
    }

    /** Puts a deleted group back where it was, with the hosts and groups that were in it (those still in the vault). */
    public void restoreGroup(DeletedGroup deleted) throws VaultException {
        vault.inTransaction(() -> {
            HostGroup group = deleted.group();
            Set<UUID> groupIds = new HashSet<>();
            vault.groups().list().forEach(g -> groupIds.add(g.id()));
            UUID parent = group.parentId().filter(groupIds::contains).orElse(null);
            vault.groups().save(new HostGroup(group.id(), group.name(), Optional.ofNullable(parent)));
            for (HostGroup child : vault.groups().list()) {
                if (deleted.groups().contains(child.id())) {
                    vault.groups().save(new HostGroup(child.id(), child.name(), Optional.of(group.id())));
                }
            }
            List<Host> back = vault.hosts().list().stream().filter(h -> deleted.hosts().contains(h.id())).toList();
            move(back, group.id());
            return null;
        });
    }

    private HostGroup group(UUID id) throws VaultException {
        return vault.groups().list().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new VaultException("That group is no longer in the vault. Reload the list and try again."));
    }

    /** A copy of {@code host} under a new id and the name "… (copy)", with its saved password. */
    public Host duplicate(Host host) throws VaultException {
        String name = host.name() + " (copy)";
        if (name.length() > dev.keyport.vault.Fields.NAME_MAX) {
            name = host.name();
        }
        Host copy = new Host(UUID.randomUUID(), name, host.address(), host.port(), host.username(), host.auth(), host.details());
        Optional<char[]> password = vault.hosts().password(host.id());
        save(copy, password.orElse(null));
        return copy;
    }

    /** Moves hosts into {@code group} (null: out of every group), in one transaction. */
    public void move(List<Host> hosts, UUID group) throws VaultException {
        List<Host> moved = new ArrayList<>();
        for (Host host : hosts) {
            moved.add(host.withDetails(host.details().withGroup(group)));
        }
        vault.hosts().saveAll(moved);
    }

    /** What deleting {@code hosts} takes with it. */
    public Impact impact(List<Host> hosts) throws VaultException {
        Set<UUID> ids = ids(hosts);
        List<String> tunnels = new ArrayList<>();
        for (ForwardProfile profile : vault.forwardProfiles().list()) {
            if (ids.contains(profile.hostId())) {
                tunnels.add(profile.name());
            }
        }
        List<String> jumping = new ArrayList<>();
        for (Host other : vault.hosts().list()) {
            if (!ids.contains(other.id()) && other.details().jumpChain().stream().anyMatch(ids::contains)) {
                jumping.add(other.name());
            }
        }
        return new Impact(tunnels, jumping);
    }

    /**
     * Deletes hosts (their tunnels go with them, and other hosts lose them as a hop) in one
     * transaction, and returns what is needed to put everything back.
     */
    public Deleted delete(List<Host> hosts) throws VaultException {
        Set<UUID> ids = ids(hosts);
        Map<UUID, char[]> passwords = new HashMap<>();
        return vault.inTransaction(() -> {
            List<Host> stored = new ArrayList<>();
            for (Host host : hosts) {
                Optional<Host> current = vault.hosts().find(host.id());
                if (current.isPresent()) {
                    stored.add(current.get());
                    vault.hosts().password(host.id()).ifPresent(p -> passwords.put(host.id(), p));
                }
            }
            List<ForwardProfile> tunnels = vault.forwardProfiles().list().stream().filter(p -> ids.contains(p.hostId())).toList();
            List<Host> dependents = vault.hosts().list().stream()
                    .filter(h -> !ids.contains(h.id()) && h.details().jumpChain().stream().anyMatch(ids::contains)).toList();
            for (Host host : stored) {
                vault.hosts().delete(host.id());
            }
            return new Deleted(stored, passwords, tunnels, dependents);
        });
    }

    public void delete(Host host) throws VaultException {
        delete(List.of(host)).forget();
    }

    /** Puts deleted hosts back as they were (ids, passwords, tunnels, the jump chains through them), then wipes the passwords held. */
    public void restore(Deleted deleted) throws VaultException {
        synchronized (deleted) {
            try {
                vault.inTransaction(() -> {
                    Map<UUID, char[]> passwords = new LinkedHashMap<>(deleted.passwords);
                    // first without their jump chains (a chain may name another host coming back), then with them
                    List<Host> bare = deleted.hosts.stream().map(h -> h.withDetails(h.details().withJumpChain(List.of()))).toList();
                    vault.hosts().saveAll(bare, passwords);
                    Set<UUID> existing = ids(vault.hosts().list());
                    List<Host> chained = new ArrayList<>();
                    for (Host host : deleted.hosts) {
                        chained.add(withExistingHops(host, existing));
                    }
                    for (Host dependent : deleted.dependents) {
                        // only when it still exists: a host deleted since then stays deleted
                        if (existing.contains(dependent.id())) {
                            chained.add(withExistingHops(dependent, existing));
                        }
                    }
                    vault.hosts().saveAll(chained);
                    for (ForwardProfile tunnel : deleted.tunnels) {
                        vault.forwardProfiles().save(tunnel);
                    }
                    return null;
                });
            } finally {
                deleted.forget();
            }
        }
    }

    /** Notes that a tab was opened on {@code hostId}: it moves to the front of the recently used hosts. */
    public void markUsed(UUID hostId) throws VaultException {
        List<UUID> recent = new ArrayList<>(recent());
        recent.remove(hostId);
        recent.add(0, hostId);
        if (recent.size() > RECENT_MAX) {
            recent = recent.subList(0, RECENT_MAX);
        }
        StringBuilder text = new StringBuilder();
        for (UUID id : recent) {
            text.append(text.length() == 0 ? "" : ",").append(id);
        }
        vault.settings().put(RECENT_SETTING, text.toString());
    }

    /** Ids of recently used hosts, most recent first. */
    public List<UUID> recent() throws VaultException {
        Optional<String> stored = vault.settings().get(RECENT_SETTING);
        List<UUID> ids = new ArrayList<>();
        if (stored.isPresent() && !stored.get().isBlank()) {
            for (String part : stored.get().split(",")) {
                try {
                    ids.add(UUID.fromString(part.strip()));
                } catch (IllegalArgumentException e) {
                    // a damaged entry is skipped; the list rebuilds itself as hosts are used
                }
            }
        }
        return ids;
    }

    /**
     * What is wrong with a private key file path, or empty when it names a readable file. {@code ~/}
     * is the home folder, as when connecting. Touches the file system: not on the UI thread.
     */
    public static Optional<String> checkKeyFile(String path) {
        if (path == null || path.isBlank()) {
            return Optional.of("Choose a private key file");
        }
        Path file;
        try {
            file = CredentialResolver.expandHome(path.strip());
        } catch (InvalidPathException e) {
            return Optional.of("Not a file path: " + e.getReason());
        }
        if (!Files.exists(file)) {
            return Optional.of("No such file: " + file + ". Choose an existing private key file");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of(file + " is not a file. Choose a private key file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of(file + " cannot be read (permissions). Choose a key file you can read");
        }
        return Optional.empty();
    }

    private static Host withExistingHops(Host host, Set<UUID> existing) {
        List<UUID> chain = host.details().jumpChain().stream().filter(existing::contains).toList();
        return host.withDetails(host.details().withJumpChain(chain));
    }

    private static Set<UUID> ids(List<Host> hosts) {
        Set<UUID> ids = new HashSet<>();
        hosts.forEach(h -> ids.add(h.id()));
        return ids;
    }
}
