package dev.keyport.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.services.DaemonThreads;
import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.FxThreadWatchdog;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The host list as a person uses it: groups, tags, search, multi-select, delete with undo, drag to group, long names, badges. */
@ExtendWith(ApplicationExtension.class)
class HostListViewTest {

    private final Vault vault;
    private ExecutorService background;
    private HostListViewModel model;
    private HostListView view;
    private FxThreadWatchdog watchdog;
    private final ObservableSet<UUID> tunnelsOn = FXCollections.observableSet();
    private final ObservableSet<UUID> tabsOn = FXCollections.observableSet();
    private final List<Host> opened = new CopyOnWriteArrayList<>();
    private final HostGroup prod;
    private final HostGroup web;
    private final Host web1;
    private final Host web2;
    private final Host db;
    private final Host laptop;

    /** The vault is made and filled here, on the test thread, before the window starts. */
    HostListViewTest(@TempDir Path dir) throws Exception {
        vault = Vault.create(dir.resolve("vault"), "pw".toCharArray(), KdfParameters.FLOOR);
        prod = HostGroup.create("prod", null);
        web = HostGroup.create("web", prod.id());
        vault.groups().save(prod);
        vault.groups().save(web);
        web1 = host("web1", web, "nginx");
        web2 = host("web2", web, "nginx", "canary");
        db = host("db", prod, "postgres");
        laptop = host("laptop", null);
    }

    @Start
    void start(Stage stage) throws Exception {
        background = Executors.newCachedThreadPool(DaemonThreads.named("host-list-test"));
        model = new HostListViewModel(new HostService(vault), background, Platform::runLater, tunnelsOn, tabsOn);
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        view = new HostListView(model, opened::add);
        dev.keyport.app.ui.KeyportHarness.freshStage(stage);
        stage.setScene(new Scene(view, 420, 640));
        stage.sizeToScene();
        stage.show();
        watchdog = FxThreadWatchdog.start();
        model.reload();
    }

    private Host host(String name, HostGroup group, String... tags) throws Exception {
        Host host = Host.create(name, name + ".example", 22, "deploy", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withGroup(group == null ? null : group.id()).withTags(List.of(tags)));
        vault.hosts().save(host);
        return host;
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        vault.close();
        watchdog.assertNothingBlocked();
    }

    private ListView<?> list(FxRobot robot) {
        return robot.lookup("#host-list").queryAs(ListView.class);
    }

