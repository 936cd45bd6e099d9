package dev.keyport.app.ui.hosts;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.VaultWork;
import dev.keyport.app.ui.hosts.HostTree.Row;
import dev.keyport.app.ui.hosts.HostTree.Sort;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostGroup;

/**
 * The host list's state: the hosts and groups, the search text, the tags filtered on, the order,
 * the collapsed groups, the rows that follow from them, the last problem, and the last deletion
 * (which can be undone). Vault work runs on {@code background}; results arrive on the UI thread
 * through {@code ui}. Searching runs on {@code background} too, one search at a time, the latest
 * request first: a keystroke's rows are applied on the UI thread only if no newer keystroke came
 * since (see the host list benchmark).
 */
public final class HostListViewModel {

    private final HostService hostService;
    private final Executor background;
    private final Executor ui;
    private final ObservableSet<UUID> tunnelsOn;
    private final ObservableSet<UUID> tabsOn;
    private final ObservableList<Host> hosts = FXCollections.observableArrayList();
    private final ObservableList<Host> visible = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObservableSet<String> tagFilter = FXCollections.observableSet();
    private final ObservableSet<UUID> collapsed = FXCollections.observableSet();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<Sort> sort = new SimpleObjectProperty<>(Sort.NAME);
    private final ObjectProperty<dev.keyport.vault.HostKeyPolicy> defaultHostKeyPolicy =
            new SimpleObjectProperty<>(dev.keyport.vault.HostKeyPolicy.ASK);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper undoMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final StringBinding placeholder;
    private HostTree tree = HostTree.empty();
    /** Runs the searches: one at a time, on {@code background}, a newer one replacing any that waits. */
    private final LatestFirst searches;
    /** The last search, which the next keystroke narrows when it only adds to the words; used by the search thread only. */
    private volatile HostTree.Result lastSearch;
    /** Counts the searches asked for (UI thread); a result is shown only if it is the latest's. */
    private int searchesAsked;
    /** The search whose rows are shown (UI thread). */
    private int searchShown;
    /** The hosts were read again: {@link #loaded} turns true when their first search is shown. */
    private boolean loadShown = true;
    /** Waiting for the latest search to be shown (UI thread). */
    private final List<Runnable> afterSearch = new java.util.ArrayList<>();
    private Undo lastDeleted;

    /** The last deletion, while it can be undone. */
    private interface Undo {
        void restore(HostService service) throws dev.keyport.vault.VaultException;

        /** The offer expired: drop what is held for it (saved passwords are wiped). */
        void forget();
    }

    /**
     * What a group holds directly and where it goes when the group is deleted.
     *
     * @param destination the parent's path, or "" for the top level
     */
    public record GroupContents(HostGroup group, int hosts, int groups, String destination) {
    }

    public HostListViewModel(HostService hostService, Executor background, Executor ui) {
        this(hostService, background, ui, FXCollections.observableSet());
    }

    /** @param tunnelsOn ids of hosts that a switched-on tunnel goes through (kept up to date by the tunnels) */
    public HostListViewModel(HostService hostService, Executor background, Executor ui, ObservableSet<UUID> tunnelsOn) {
        this(hostService, background, ui, tunnelsOn, FXCollections.observableSet());
    }

