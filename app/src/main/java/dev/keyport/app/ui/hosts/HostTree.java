package dev.keyport.app.ui.hosts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import dev.keyport.app.services.HostService.Catalog;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostGroup;

/**
 * The host list as rows: groups (nested, with the number of hosts under them) and the hosts in them,
 * filtered by search words and tags, sorted, with collapsed groups closed. Plain Java (no JavaFX):
 * built once per load, then each keystroke only filters the pre-sorted hosts.
 */
public final class HostTree {

    /** How hosts are ordered inside a group. */
    public enum Sort {
        NAME("Name"), ADDRESS("Address"), RECENT("Recently used");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One line of the list. */
    public sealed interface Row permits GroupRow, HostRow {
        int depth();
    }

    /**
     * A group's header.
     *
     * @param count    hosts under it (nested groups included) that the search keeps
     * @param expanded whether its hosts are shown below it
     */
    public record GroupRow(HostGroup group, String path, int depth, int count, boolean expanded) implements Row {
    }

    /** A host, under its group (depth 0 when it has none). */
    public record HostRow(Host host, int depth, String groupPath) implements Row {
    }

    private static final String SEPARATOR = " / ";

    private final List<Host> hosts;
    private final List<HostGroup> groups;
    private final Map<UUID, HostGroup> groupsById = new HashMap<>();
    private final Map<UUID, List<HostGroup>> children = new HashMap<>();
    private final List<HostGroup> roots = new ArrayList<>();
    private final Map<UUID, String> paths = new HashMap<>();
    private final Map<UUID, String> haystacks = new HashMap<>();
    private final Map<UUID, Integer> recency = new HashMap<>();
    private final Map<Sort, List<Host>> sorted = new EnumMap<>(Sort.class);
    private final Map<String, Integer> tagCounts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public HostTree(Catalog catalog) {
        this.hosts = catalog.hosts();
        this.groups = catalog.groups();
        for (HostGroup group : groups) {
            groupsById.put(group.id(), group);
        }
        for (HostGroup group : groups) {
            Optional<UUID> parent = group.parentId().filter(groupsById::containsKey);
            if (parent.isPresent()) {
                children.computeIfAbsent(parent.get(), k -> new ArrayList<>()).add(group);
            } else {
                roots.add(group);
            }
        }
        Comparator<HostGroup> byName = Comparator.comparing(HostGroup::name, String.CASE_INSENSITIVE_ORDER);
        roots.sort(byName);
        children.values().forEach(list -> list.sort(byName));
        for (HostGroup group : groups) {
            paths.put(group.id(), pathOf(group));
        }
        for (int i = 0; i < catalog.recent().size(); i++) {
            recency.putIfAbsent(catalog.recent().get(i), i);
        }
        for (Host host : hosts) {
            StringBuilder text = new StringBuilder(host.name()).append('\n').append(host.username()).append('@').append(host.address())
                    .append(':').append(host.port()).append('\n').append(groupPath(host));
            for (String tag : host.details().tags()) {
                text.append('\n').append('#').append(tag);
                tagCounts.merge(tag, 1, Integer::sum);
            }
            haystacks.put(host.id(), text.toString().toLowerCase(Locale.ROOT));
        }
    }

    /** An empty tree. */
    public static HostTree empty() {
        return new HostTree(new Catalog(List.of(), List.of(), List.of()));
    }

    public List<Host> hosts() {
        return hosts;
    }

    public List<HostGroup> groups() {
        return groups;
    }

    /** Every tag in use, in alphabetical order. */
    public List<String> tags() {
        return List.copyOf(tagCounts.keySet());
    }

    /** "prod / web" for a host in group web inside prod; "" without a group. */
    public String groupPath(Host host) {
        return host.details().groupId().map(id -> paths.getOrDefault(id, "")).orElse("");
    }

    /** The group with this id, if it exists. */
    public Optional<HostGroup> group(UUID groupId) {
        return Optional.ofNullable(groupsById.get(groupId));
    }

    /** "prod / web" for group web inside prod. */
    public String path(UUID groupId) {
        return paths.getOrDefault(groupId, "");
    }

