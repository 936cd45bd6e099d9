package dev.keyport.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.HostService;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The host list without a window (direct executors): saving, searching, deleting, and a locked vault. */
class HostListViewModelTest {

    @TempDir
    Path dir;
    private Vault vault;
    private HostListViewModel model;
    private final ObservableSet<UUID> tabsOn = FXCollections.observableSet();

    @BeforeEach
    void setUp() throws Exception {
        vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR);
        model = new HostListViewModel(new HostService(vault), Runnable::run, Runnable::run, FXCollections.observableSet(), tabsOn);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    @Test
    void aHostWithASavedPasswordIsStoredAndThePasswordArrayIsWiped() throws Exception {
        Host host = Host.create("db", "db.example", 22, "deploy", new HostAuth.SavedPassword());
        char[] password = "typed in the dialog".toCharArray();
        model.add(host, password);
        assertThat(model.visibleHosts()).containsExactly(host);
        assertThat(password).containsOnly('\0');
        assertThat(new String(vault.hosts().password(host.id()).orElseThrow())).isEqualTo("typed in the dialog");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void searchKeepsHostsMatchingEveryWordInNameUserOrAddress() throws Exception {
        vault.hosts().save(Host.create("web prod", "web1.example", 22, "deploy", new HostAuth.Password()));
        vault.hosts().save(Host.create("db prod", "db1.example", 22, "postgres", new HostAuth.Password()));
        vault.hosts().save(Host.create("web staging", "web2.example", 2222, "deploy", new HostAuth.Password()));
        model.reload();
        assertThat(model.visibleHosts()).hasSize(3);

        model.queryProperty().set("WEB prod");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("web prod");
        model.queryProperty().set("postgres@db1");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("db prod");
        model.queryProperty().set(":2222");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("web staging");
        model.queryProperty().set("");
        assertThat(model.visibleHosts()).hasSize(3);
    }

    /** Runs what both queues hold (and what that queues) until neither holds anything. */
    private static void runAll(java.util.Queue<Runnable> background, java.util.Queue<Runnable> ui) {
        while (!background.isEmpty() || !ui.isEmpty()) {
            Runnable next = background.isEmpty() ? ui.poll() : background.poll();
            next.run();
        }
    }

    private HostListViewModel queuedModel(java.util.Queue<Runnable> background, java.util.Queue<Runnable> ui) throws Exception {
        vault.hosts().save(Host.create("web prod", "web1.example", 22, "deploy", new HostAuth.Password()));
        vault.hosts().save(Host.create("db prod", "db1.example", 22, "postgres", new HostAuth.Password()));
        vault.hosts().save(Host.create("web staging", "web2.example", 2222, "deploy", new HostAuth.Password()));
        HostListViewModel queued = new HostListViewModel(new HostService(vault), background::add, ui::add);
        queued.reload();
        runAll(background, ui);
        assertThat(queued.loadedProperty().get()).isTrue();
        assertThat(queued.visibleHosts()).hasSize(3);
        return queued;
    }

    @Test
    void anOlderSearchWhoseRowsArriveAfterANewerOnesNeverReplacesThem() throws Exception {
        java.util.Queue<Runnable> background = new java.util.ArrayDeque<>();
        java.util.Queue<Runnable> ui = new java.util.ArrayDeque<>();
        HostListViewModel queued = queuedModel(background, ui);

        queued.queryProperty().set("web");
        background.poll().run(); // the search for "web" ran; its rows wait for the UI thread
        queued.queryProperty().set("db");
        background.poll().run(); // the search for "db" ran too
        assertThat(background).isEmpty();
        Runnable webRows = ui.poll();
        Runnable dbRows = ui.poll();
        assertThat(queued.visibleHosts()).as("nothing shown before the UI thread applies it").hasSize(3);

        dbRows.run();
        assertThat(queued.visibleHosts()).extracting(Host::name).containsExactly("db prod");
        int revision = queued.revisionProperty().get();
        webRows.run(); // the older search's rows arrive last
        assertThat(queued.visibleHosts()).extracting(Host::name).containsExactly("db prod");
        assertThat(queued.rows()).extracting(row -> ((dev.keyport.app.ui.hosts.HostTree.HostRow) row).host().name())
                .containsExactly("db prod");
        assertThat(queued.revisionProperty().get()).isEqualTo(revision);
    }

    @Test
    void anOlderSearchWhoseRowsArriveFirstIsNotShownEitherAndTheNewestIs() throws Exception {
        java.util.Queue<Runnable> background = new java.util.ArrayDeque<>();
        java.util.Queue<Runnable> ui = new java.util.ArrayDeque<>();
        HostListViewModel queued = queuedModel(background, ui);

        queued.queryProperty().set("web");
        background.poll().run();
        queued.queryProperty().set("web staging");
        background.poll().run();
        ui.poll().run(); // "web": stale, a newer keystroke came since
        assertThat(queued.visibleHosts()).hasSize(3);
        ui.poll().run();
        assertThat(queued.visibleHosts()).extracting(Host::name).containsExactly("web staging");
    }

    @Test
    void keystrokesTypedWhileASearchWaitsRunOnlyTheLatestSearch() throws Exception {
        java.util.Queue<Runnable> background = new java.util.ArrayDeque<>();
        java.util.Queue<Runnable> ui = new java.util.ArrayDeque<>();
        HostListViewModel queued = queuedModel(background, ui);
        int revision = queued.revisionProperty().get();

        queued.queryProperty().set("d");
        queued.queryProperty().set("db");
        queued.queryProperty().set("db p");
        assertThat(background).as("one search waits, the latest").hasSize(1);
        runAll(background, ui);
        assertThat(queued.visibleHosts()).extracting(Host::name).containsExactly("db prod");
        assertThat(queued.revisionProperty().get()).as("one set of rows shown").isEqualTo(revision + 1);
    }

    @Test
    void anActionAfterTheSearchSeesTheRowsOfWhatWasTyped() throws Exception {
        java.util.Queue<Runnable> background = new java.util.ArrayDeque<>();
        java.util.Queue<Runnable> ui = new java.util.ArrayDeque<>();
        HostListViewModel queued = queuedModel(background, ui);
        List<String> seen = new java.util.ArrayList<>();

        queued.afterSearch(() -> seen.add("now: " + queued.visibleHosts().size()));
        assertThat(seen).as("no search running: at once").containsExactly("now: 3");
        queued.queryProperty().set("postgres");
        queued.afterSearch(() -> seen.add("after: " + queued.visibleHosts().get(0).name()));
        assertThat(seen).hasSize(1);
        runAll(background, ui);
        assertThat(seen).containsExactly("now: 3", "after: db prod");
    }

    @Test
    void deletingAHostRemovesItFromTheListAndTheVault() throws Exception {
        Host host = Host.create("old", "old.example", 22, "root", new HostAuth.Password());
        model.add(host, null);
        model.delete(host);
        assertThat(model.visibleHosts()).isEmpty();
        assertThat(vault.hosts().list()).isEmpty();
    }

    @Test
    void aLockedVaultShowsAReadableProblem() {
        vault.lock();
        model.reload();
        assertThat(model.problemProperty().get()).contains("The vault is locked");
    }

    @Test
    void anEmptyListSaysWhetherThereAreNoHostsOrTheSearchMatchesNone() throws Exception {
        assertThat(model.placeholderProperty().get()).startsWith("No hosts yet.");
        vault.hosts().save(Host.create("web", "web.example", 22, "deploy", new HostAuth.Password()));
        vault.hosts().save(Host.create("db", "db.example", 22, "deploy", new HostAuth.Password()));
        model.reload();
        model.queryProperty().set("mail");
        assertThat(model.visibleHosts()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No host matches \u201cmail\u201d.\nClear the search to see all 2 hosts.");
    }

    private Host save(String name, String address, String user, HostGroup group, String... tags) throws Exception {
        HostDetails details = HostDetails.NONE.withTags(List.of(tags)).withGroup(group == null ? null : group.id());
        Host host = Host.create(name, address, 22, user, new HostAuth.Password()).withDetails(details);
        vault.hosts().save(host);
        return host;
    }

    /** The rows as the list shows them: "> group (n)" for a group (v when open), indented names for hosts. */
    private List<String> shown() {
        return model.rows().stream().map(row -> "  ".repeat(row.depth()) + (row instanceof HostTree.GroupRow g
                ? (g.expanded() ? "v " : "> ") + g.group().name() + " (" + g.count() + ")"
                : ((HostTree.HostRow) row).host().name())).toList();
    }

    @Test
    void groupsAreSectionsWithCountsNestedGroupsInsideTheirParentAndCollapsible() throws Exception {
        HostGroup prod = HostGroup.create("prod", null);
        HostGroup web = HostGroup.create("web", prod.id());
        vault.groups().save(prod);
        vault.groups().save(web);
        save("web2", "10.0.0.2", "deploy", web);
        save("web1", "10.0.0.1", "deploy", web);
        save("db", "10.0.0.9", "postgres", prod);
        save("laptop", "192.168.1.5", "me", null);
        model.reload();
        assertThat(shown()).containsExactly("v prod (3)", "  v web (2)", "    web1", "    web2", "  db", "laptop");

        model.toggle(web.id());
        assertThat(shown()).containsExactly("v prod (3)", "  > web (2)", "  db", "laptop");
        model.toggle(prod.id());
        assertThat(shown()).containsExactly("> prod (3)", "laptop");
        model.toggle(prod.id());
        model.toggle(web.id());
        assertThat(shown()).hasSize(6);
    }

    @Test
    void searchCoversGroupAndTagsAndOpensTheGroupsItKeeps() throws Exception {
        HostGroup prod = HostGroup.create("prod", null);
        HostGroup staging = HostGroup.create("staging", null);
        vault.groups().save(prod);
        vault.groups().save(staging);
        save("web1", "10.0.0.1", "deploy", prod, "nginx");
        save("web2", "10.1.0.1", "deploy", staging, "nginx", "canary");
        save("db", "10.0.0.9", "postgres", prod);
        model.reload();
        model.toggle(prod.id());

        model.queryProperty().set("prod");
        assertThat(shown()).containsExactly("v prod (2)", "  db", "  web1");
        model.queryProperty().set("#canary");
        assertThat(shown()).containsExactly("v staging (1)", "  web2");
        model.queryProperty().set("nginx prod");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("web1");
        model.queryProperty().set("");
        assertThat(shown()).containsExactly("> prod (2)", "v staging (1)", "  web2");
    }

    @Test
    void tagsAreListedAndFilteringByTagsKeepsHostsCarryingAllOfThem() throws Exception {
        save("web1", "10.0.0.1", "deploy", null, "nginx", "prod");
        save("web2", "10.0.0.2", "deploy", null, "nginx");
        save("db", "10.0.0.3", "deploy", null, "prod");
        model.reload();
        assertThat(model.tags()).containsExactly("nginx", "prod");
        model.tagFilter().add("prod");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("db", "web1");
        model.tagFilter().add("nginx");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("web1");
        model.queryProperty().set("web2");
        assertThat(model.visibleHosts()).isEmpty();
        assertThat(model.placeholderProperty().get())
                .isEqualTo("No host matches \u201cweb2\u201d with the tags nginx, prod.\nClear the filter to see all 3 hosts.");
    }

    @Test
    void sortsByNameByAddressAndByRecentUse() throws Exception {
        Host b = save("bravo", "10.0.0.1", "deploy", null);
        Host a = save("alpha", "10.0.0.3", "deploy", null);
        Host c = save("charlie", "10.0.0.2", "deploy", null);
        model.reload();
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("alpha", "bravo", "charlie");
        model.sortProperty().set(HostTree.Sort.ADDRESS);
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("bravo", "charlie", "alpha");

        tabsOn.add(c.id());
        tabsOn.add(a.id());
        model.reload();
        model.sortProperty().set(HostTree.Sort.RECENT);
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("alpha", "charlie", "bravo");
        assertThat(b).isNotNull();
    }

    @Test
    void deletingSeveralHostsCanBeUndoneAndTheyComeBackAsTheyWere() throws Exception {
        HostGroup prod = HostGroup.create("prod", null);
        vault.groups().save(prod);
        Host web = save("web", "10.0.0.1", "deploy", prod, "nginx");
        Host db = save("db", "10.0.0.2", "deploy", prod);
        save("keep", "10.0.0.3", "deploy", null);
        model.reload();

        model.delete(List.of(web, db));
        assertThat(model.undoMessageProperty().get()).isEqualTo("Deleted 2 hosts");
        assertThat(shown()).containsExactly("v prod (0)", "keep");
        assertThat(vault.hosts().list()).extracting(Host::name).containsExactly("keep");

        model.undo();
        assertThat(model.undoMessageProperty().get()).isEmpty();
        assertThat(shown()).containsExactly("v prod (2)", "  db", "  web", "keep");
        assertThat(vault.hosts().find(web.id())).contains(web);
    }

    @Test
    void anExpiredUndoLeavesTheHostsDeleted() throws Exception {
        Host web = save("web", "10.0.0.1", "deploy", null);
        model.reload();
        model.delete(web);
        assertThat(model.undoMessageProperty().get()).isEqualTo("Deleted web");
        model.dismissUndo();
        model.undo();
        assertThat(model.visibleHosts()).isEmpty();
        assertThat(vault.hosts().list()).isEmpty();
    }

    @Test
    void duplicateAndMoveToANewGroup() throws Exception {
        Host web = save("web", "10.0.0.1", "deploy", null);
        model.reload();
        model.duplicate(web);
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("web", "web (copy)");
        model.moveToNewGroup(List.copyOf(model.visibleHosts()), "frontend", null);
        assertThat(shown()).containsExactly("v frontend (2)", "  web", "  web (copy)");
    }

    @Test
    void aGroupIsCreatedRenamedAndMovedIntoAnotherOrToTheTop() throws Exception {
        model.reload();
        model.createGroup("prod", null);
        UUID prod = vault.groups().list().get(0).id();
        model.createGroup("web", prod);
        save("web1", "10.0.0.1", "deploy", vault.groups().list().stream().filter(g -> g.name().equals("web")).findFirst().orElseThrow());
        model.reload();
        assertThat(shown()).containsExactly("v prod (1)", "  v web (1)", "    web1");

        UUID web = vault.groups().list().stream().filter(g -> g.name().equals("web")).findFirst().orElseThrow().id();
        model.renameGroup(web, "frontend");
        assertThat(shown()).containsExactly("v prod (1)", "  v frontend (1)", "    web1");
        model.moveGroup(web, null);
        assertThat(shown()).containsExactly("v frontend (1)", "  web1", "v prod (0)");
        model.moveGroup(prod, web);
        assertThat(shown()).containsExactly("v frontend (1)", "  v prod (0)", "  web1");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void aGroupCannotGoInsideItselfOrItsOwnSubgroupAndTheProblemSaysWhy() throws Exception {
        HostGroup prod = HostGroup.create("prod", null);
        HostGroup web = HostGroup.create("web", prod.id());
        HostGroup edge = HostGroup.create("edge", web.id());
        vault.groups().save(prod);
        vault.groups().save(web);
        vault.groups().save(edge);
        model.reload();

        model.moveGroup(prod.id(), edge.id());
        assertThat(model.problemProperty().get())
                .isEqualTo("Group prod cannot be moved into edge: edge is inside prod. Move edge out first, or pick another group.");
        model.moveGroup(web.id(), web.id());
        assertThat(model.problemProperty().get()).isEqualTo("Group web cannot be moved into itself.");
        assertThat(shown()).containsExactly("v prod (0)", "  v web (0)", "    v edge (0)");
        assertThat(vault.groups().list()).contains(prod, web, edge);
    }

    @Test
    void deletingAGroupMovesItsHostsAndGroupsToItsParentAndCanBeUndone() throws Exception {
        HostGroup prod = HostGroup.create("prod", null);
        HostGroup web = HostGroup.create("web", prod.id());
        HostGroup edge = HostGroup.create("edge", web.id());
        vault.groups().save(prod);
        vault.groups().save(web);
        vault.groups().save(edge);
        Host web1 = save("web1", "10.0.0.1", "deploy", web);
        save("web2", "10.0.0.2", "deploy", web);
        save("cdn", "10.0.0.3", "deploy", edge);
        save("db", "10.0.0.9", "postgres", prod);
        model.reload();

        HostListViewModel.GroupContents contents = model.contents(web.id());
        assertThat(contents.hosts()).isEqualTo(2);
        assertThat(contents.groups()).isEqualTo(1);
        assertThat(contents.destination()).isEqualTo("prod");
        assertThat(HostListView.describe(contents))
                .isEqualTo("It holds 2 hosts and 1 group. They move to \u201cprod\u201d; no host is deleted.\nYou can undo this for a few seconds.");

        model.deleteGroup(web.id());
        assertThat(model.undoMessageProperty().get()).isEqualTo("Deleted group web");
        assertThat(shown()).containsExactly("v prod (4)", "  v edge (1)", "    cdn", "  db", "  web1", "  web2");
        assertThat(vault.hosts().list()).hasSize(4);
        assertThat(vault.hosts().find(web1.id()).orElseThrow().details().groupId()).contains(prod.id());

        model.undo();
        assertThat(model.undoMessageProperty().get()).isEmpty();
        assertThat(shown()).containsExactly("v prod (4)", "  v web (3)", "    v edge (1)", "      cdn", "    web1", "    web2", "  db");
        assertThat(vault.groups().list()).contains(web);
    }

    @Test
    void deletingATopLevelGroupSendsItsHostsToTheTopLevel() throws Exception {
        HostGroup lab = HostGroup.create("lab", null);
        vault.groups().save(lab);
        save("pi", "10.0.0.7", "pi", lab);
        model.reload();
        assertThat(HostListView.describe(model.contents(lab.id())))
                .isEqualTo("It holds 1 host. It moves to the top level; no host is deleted.\nYou can undo this for a few seconds.");
        model.deleteGroup(lab.id());
        assertThat(shown()).containsExactly("pi");
        model.dismissUndo();
        assertThat(model.undoMessageProperty().get()).isEmpty();
        assertThat(vault.groups().list()).isEmpty();
    }

    @Test
    void typingOnNarrowsTheSearchAndDeletingWidensItAgainWithTheCountsRight() throws Exception {
        HostGroup prod = HostGroup.create("prod", null);
        vault.groups().save(prod);
        save("web1", "10.0.0.1", "deploy", prod);
        save("web2", "10.0.0.2", "deploy", prod);
        save("db", "10.0.0.9", "postgres", null);
        model.reload();
        for (String typed : new String[] {"w", "we", "web"}) {
            model.queryProperty().set(typed);
            assertThat(shown()).as(typed).containsExactly("v prod (2)", "  web1", "  web2");
        }
        model.queryProperty().set("web1");
        assertThat(shown()).containsExactly("v prod (1)", "  web1");
        model.queryProperty().set("web1 10.0.0.2");
        assertThat(shown()).isEmpty();
        model.queryProperty().set("web");
        assertThat(shown()).containsExactly("v prod (2)", "  web1", "  web2");
        model.toggle(prod.id());
        model.queryProperty().set("");
        assertThat(shown()).containsExactly("> prod (2)", "db");
        model.queryProperty().set("d");
        assertThat(shown()).as("a search opens the groups it keeps").containsExactly("v prod (2)", "  web1", "  web2", "db");
        model.queryProperty().set("db");
        assertThat(shown()).containsExactly("db");
    }
}