    /**
     * @param tunnelsOn ids of hosts that a switched-on tunnel goes through (kept up to date by the tunnels)
     * @param tabsOn    ids of hosts with an open terminal tab (kept up to date by the window); a host
     *                  added here becomes the most recently used one
     */
    public HostListViewModel(HostService hostService, Executor background, Executor ui, ObservableSet<UUID> tunnelsOn,
                             ObservableSet<UUID> tabsOn) {
        this.hostService = hostService;
        this.background = background;
        this.ui = ui;
        this.tunnelsOn = tunnelsOn;
        this.tabsOn = tabsOn;
        this.searches = new LatestFirst(background);
        query.addListener((obs, old, text) -> refresh());
        sort.addListener((obs, old, order) -> refresh());
        tagFilter.addListener((SetChangeListener<String>) change -> refresh());
        collapsed.addListener((SetChangeListener<UUID>) change -> refresh());
        tabsOn.addListener((SetChangeListener<UUID>) change -> {
            if (change.wasAdded()) {
                UUID id = change.getElementAdded();
                run(() -> hostService.markUsed(id));
            }
        });
        placeholder = Bindings.createStringBinding(() -> {
            if (hosts.isEmpty()) {
                return "No hosts yet.\nAdd one with New host (Ctrl+Shift+N).";
            }
            String searched = query.get().strip();
            String filter = searched.isEmpty() ? "" : "\u201c" + searched + "\u201d";
            if (!tagFilter.isEmpty()) {
                filter += (filter.isEmpty() ? "" : " with ") + "the tag" + (tagFilter.size() == 1 ? " " : "s ") + String.join(", ", tagFilter);
            }
            return "No host matches " + filter + ".\nClear the " + (tagFilter.isEmpty() ? "search" : "filter") + " to see all "
                    + hosts.size() + (hosts.size() == 1 ? " host." : " hosts.");
        }, hosts, query, tagFilter);
    }

    /** The hosts the search and tag filter keep, in list order, regardless of groups. */
    public ObservableList<Host> visibleHosts() {
        return visible;
    }

    /** Every saved host. */
    public ObservableList<Host> allHosts() {
        return hosts;
    }

    /** The rows the list shows: group headers and hosts. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** Every tag in use. */
    public ObservableList<String> tags() {
        return tags;
    }

    /** The tags a host must carry to be shown. */
    public ObservableSet<String> tagFilter() {
        return tagFilter;
    }

    /** Ids of collapsed groups. */
    public ObservableSet<UUID> collapsed() {
        return collapsed;
    }

    public void toggle(UUID groupId) {
        if (!collapsed.remove(groupId)) {
            collapsed.add(groupId);
        }
    }

    public ObjectProperty<Sort> sortProperty() {
        return sort;
    }

    /** Hosts that a switched-on tunnel goes through: the list marks them. */
    public ObservableSet<UUID> tunnelsOn() {
        return tunnelsOn;
    }

    /** Hosts with an open terminal tab: the list marks them. */
    public ObservableSet<UUID> tabsOn() {
        return tabsOn;
    }