    /** Waits until the list holds {@code count} rows and has drawn a cell for each (the search runs in the background). */
    private void awaitRows(FxRobot robot, int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list(robot).getItems().size() == count
                && robot.from(list(robot)).lookup(".list-cell").queryAll().stream()
                        .filter(cell -> cell.isVisible() && !((javafx.scene.control.ListCell<?>) cell).isEmpty()).count() == count);
    }

    private Node hostCell(FxRobot robot, String name) {
        return robot.lookup(".host-name").match(n -> ((Label) n).getText().equals(name)).query();
    }

    @Test
    void groupsAreCollapsibleSectionsWithTheirCounts(FxRobot robot) throws Exception {
        awaitRows(robot, 6); // prod, web (inside prod), web1, web2, db, laptop
        assertThat(robot.lookup("#group-prod .host-count").queryAs(Label.class).getText()).isEqualTo("3");
        assertThat(robot.lookup("#group-web .host-count").queryAs(Label.class).getText()).isEqualTo("2");
        robot.clickOn("#group-web");
        awaitRows(robot, 4);
        assertThat(robot.lookup(".host-name").queryAllAs(Label.class)).extracting(Label::getText).doesNotContain("web1", "web2");
        robot.clickOn("#group-prod");
        awaitRows(robot, 2);
        robot.clickOn("#group-prod");
        awaitRows(robot, 4);
        assertThat(robot.lookup("#host-total").queryAs(Label.class).getText()).isEqualTo("4");
    }

    @Test
    void tagsShowAsChipsAndFilterTheList(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        assertThat(robot.lookup(".host-row .tag-chip").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("nginx", "canary", "postgres");
        robot.clickOn("#tag-filter-canary");
        awaitRows(robot, 3);
        assertThat(model.visibleHosts()).containsExactly(web2);
        robot.clickOn("#tag-filter-canary");
        awaitRows(robot, 6);
    }

    @Test
    void searchCoversGroupsAndSaysWhenNothingMatches(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        robot.clickOn("#host-search").write("web postgres");
        awaitRows(robot, 0);
        Label placeholder = robot.lookup("#host-list-placeholder").queryAs(Label.class);
        assertThat(placeholder.isVisible()).isTrue();
        assertThat(placeholder.getText()).isEqualTo("No host matches \u201cweb postgres\u201d.\nClear the search to see all 4 hosts.");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.write("prod / web");
        awaitRows(robot, 4);
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        assertThat(opened).isEmpty(); // two hosts match: Enter only moves to the list
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.size() == 1);
        assertThat(opened).containsExactly(web1);
    }

    @Test
    void deletingSeveralSelectedHostsAsksNamingWhatGoesWithThemAndCanBeUndone(FxRobot robot) throws Exception {
        char[] password = "s3cret".toCharArray();
        Host bastion = Host.create("bastion", "bastion.example", 22, "jump", new HostAuth.SavedPassword());
        new HostService(vault).save(bastion, password);
        Host behind = Host.create("inner", "inner.example", 22, "deploy", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withJumpChain(List.of(bastion.id())));
        vault.hosts().save(behind);
        ForwardProfile tunnel = new ForwardProfile(UUID.randomUUID(), "grafana", bastion.id(), false,
                List.of(new ForwardProfile.Forward(ForwardProfile.Kind.LOCAL, "127.0.0.1", 3000, "localhost", 3000)));
        vault.forwardProfiles().save(tunnel);
        KeyportHarness.fx(model::reload);
        awaitRows(robot, 8);

        robot.clickOn(hostCell(robot, "bastion"));
        robot.press(KeyCode.CONTROL).clickOn(hostCell(robot, "laptop")).release(KeyCode.CONTROL);
        assertThat(view.selectedHosts()).containsExactly(bastion, laptop);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        Node confirm = KeyportHarness.awaitShowing(robot, "#confirm-delete-button");
        String details = robot.lookup("#delete-host-details").queryAs(Label.class).getText();
        assertThat(details).startsWith("bastion, laptop.").contains("The tunnel \u201cgrafana\u201d is deleted too.")
                .contains("\u201cinner\u201d jumps through them and will connect without that hop.");
        assertThat(confirm.getScene().getRoot().lookup(".header-panel .label")).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).isEqualTo("Delete 2 hosts?"));
        robot.clickOn(confirm);

        awaitRows(robot, 6);
        Label undoMessage = (Label) KeyportHarness.awaitShowing(robot, "#host-undo-message");
        assertThat(undoMessage.getText()).isEqualTo("Deleted 2 hosts");
        assertThat(vault.hosts().find(bastion.id())).isEmpty();
        assertThat(vault.forwardProfiles().list()).isEmpty();

        robot.clickOn("#host-undo");
        awaitRows(robot, 8);
        assertThat(robot.lookup("#host-undo-bar").query().isVisible()).isFalse();
        assertThat(vault.hosts().find(bastion.id())).contains(bastion);
        assertThat(vault.hosts().find(laptop.id())).contains(laptop);
        assertThat(new String(vault.hosts().password(bastion.id()).orElseThrow())).isEqualTo("s3cret");
        assertThat(vault.forwardProfiles().list()).containsExactly(tunnel);
        assertThat(vault.hosts().find(behind.id()).orElseThrow().details().jumpChain()).containsExactly(bastion.id());
    }

    @Test
    void cancellingTheConfirmationDeletesNothing(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        rightClick(robot, "db");
        robot.clickOn("Delete\u2026");
        KeyportHarness.awaitShowing(robot, "#confirm-delete-button");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vault.hosts().list()).hasSize(4);
        assertThat(robot.lookup("#host-undo-bar").query().isVisible()).isFalse();
    }

    @Test
    void draggingSelectedHostsOntoAGroupMovesThem(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        robot.clickOn(hostCell(robot, "laptop"));
        robot.press(KeyCode.CONTROL).clickOn(hostCell(robot, "db")).release(KeyCode.CONTROL);
        robot.drag(hostCell(robot, "laptop")).dropTo("#group-web");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#group-web .host-count").queryAs(Label.class).getText().equals("4"));
        assertThat(vault.hosts().find(laptop.id()).orElseThrow().details().groupId()).contains(web.id());
        assertThat(vault.hosts().find(db.id()).orElseThrow().details().groupId()).contains(web.id());
    }

    @Test
    void duplicateFromTheContextMenu(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        rightClick(robot, "laptop");
        robot.clickOn("Duplicate");
        awaitRows(robot, 7);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".host-name").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("laptop (copy)") && l.isVisible()));
        assertThat(vault.hosts().list()).hasSize(5);
    }

    @Test
    void aLongNameIsElidedAtACharacterWithTheFullNameInATooltip(FxRobot robot) throws Exception {
        String name = "a-very-long-host-name-for-the-reporting-database-in-the-frankfurt-region-replica-number-seven";
        host(name, null);
        KeyportHarness.fx(model::reload);
        awaitRows(robot, 7);
        Label label = (Label) hostCell(robot, name);
        Text shown = (Text) label.lookup(".text");
        // the label elides its text in a layout pass after the row appears: wait for that pass
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.getText().endsWith("\u2026"));
        } catch (java.util.concurrent.TimeoutException e) {
            // the assertion below says what is shown
        }
        assertThat(shown.getText()).endsWith("\u2026").isNotEqualTo(name);
        assertThat(name).startsWith(shown.getText().substring(0, shown.getText().length() - 1));
        ListCell<?> cell = (ListCell<?>) ancestor(label, ListCell.class);
        assertThat(label.localToScene(label.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(cell.localToScene(cell.getBoundsInLocal()).getMaxX());
        assertThat(cell.getTooltip().getText()).startsWith(name + "\n");
    }

    /** At the width the list gets beside the terminals in a default window, the header is never cut ("Ho…", "New h…"). */
    @Test
    void theHeaderIsShownWholeAtTheListsDefaultWidth(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        robot.interact(() -> view.getScene().getWindow().setWidth(285));
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup(".label").match((Label l) -> "Hosts".equals(l.getText())).queryAs(Label.class);
        assertThat(((Text) title.lookup(".text")).getText()).isEqualTo("Hosts");
        javafx.scene.control.Button add = robot.lookup("#add-host-button").queryButton();
        // whole, or (this narrow) its icon alone with the tooltip; never "New h…"
        assertThat(add.getContentDisplay()).isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        assertThat(add.getTooltip().getText()).startsWith("Add a server");
        assertThat(add.localToScene(add.getBoundsInLocal()).getMaxX()).isLessThanOrEqualTo(view.getScene().getWidth() + 0.5);

        robot.interact(() -> view.getScene().getWindow().setWidth(420));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(add.getContentDisplay()).isEqualTo(javafx.scene.control.ContentDisplay.LEFT);
        assertThat(((Text) add.lookup(".text")).getText()).isEqualTo("New host");
        assertThat(((Text) title.lookup(".text")).getText()).isEqualTo("Hosts");
    }

    @Test
    void aHostShowsWhetherATabOrATunnelIsOpenOnIt(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        assertThat(robot.lookup(".tab-open").tryQuery()).isEmpty();
        KeyportHarness.fx(() -> {
            tabsOn.add(db.id());
            tunnelsOn.add(laptop.id());
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".tab-open").tryQuery().isPresent());
        assertThat(ancestor(robot.lookup(".tab-open").query(), ListCell.class).lookup(".host-name")).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).isEqualTo("db"));
        assertThat(ancestor(robot.lookup(".tunnel-on").query(), ListCell.class).lookup(".host-name")).isInstanceOfSatisfying(Label.class,
                l -> assertThat(l.getText()).isEqualTo("laptop"));
    }

    @Test
    void sortByAddress(FxRobot robot) throws Exception {
        host("zulu", null);
        vault.hosts().save(Host.create("alpha", "zz.example", 22, "deploy", new HostAuth.Password()));
        KeyportHarness.fx(model::reload);
        awaitRows(robot, 8);
        KeyportHarness.fx(() -> model.sortProperty().set(HostTree.Sort.ADDRESS));
        List<String> names = list(robot).getItems().stream().filter(HostTree.HostRow.class::isInstance)
                .map(r -> ((HostTree.HostRow) r).host().name()).toList();
        assertThat(names.indexOf("zulu")).isLessThan(names.indexOf("alpha"));
    }

    @Test
    void deletingAGroupFromItsMenuSaysWhereItsHostsGoAndCanBeUndone(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        rightClickNode(robot, () -> robot.lookup("#group-web").query());
        robot.clickOn("Delete group\u2026");
        Node confirm = KeyportHarness.awaitShowing(robot, "#confirm-delete-group-button");
        assertThat(robot.lookup("#delete-group-details").queryAs(Label.class).getText())
                .isEqualTo("It holds 2 hosts. They move to \u201cprod\u201d; no host is deleted.\nYou can undo this for a few seconds.");
        robot.clickOn(confirm);

        awaitRows(robot, 5); // prod, web1, web2, db, laptop
        assertThat(robot.lookup("#group-web").tryQuery()).isEmpty();
        assertThat(robot.lookup("#group-prod .host-count").queryAs(Label.class).getText()).isEqualTo("3");
        assertThat(((Label) KeyportHarness.awaitShowing(robot, "#host-undo-message")).getText()).isEqualTo("Deleted group web");
        assertThat(vault.hosts().find(web1.id()).orElseThrow().details().groupId()).contains(prod.id());

        robot.clickOn("#host-undo");
        awaitRows(robot, 6);
        assertThat(robot.lookup("#group-web .host-count").queryAs(Label.class).getText()).isEqualTo("2");
        assertThat(vault.hosts().find(web1.id()).orElseThrow().details().groupId()).contains(web.id());
    }

    @Test
    void aGroupIsCreatedAndRenamedFromTheList(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        robot.clickOn("#add-group-button");
        robot.clickOn(KeyportHarness.awaitShowing(robot, "#group-name")).write("staging").type(KeyCode.ENTER);
        awaitRows(robot, 7);
        assertThat(robot.lookup("#group-staging .host-count").queryAs(Label.class).getText()).isEqualTo("0");

        rightClickNode(robot, () -> robot.lookup("#group-staging").query());
        robot.clickOn("Rename\u2026");
        robot.clickOn(KeyportHarness.awaitShowing(robot, "#group-name")).eraseText(7).write("qa").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#group-qa").tryQuery().isPresent());
        assertThat(vault.groups().list()).extracting(HostGroup::name).containsExactlyInAnyOrder("prod", "web", "qa");
    }

    @Test
    void draggingAGroupIntoItsOwnSubgroupIsRefusedAndToTheTopLevelMovesIt(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        robot.drag("#group-prod").dropTo("#group-web");
        Label problem = (Label) KeyportHarness.awaitShowing(robot, "#host-list-problem");
        assertThat(problem.getText()).isEqualTo("Group prod cannot be moved into web: web is inside prod. Move web out first, or pick another group.");
        assertThat(vault.groups().list()).contains(prod, web);

        // below the last row: the top level
        ListView<?> list = list(robot);
        robot.drag("#group-web").dropTo(robot.point(list).atPosition(javafx.geometry.Pos.BOTTOM_CENTER)
                .atOffset(new javafx.geometry.Point2D(0, -30)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vault.groups().list().stream()
                .anyMatch(g -> g.id().equals(web.id()) && g.parentId().isEmpty()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#group-prod .host-count").queryAs(Label.class).getText().equals("1"));
        assertThat(robot.lookup("#group-web .host-count").queryAs(Label.class).getText()).isEqualTo("2");

        robot.drag("#group-prod").dropTo("#group-web");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vault.groups().list().stream()
                .anyMatch(g -> g.id().equals(prod.id()) && g.parentId().equals(java.util.Optional.of(web.id()))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#group-web .host-count").queryAs(Label.class).getText().equals("3"));
    }

    private void rightClickNode(FxRobot robot, java.util.function.Supplier<Node> find) throws Exception {
        robot.rightClickOn(find.get());
        WaitForAsyncUtils.waitForFxEvents();
        Node node = find.get(); // the row was redrawn as it got selected
        KeyportHarness.fx(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            javafx.geometry.Point2D local = node.screenToLocal(b.getCenterX(), b.getCenterY());
            node.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    local.getX(), local.getY(), b.getCenterX(), b.getCenterY(), false, null));
        });
    }

    /**
     * Right-click on a host: the robot presses the secondary button (which selects the row), then the
     * menu request the platform sends on a right-click (headless Monocle sends none) is fired at the cell.
     */
    private void rightClick(FxRobot robot, String name) throws Exception {
        robot.rightClickOn(hostCell(robot, name));
        WaitForAsyncUtils.waitForFxEvents();
        Node node = hostCell(robot, name); // the row was redrawn as it got selected
        KeyportHarness.fx(() -> {
            javafx.geometry.Bounds b = node.localToScreen(node.getBoundsInLocal());
            javafx.geometry.Point2D local = node.screenToLocal(b.getCenterX(), b.getCenterY());
            node.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                    local.getX(), local.getY(), b.getCenterX(), b.getCenterY(), false, null));
        });
    }

    private static Node ancestor(Node node, Class<?> type) {
        Node cursor = node;
        while (cursor != null && !type.isInstance(cursor)) {
            cursor = cursor.getParent();
        }
        return cursor;
    }
}
