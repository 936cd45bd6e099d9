package dev.keyport.app.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.ui.prompts.FxUserPrompter;
import dev.keyport.app.ui.shell.Theme;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * One page of the window (Keys, Identities, …) on its own TestFX stage, over the real application
 * wired on a vault in a temp dir. From {@link #show} until {@link #close} a {@link FxThreadWatchdog}
 * watches the FX thread, and closing fails the test if it saw blocking work there.
 */
public final class PageHarness {

    public final KeyportContext context;
    private FxThreadWatchdog watchdog;
    private Stage stage;

    private PageHarness(KeyportContext context) {
        this.context = context;
    }

    /** Opens a new vault in {@code dataDir} and wires the application on it (dialogs owned by {@code stage}). */
    public static PageHarness open(Path dataDir, Supplier<Stage> stage) throws Exception {
        Vault vault = Vault.create(dataDir, "test master password".toCharArray(), KdfParameters.FLOOR);
        return new PageHarness(new KeyportContext(vault, new FxUserPrompter(stage::get)));
    }

    /** Shows {@code page} alone in {@code stage} (light theme, 900×700); from here on the FX thread is watched. */
    public void show(Stage stage, Parent page) throws Exception {
        this.stage = stage;
        watchdog = FxThreadWatchdog.start();
        Theme.apply(false);
        dev.keyport.app.ui.KeyportHarness.freshStage(stage);
        stage.setScene(new Scene(page, 900, 700));
        stage.sizeToScene();
        stage.setTitle("Keyport page test");
        stage.show();
    }

    /** The stage the page shows in (null until {@link #show}). */
    public Stage stage() {
        return stage;
    }

    /** Closes the stage and then the application (off the FX thread); fails on blocking work seen. */
    public void close() throws Exception {
        if (stage != null) {
            WaitForAsyncUtils.asyncFx(stage::hide).get(20, TimeUnit.SECONDS);
        }
        context.close();
        if (watchdog != null) {
            watchdog.assertNothingBlocked();
        }
    }

    /** Shows {@code page} from a test thread (a {@code @BeforeEach}), after the slow setup was done off the FX thread. */
    public void showFromTest(Stage stage, Parent page) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            try {
                show(stage, page);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for a visible node matching {@code query} (a list keeps hidden cells for measuring) and returns it. */
    public static javafx.scene.Node awaitVisible(org.testfx.api.FxRobot robot, String query) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).match(PageHarness::reallyVisible).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Nothing visible matches " + query, e);
        }
        return robot.lookup(query).match(PageHarness::reallyVisible).query();
    }

    /** Waits for the button of a showing dialog with this text and returns it. */
    public static javafx.scene.control.Button dialogButton(org.testfx.api.FxRobot robot, String text) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button")
                    .match((javafx.scene.control.Button b) -> text.equals(b.getText()) && reallyVisible(b)).tryQuery().isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("No dialog shows a button " + text, e);
        }
        return robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) -> text.equals(b.getText()) && reallyVisible(b))
                .queryButton();
    }

    /** The text of the label {@code query} finds. */
    public static String text(org.testfx.api.FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.Label.class).getText();
    }

    /**
     * Waits until the label {@code query} finds is visible and reads {@code expected}; fails saying what it shows
     * instead, followed by {@code more} (what else the page shows that explains it, or "").
     */
    public static void awaitText(org.testfx.api.FxRobot robot, String query, String expected, java.time.Duration timeout,
            java.util.function.Supplier<String> more) {
        try {
            WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery()
                    .map(n -> n.isVisible() && expected.equals(((javafx.scene.control.Label) n).getText())).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Expected " + query + " to show '" + expected + "'; it shows '"
                    + robot.lookup(query).tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()).orElse("(nothing)") + "'"
                    + more.get(), e);
        }
    }

    /** Whether the node and all its parents are visible in a showing window. */
    public static boolean reallyVisible(javafx.scene.Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** The UI executor view models get in the application. */
    public static java.util.concurrent.Executor ui() {
        return Platform::runLater;
    }
}