    /** What the empty list says: how to add a first host, or that the search matches none of the saved ones. */
    public StringBinding placeholderProperty() {
        return placeholder;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once the hosts have been read from the vault. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * Runs {@code action} on the UI thread once the rows of the latest search are shown: now when they
     * are (Enter in the search field acts on what was typed, not on the rows of an earlier keystroke).
     * Call on the UI thread.
     */
    public void afterSearch(Runnable action) {
        if (searchShown == searchesAsked) {
            action.run();
        } else {
            afterSearch.add(action);
        }
    }

    /** Counts every new set of rows (tests and the benchmark wait for it). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** "Deleted web": what the last deletion removed while it can be undone; "" otherwise. */
    public ReadOnlyStringProperty undoMessageProperty() {
        return undoMessage.getReadOnlyProperty();
    }

    /** The group path of a host, "" when it has none. */
    public String groupPath(Host host) {
        return tree.groupPath(host);
    }

    /** Every group with its path ("prod / web"), for "Move to group". */
    public List<HostGroup> groups() {
        return tree.groups();
    }

    public String path(UUID groupId) {
        return tree.path(groupId);
    }

    /** The host-key policy a new host starts with in the editor (the window binds it to the one chosen in Settings). */
    public ObjectProperty<dev.keyport.vault.HostKeyPolicy> defaultHostKeyPolicyProperty() {
        return defaultHostKeyPolicy;
    }

    /** Loads the hosts and groups from the vault in the background. */
    public void reload() {
        run(() -> show(hostService.catalog()));
    }

    /** Saves a new host and, if given, its password (encrypted in the vault); the password array is wiped. */
    public void add(Host host, char[] password) {
        run(() -> {
            hostService.save(host, password);
            show(hostService.catalog());
        });
    }

    /**
     * Reads what the editor offers (groups, keys, identities, hosts) in the background, then hands a
     * fresh editor for {@code host} (null: a new host) to {@code open} on the UI thread.
     */
    public void edit(Host host, Consumer<HostEditorViewModel> open) {
        run(() -> {
            HostService.Choices choices = hostService.choices();
            ui.execute(() -> open.accept(new HostEditorViewModel(choices, host, System.getProperty("user.name", ""),
                    defaultHostKeyPolicy.get(), background, ui)));
        });
    }

    /** Saves what an editor produced (new groups, the host, a typed password, which is wiped). */
    public void save(HostEditorViewModel.Draft draft) {
        run(() -> {
            hostService.save(draft.host(), draft.newGroups(), draft.password());
            show(hostService.catalog());
        });
    }

    public void duplicate(Host host) {
        run(() -> {
            hostService.duplicate(host);
            show(hostService.catalog());
        });
    }

    /** Moves hosts into {@code groupId} (null: out of their groups). */
    public void move(List<Host> moved, UUID groupId) {
        if (moved.isEmpty()) {
            return;
        }
        List<Host> copy = List.copyOf(moved);
        run(() -> {
            hostService.move(copy, groupId);
            show(hostService.catalog());
        });
    }

    /** Creates a group (inside {@code parent}, or at the top when null) and moves {@code moved} into it. */
    public void moveToNewGroup(List<Host> moved, String name, UUID parent) {
        List<Host> copy = List.copyOf(moved);
        run(() -> {
            HostGroup group = hostService.createGroup(name, parent);
            hostService.move(copy, group.id());
            show(hostService.catalog());
        });
    }

    /** Reads, in the background, what deleting {@code doomed} takes with it; {@code answer} gets it on the UI thread. */
    public void impact(List<Host> doomed, Consumer<HostService.Impact> answer) {
        List<Host> copy = List.copyOf(doomed);
        run(() -> {
            HostService.Impact impact = hostService.impact(copy);
            ui.execute(() -> answer.accept(impact));
        });
    }

    /** Deletes hosts (their tunnels go too); the deletion can be undone until {@link #dismissUndo()} or the next one. */
    public void delete(List<Host> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        List<Host> copy = List.copyOf(doomed);
        run(() -> {
            HostService.Deleted deleted = hostService.delete(copy);
            HostService.Catalog catalog = hostService.catalog();
            ui.execute(() -> offerUndo(new Undo() {
                @Override
                public void restore(HostService service) throws dev.keyport.vault.VaultException {
                    service.restore(deleted);
                }

                @Override
                public void forget() {
                    deleted.forget();
                }
            }, deleted.hosts().size() == 1 ? "Deleted " + deleted.hosts().get(0).name() : "Deleted " + deleted.hosts().size() + " hosts",
                    catalog));
        });
    }

    public void delete(Host host) {
        delete(List.of(host));
    }

    /** Creates an empty group inside {@code parent} (null: at the top level). */
    public void createGroup(String name, UUID parent) {
        run(() -> {
            hostService.createGroup(name, parent);
            show(hostService.catalog());
        });
    }

    /** Renames a group. */
    public void renameGroup(UUID groupId, String name) {
        run(() -> {
            hostService.renameGroup(groupId, name);
            show(hostService.catalog());
        });
    }

    /** Moves a group into {@code parent} (null: to the top level); a move into itself or its own subgroup is refused (the problem says why). */
    public void moveGroup(UUID groupId, UUID parent) {
        run(() -> {
            hostService.moveGroup(groupId, parent);
            show(hostService.catalog());
        });
    }

    /** What a group holds directly (hosts, subgroups) and where they go if it is deleted. */
    public GroupContents contents(UUID groupId) {
        HostGroup group = tree.group(groupId).orElseThrow();
        int hosts = 0;
        for (Host host : tree.hosts()) {
            if (host.details().groupId().filter(groupId::equals).isPresent()) {
                hosts++;
            }
        }
        int groups = 0;
        for (HostGroup other : tree.groups()) {
            if (other.parentId().filter(groupId::equals).isPresent()) {
                groups++;
            }
        }
        return new GroupContents(group, hosts, groups, group.parentId().map(tree::path).orElse(""));
    }

    /**
     * Deletes a group; its hosts and subgroups move to its parent (or the top level). The deletion can
     * be undone like a host's.
     */
    public void deleteGroup(UUID groupId) {
        run(() -> {
            HostService.DeletedGroup deleted = hostService.deleteGroup(groupId);
            HostService.Catalog catalog = hostService.catalog();
            ui.execute(() -> offerUndo(new Undo() {
                @Override
                public void restore(HostService service) throws dev.keyport.vault.VaultException {
                    service.restoreGroup(deleted);
                }

                @Override
                public void forget() {
                    // nothing secret is held for a group
                }
            }, "Deleted group " + deleted.group().name(), catalog));
        });
    }

    private void offerUndo(Undo undo, String message, HostService.Catalog catalog) {
        forgetUndo();
        lastDeleted = undo;
        undoMessage.set(message);
        apply(catalog);
    }

    /** Puts back what the last deletion removed, exactly as it was. */
    public void undo() {
        Undo deleted = lastDeleted;
        if (deleted == null) {
            return;
        }
        lastDeleted = null;
        undoMessage.set("");
        run(() -> {
            deleted.restore(hostService);
            show(hostService.catalog());
        });
    }

    /** The undo offer has expired: the saved passwords held for it are wiped. */
    public void dismissUndo() {
        forgetUndo();
        undoMessage.set("");
    }

    private void forgetUndo() {
        Undo deleted = lastDeleted;
        lastDeleted = null;
        if (deleted != null) {
            background.execute(deleted::forget);
        }
    }

    private void show(HostService.Catalog catalog) {
        HostTree built = new HostTree(catalog);
        ui.execute(() -> apply(built));
    }

    private void apply(HostService.Catalog catalog) {
        apply(new HostTree(catalog));
    }

    private void apply(HostTree built) {
        tree = built;
        hosts.setAll(built.hosts());
        List<String> inUse = built.tags();
        tags.setAll(inUse);
        tagFilter.removeIf(tag -> inUse.stream().noneMatch(tag::equalsIgnoreCase));
        problem.set("");
        loadShown = false;
        refresh();
    }

    /** Asks for the rows of the current search, tags, order and collapsed groups (on the search thread). */
    private void refresh() {
        int asked = ++searchesAsked;
        HostTree searched = tree;
        String text = query.get();
        Set<String> filter = Set.copyOf(tagFilter);
        Sort order = sort.get();
        Set<UUID> closed = Set.copyOf(collapsed);
        searches.submit(() -> {
            HostTree.Result result = searched.search(text, filter, order, closed, lastSearch);
            lastSearch = result;
            ui.execute(() -> showSearch(asked, result));
        });
    }

    private void showSearch(int asked, HostTree.Result result) {
        if (asked != searchesAsked) {
            return; // a newer keystroke's search is on its way: never show an older one's rows
        }
        searchShown = asked;
        List<Host> kept = result.hosts();
        List<Row> next = result.rows();
        // typing a longer word often keeps the same hosts: then the list is left alone (no re-layout)
        if (!kept.equals(visible)) {
            visible.setAll(kept);
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        revision.set(revision.get() + 1);
        if (!loadShown) {
            loadShown = true;
            loaded.set(true);
        }
        List<Runnable> waiting = List.copyOf(afterSearch);
        afterSearch.clear();
        waiting.forEach(Runnable::run);
    }

    /**
     * Runs the latest task submitted, one at a time, on an executor: a task submitted while another runs
     * waits, replacing any task that was waiting (a stale search is never started).
     */
    private static final class LatestFirst {
        private final Executor executor;
        private Runnable waiting;
        private boolean draining;

        LatestFirst(Executor executor) {
            this.executor = executor;
        }

        void submit(Runnable task) {
            synchronized (this) {
                waiting = task;
                if (draining) {
                    return;
                }
                draining = true;
            }
            try {
                executor.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                synchronized (this) {
                    draining = false; // Keyport is closing
                }
            }
        }

        private void drain() {
            while (true) {
                Runnable next;
                synchronized (this) {
                    next = waiting;
                    waiting = null;
                    if (next == null) {
                        draining = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // a bug: say so in the log, and keep searching for the next keystroke
                    org.slf4j.LoggerFactory.getLogger(HostListViewModel.class).error("A host search failed", e);
                }
            }
        }
    }

    private void run(VaultWork work) {
        VaultWork.inBackground(background, ui, work, problem::set);
    }
}