    /**
     * Whether a host matches: every word of {@code query} appears in its name, {@code user@address:port},
     * group path or tags ({@code #tag} matches a tag from its start), and it carries every one of {@code tags}.
     */
    public boolean matches(Host host, String[] words, Set<String> tags) {
        if (!tags.isEmpty()) {
            for (String tag : tags) {
                if (host.details().tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
                    return false;
                }
            }
        }
        String haystack = haystacks.get(host.id());
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The search text as lower-case words. */
    public static String[] words(String query) {
        String text = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() ? new String[0] : text.split("\\s+");
    }

    /** The hosts the search keeps, in {@code sort} order, regardless of groups. */
    public List<Host> matching(String query, Set<String> tags, Sort sort) {
        String[] words = words(query);
        List<Host> kept = new ArrayList<>();
        for (Host host : sorted(sort)) {
            if (matches(host, words, tags)) {
                kept.add(host);
            }
        }
        return kept;
    }

    /**
     * The rows to show: groups first (nested ones inside their parent), then hosts without a group.
     * While searching or filtering by tag, groups with nothing kept are hidden and the others are open.
     */
    public List<Row> rows(String query, Set<String> tags, Sort sort, Set<UUID> collapsed) {
        return rows(matching(query, tags, sort), words(query).length > 0 || !tags.isEmpty(), collapsed);
    }

    /** The rows for hosts already {@link #matching matched}; {@code filtering}: whether a search or tag filter is on. */
    public List<Row> rows(List<Host> kept, boolean filtering, Set<UUID> collapsed) {
        Map<UUID, List<Host>> byGroup = new HashMap<>();
        Map<UUID, Integer> counts = new HashMap<>();
        List<Host> ungrouped = new ArrayList<>();
        for (Host host : kept) {
            UUID group = host.details().groupId().filter(groupsById::containsKey).orElse(null);
            if (group == null) {
                ungrouped.add(host);
                continue;
            }
            byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(host);
            Set<UUID> seen = new HashSet<>();
            for (UUID cursor = group; cursor != null && seen.add(cursor); ) {
                counts.merge(cursor, 1, Integer::sum);
                cursor = groupsById.get(cursor).parentId().filter(groupsById::containsKey).orElse(null);
            }
        }
        List<Row> rows = new ArrayList<>(kept.size() + groups.size());
        Set<UUID> visited = new HashSet<>();
        for (HostGroup root : roots) {
            addGroup(rows, root, 0, filtering, collapsed, byGroup, counts, visited);
        }
        for (Host host : ungrouped) {
            rows.add(new HostRow(host, 0, ""));
        }
        return rows;
    }

    private void addGroup(List<Row> rows, HostGroup group, int depth, boolean filtering, Set<UUID> collapsed,
                          Map<UUID, List<Host>> byGroup, Map<UUID, Integer> counts, Set<UUID> visited) {
        if (!visited.add(group.id())) {
            return; // a loop in stored parents: show each group once
        }
        int count = counts.getOrDefault(group.id(), 0);
        if (filtering && count == 0) {
            return;
        }
        boolean expanded = filtering || !collapsed.contains(group.id());
        rows.add(new GroupRow(group, paths.get(group.id()), depth, count, expanded));
        if (!expanded) {
            return;
        }
        for (HostGroup child : children.getOrDefault(group.id(), List.of())) {
            addGroup(rows, child, depth + 1, filtering, collapsed, byGroup, counts, visited);
        }
        String path = paths.get(group.id());
        for (Host host : byGroup.getOrDefault(group.id(), List.of())) {
            rows.add(new HostRow(host, depth + 1, path));
        }
    }

    private List<Host> sorted(Sort sort) {
        return sorted.computeIfAbsent(sort, s -> {
            Comparator<Host> byName = Comparator.comparing(Host::name, String.CASE_INSENSITIVE_ORDER).thenComparing(h -> h.id());
            Comparator<Host> order = switch (s) {
                case NAME -> byName;
                case ADDRESS -> Comparator.comparing(Host::address, String.CASE_INSENSITIVE_ORDER).thenComparingInt(Host::port)
                        .thenComparing(byName);
                case RECENT -> Comparator.<Host>comparingInt(h -> recency.getOrDefault(h.id(), Integer.MAX_VALUE)).thenComparing(byName);
            };
            List<Host> list = new ArrayList<>(hosts);
            list.sort(order);
            return list;
        });
    }

    private String pathOf(HostGroup group) {
        List<String> names = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (HostGroup cursor = group; cursor != null && seen.add(cursor.id());
             cursor = cursor.parentId().map(groupsById::get).orElse(null)) {
            names.add(0, cursor.name());
        }
        return String.join(SEPARATOR, names);
    }

    /** The separator between group names in a path: "prod / web". */
    public static String separator() {
        return SEPARATOR;
    }
}
