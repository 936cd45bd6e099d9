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
 * built once per load, then each keystroke only filters the pre-sorted hosts. A tree's searches must
 * run one at a time (they fill its sort orders and row caches); its other methods only read.
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

    /** What a search needs of one host, worked out once per tree. */
    private static final class Entry {
        final Host host;
        final String haystack;
        /** Index of its group in {@link #groupIndex}, or -1 without one. */
        final int group;
        HostRow row;

        Entry(Host host, String haystack, int group) {
            this.host = host;
            this.haystack = haystack;
            this.group = group;
        }
    }

    /** What one search keeps: the hosts (in sort order, regardless of groups) and the rows to show. */
    public static final class Result {
        private final HostTree tree;
        private final String[] words;
        private final Set<String> tags;
        private final Sort sort;
        private final Set<UUID> collapsed;
        private final List<Entry> kept;
        private final List<Host> hosts;
        private final List<Row> rows;

        Result(HostTree tree, String[] words, Set<String> tags, Sort sort, Set<UUID> collapsed, List<Entry> kept, List<Host> hosts,
               List<Row> rows) {
            this.tree = tree;
            this.words = words;
            this.tags = tags;
            this.sort = sort;
            this.collapsed = collapsed;
            this.kept = kept;
            this.hosts = hosts;
            this.rows = rows;
        }

        public List<Host> hosts() {
            return hosts;
        }

        public List<Row> rows() {
            return rows;
        }

        private boolean filtering() {
            return words.length > 0 || !tags.isEmpty();
        }

        /**
         * Whether a search for {@code next} can only keep hosts this one kept: same tree, order, tags and
         * collapsed groups, and every word of this search inside a word of the next (typing on).
         */
        private boolean narrows(HostTree tree, String[] next, Set<String> nextTags, Sort nextSort, Set<UUID> nextCollapsed) {
            if (this.tree != tree || sort != nextSort || !tags.equals(nextTags) || !collapsed.equals(nextCollapsed)) {
                return false;
            }
            for (String word : words) {
                boolean inside = false;
                for (String longer : next) {
                    if (longer.contains(word)) {
                        inside = true;
                        break;
                    }
                }
                if (!inside) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Host> hosts;
    private final List<HostGroup> groups;
    private final Map<UUID, HostGroup> groupsById = new HashMap<>();
    private final Map<UUID, List<HostGroup>> children = new HashMap<>();
    private final List<HostGroup> roots = new ArrayList<>();
    private final Map<UUID, String> paths = new HashMap<>();
    private final Map<UUID, Integer> recency = new HashMap<>();
    private final Map<Sort, List<Entry>> sorted = new EnumMap<>(Sort.class);
    private final Map<String, Integer> tagCounts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<Entry> entries = new ArrayList<>();
    private final Map<UUID, Integer> groupIndex = new HashMap<>();
    /** Per group index: itself and its ancestors (as indexes), nearest first; a host kept counts once in each. */
    private final int[][] lineage;

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
            groupIndex.putIfAbsent(group.id(), groupIndex.size());
        }
        lineage = new int[groupIndex.size()][];
        for (HostGroup group : groups) {
            List<Integer> line = new ArrayList<>();
            Set<UUID> seen = new HashSet<>();
            for (UUID cursor = group.id(); cursor != null && seen.add(cursor); ) {
                line.add(groupIndex.get(cursor));
                cursor = groupsById.get(cursor).parentId().filter(groupsById::containsKey).orElse(null);
            }
            lineage[groupIndex.get(group.id())] = line.stream().mapToInt(Integer::intValue).toArray();
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
            int group = host.details().groupId().map(groupIndex::get).orElse(-1);
            entries.add(new Entry(host, text.toString().toLowerCase(Locale.ROOT), group));
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
        for (Entry entry : entries) {
            if (entry.host == host) {
                return matches(entry, words, tags);
            }
        }
        return false;
    }

    private static boolean matches(Entry entry, String[] words, Set<String> tags) {
        if (!tags.isEmpty()) {
            for (String tag : tags) {
                if (entry.host.details().tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag))) {
                    return false;
                }
            }
        }
        for (String word : words) {
            if (!entry.haystack.contains(word)) {
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
        return search(query, tags, sort, Set.of()).hosts();
    }

    /**
     * The rows to show: groups first (nested ones inside their parent), then hosts without a group.
     * While searching or filtering by tag, groups with nothing kept are hidden and the others are open.
     */
    public List<Row> rows(String query, Set<String> tags, Sort sort, Set<UUID> collapsed) {
        return search(query, tags, sort, collapsed).rows();
    }

    /**
     * One search: the hosts kept and the rows to show. Walks the hosts sorted once per tree, with a
     * lower-case text per host and its group worked out once; a host's row is the same object from one
     * search to the next, so comparing the rows with the ones shown is cheap.
     */
    public Result search(String query, Set<String> tags, Sort sort, Set<UUID> collapsed) {
        return search(query, tags, sort, collapsed, null);
    }

    /**
     * As {@link #search(String, Set, Sort, Set)}; when {@code previous} (the last search) kept every host
     * this one can keep (typing on in the search field), only its hosts are looked at, and when the
     * search keeps all of them its rows are reused as they are.
     */
    public Result search(String query, Set<String> tags, Sort sort, Set<UUID> collapsed, Result previous) {
        String[] words = words(query);
        Set<String> tagSet = Set.copyOf(tags);
        Set<UUID> collapsedSet = Set.copyOf(collapsed);
        boolean filtering = words.length > 0 || !tags.isEmpty();
        boolean narrowing = previous != null && previous.narrows(this, words, tagSet, sort, collapsedSet);
        List<Entry> all = narrowing ? previous.kept : sorted(sort);
        List<Entry> keptEntries = new ArrayList<>(filtering ? Math.min(all.size(), 256) : all.size());
        for (Entry entry : all) {
            if (!filtering || matches(entry, words, tags)) {
                keptEntries.add(entry);
            }
        }
        if (narrowing && keptEntries.size() == all.size() && previous.filtering() == filtering) {
            // typing on kept the same hosts: the same rows
            return new Result(this, words, tagSet, sort, collapsedSet, previous.kept, previous.hosts, previous.rows);
        }
        List<Host> kept = new ArrayList<>(keptEntries.size());
        int[] counts = new int[lineage.length];
        @SuppressWarnings("unchecked")
        List<Entry>[] byGroup = new List[lineage.length];
        List<Entry> ungrouped = new ArrayList<>();
        for (Entry entry : keptEntries) {
            kept.add(entry.host);
            if (entry.group < 0) {
                ungrouped.add(entry);
                continue;
            }
            List<Entry> bucket = byGroup[entry.group];
            if (bucket == null) {
                bucket = new ArrayList<>();
                byGroup[entry.group] = bucket;
            }
            bucket.add(entry);
            for (int g : lineage[entry.group]) {
                counts[g]++;
            }
        }
        List<Row> rows = new ArrayList<>(kept.size() + groups.size());
        Set<UUID> visited = new HashSet<>();
        for (HostGroup root : roots) {
            addGroup(rows, root, 0, filtering, collapsed, byGroup, counts, visited);
        }
        for (Entry entry : ungrouped) {
            rows.add(hostRow(entry, 0, ""));
        }
        return new Result(this, words, tagSet, sort, collapsedSet, keptEntries, kept, rows);
    }

    private void addGroup(List<Row> rows, HostGroup group, int depth, boolean filtering, Set<UUID> collapsed,
                          List<Entry>[] byGroup, int[] counts, Set<UUID> visited) {
        if (!visited.add(group.id())) {
            return; // a loop in stored parents: show each group once
        }
        int index = groupIndex.get(group.id());
        int count = counts[index];
        if (filtering && count == 0) {
            return;
        }
        boolean expanded = filtering || !collapsed.contains(group.id());
        String path = paths.get(group.id());
        rows.add(new GroupRow(group, path, depth, count, expanded));
        if (!expanded) {
            return;
        }
        for (HostGroup child : children.getOrDefault(group.id(), List.of())) {
            addGroup(rows, child, depth + 1, filtering, collapsed, byGroup, counts, visited);
        }
        List<Entry> bucket = byGroup[index];
        if (bucket != null) {
            for (Entry entry : bucket) {
                rows.add(hostRow(entry, depth + 1, path));
            }
        }
    }

    private static HostRow hostRow(Entry entry, int depth, String path) {
        HostRow row = entry.row;
        if (row == null || row.depth() != depth || !row.groupPath().equals(path)) {
            row = new HostRow(entry.host, depth, path);
            entry.row = row;
        }
        return row;
    }

    private List<Entry> sorted(Sort sort) {
        return sorted.computeIfAbsent(sort, s -> {
            Comparator<Host> byName = Comparator.comparing(Host::name, String.CASE_INSENSITIVE_ORDER).thenComparing(h -> h.id());
            Comparator<Host> order = switch (s) {
                case NAME -> byName;
                case ADDRESS -> Comparator.comparing(Host::address, String.CASE_INSENSITIVE_ORDER).thenComparingInt(Host::port)
                        .thenComparing(byName);
                case RECENT -> Comparator.<Host>comparingInt(h -> recency.getOrDefault(h.id(), Integer.MAX_VALUE)).thenComparing(byName);
            };
            List<Entry> list = new ArrayList<>(entries);
            list.sort((a, b) -> order.compare(a.host, b.host));
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
