package dev.keyport.app.ui.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumn;
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

import atlantafx.base.theme.PrimerLight;

import dev.keyport.app.services.KnownHostsService;
import dev.keyport.app.testing.KnownHostsFixture;
import dev.keyport.app.ui.FxThreadWatchdog;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.terminal.ssh.Fingerprints;

/**
 * The Known hosts view on its own stage, over a real vault and known_hosts file, as the main window
 * will host it: every fingerprint whole, search, and removing a vault key only after confirming.
 */
@ExtendWith(ApplicationExtension.class)
class KnownHostsViewTest {

    @TempDir
    static Path dir;

    private KnownHostsFixture fixture;
    private FxThreadWatchdog watchdog;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private KnownHostsView view;

    @Start
    void start(Stage stage) throws Exception {
        Path data = Files.createTempDirectory(dir, "kh");
        fixture = new KnownHostsFixture(data);
        javafx.application.Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        KnownHostsViewModel model = new KnownHostsViewModel(new KnownHostsService(fixture.vault.hostKeys(), fixture.knownHosts),
                background, Platform::runLater);
        view = new KnownHostsView(model);
        Scene scene = new Scene(view, 1100, 600);
        scene.getStylesheets().add(KnownHostsView.class.getResource("/dev/keyport/app/keyport.css").toExternalForm());
        dev.keyport.app.ui.KeyportHarness.freshStage(stage);
        stage.setScene(scene);
        stage.sizeToScene();
        watchdog = FxThreadWatchdog.start();
        stage.show();
        view.reload();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        fixture.close();
        watchdog.assertNothingBlocked();
    }

    @SuppressWarnings("unchecked")
    private TableView<KnownHostsService.Entry> table(FxRobot robot) {
        return robot.lookup("#known-hosts-table").queryAs(TableView.class);
    }

    private void awaitRows(FxRobot robot, int count) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table(robot).getItems().size() == count);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The fingerprints as the table draws them: the text of each fingerprint label's rendered Text node. */
    private static List<String> renderedFingerprints(FxRobot robot) {
        return robot.lookup(".known-hosts-fingerprint").queryAllAs(Label.class).stream()
                .filter(Node::isVisible)
                .map(label -> robot.from(label).lookup(".text").queryAs(Text.class).getText())
                .collect(Collectors.toList());
    }

    @Test
    void everyTrustedKeyIsListedWithItsWholeFingerprint(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        assertThat(renderedFingerprints(robot)).contains(Fingerprints.sha256(fixture.dbKey), Fingerprints.sha256(fixture.webKey),
                Fingerprints.sha256(fixture.plainKey), Fingerprints.sha256(fixture.gitKey), Fingerprints.sha256(fixture.hashedKey));
        assertThat(renderedFingerprints(robot)).allSatisfy(text -> assertThat(text).startsWith("SHA256:").doesNotContain("…"));
        for (Label label : robot.lookup(".known-hosts-fingerprint").queryAllAs(Label.class)) {
            Node cell = label.getParent();
            Bounds inCell = label.getBoundsInParent();
            assertThat(inCell.getMaxX()).as("fingerprint inside its cell").isLessThanOrEqualTo(((javafx.scene.layout.Region) cell).getWidth() + 0.5);
        }
        assertThat(robot.lookup("(hashed name)").tryQuery()).isPresent();
        assertThat(robot.lookup("#known-hosts-summary").queryAs(Label.class).getText()).startsWith("6 trusted keys: 2 in the Keyport vault");
    }

    /**
     * At the width the page gets in a default-sized window, every column is on screen (no sideways
     * scrolling to find Source and Added), and the fingerprints are still whole.
     */
    @Test
    void everyColumnFitsThePageWithoutScrollingSideways(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<KnownHostsService.Entry> table = table(robot);
        // as the page opens (the rows, and the fingerprints' widths, arrive after the first layout)
        assertThat(table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum())
                .as("the columns' total width as the page opens").isLessThanOrEqualTo(table.getWidth());
        robot.interact(() -> view.getScene().getWindow().setWidth(940));
        WaitForAsyncUtils.waitForFxEvents();
        double columns = table.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(columns).as("the columns' total width").isLessThanOrEqualTo(table.getWidth());
        assertThat(robot.from(table).lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(bar -> bar.getOrientation() == Orientation.HORIZONTAL).noneMatch(Node::isVisible))
                .as("no horizontal scroll bar").isTrue();
        assertThat(robot.from(table).lookup("Added").tryQuery()).isPresent();
        assertThat(renderedFingerprints(robot)).allSatisfy(text -> assertThat(text).startsWith("SHA256:").doesNotContain("…"));
    }

    @Test
    void searchNarrowsTheTableAndAHashedNameIsFoundByItsHost(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        robot.clickOn("#known-hosts-search").write("secret.example");
        awaitRows(robot, 1);
        assertThat(table(robot).getItems().get(0).hashed()).isTrue();
        robot.doubleClickOn("#known-hosts-search").eraseText(20).write("zzz-no-such-host");
        awaitRows(robot, 0);
        assertThat(robot.lookup("No trusted key matches \"zzz-no-such-host\".").tryQuery()).isPresent();
    }

    @Test
    void removingAVaultKeyNeedsAConfirmationAndKnownHostsKeysAreReadOnly(FxRobot robot) throws Exception {
        awaitRows(robot, 6);
        Button remove = robot.lookup("#known-hosts-remove").queryAs(Button.class);
        assertThat(remove.isDisabled()).isTrue();

        robot.clickOn("plain.example");
        assertThat(remove.isDisabled()).as("a known_hosts key cannot be removed here").isTrue();

        robot.clickOn("db.internal");
        assertThat(remove.isDisabled()).isFalse();
        robot.clickOn(remove);
        KeyportHarness.awaitShowing(robot, "#known-hosts-remove-question");
        assertThat(robot.lookup("#known-hosts-remove-question").queryAs(Label.class).getText()).contains(Fingerprints.sha256(fixture.dbKey));
        robot.type(KeyCode.ENTER); // the default is Cancel
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).hasSize(6);

        robot.clickOn(remove);
        KeyportHarness.awaitShowing(robot, "#known-hosts-remove-confirm");
        robot.clickOn("#known-hosts-remove-confirm");
        awaitRows(robot, 5);
        assertThat(table(robot).getItems()).noneMatch(e -> e.host().equals("db.internal"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fixture.vault.hostKeys().find("db.internal", 22).isEmpty());
    }
}
