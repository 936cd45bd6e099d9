package dev.keyport.app.ui.terminal;

import dev.keyport.app.ui.KeyportHarness;
import static dev.keyport.app.ui.KeyportHarness.awaitScreen;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.WindowWithLocalServer;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/** The first thing a person does: double-click a saved server and type into a live shell. */
@ExtendWith(ApplicationExtension.class)
class TerminalTabTest {

    @RegisterExtension
    final WindowWithLocalServer app = WindowWithLocalServer.on(() -> LocalSshServer.start("tester", "correct horse"), "tester")
            .keyHost("Local server").passwordHost("Password server");

    /** Waits until the list shows {@code count} hosts and their cells are drawn (so they can be clicked). */
    private void awaitHosts(FxRobot robot, int count) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-list").queryAs(ListView.class).getItems().size() == count);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Local server").tryQuery().isPresent()
                && robot.lookup("Password server").tryQuery().isPresent());
    }

    @Test
    void doubleClickOpensATabWhereTypedCommandsRun(FxRobot robot) throws Exception {
        awaitHosts(robot, 2);
        robot.doubleClickOn("Local server");
        KeyportHarness.awaitPrompt(robot, app.window());
        assertThat(KeyportHarness.newestTab(app.window()).tab().getText()).isEqualTo("Local server");

        robot.write("echo keyport-$((6*7))").type(KeyCode.ENTER);

        String screen = awaitScreen(robot, app.window(), "keyport-42", Duration.ofSeconds(20));
        assertThat(screen).contains("echo keyport-$((6*7))");
        assertThat(KeyportHarness.newestTab(app.window()).widget().getTerminalPanel().getCanvas().isFocused()).isTrue();
    }

    @Test
    void closingTheTabClosesItsConnection(FxRobot robot) throws Exception {
        awaitHosts(robot, 2);
        robot.doubleClickOn("Local server");
        KeyportHarness.awaitPrompt(robot, app.window());
        assertThat(app.server().openSessions()).isEqualTo(1);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W).release(KeyCode.W, KeyCode.SHIFT, KeyCode.CONTROL);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.server().openSessions() == 0);
        assertThat(app.window().terminals()).isEmpty();
        assertThat(robot.lookup("No open sessions").tryQuery()).isPresent();
    }

    @Test
    void aServerThatGoesAwayShowsDisconnectedWithAReasonAndReconnect(FxRobot robot) throws Exception {
        awaitHosts(robot, 2);
        robot.doubleClickOn("Local server");
        KeyportHarness.awaitPrompt(robot, app.window());

        app.server().close();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#terminal-disconnected").tryQuery()
                .map(n -> ((Label) n).getText().startsWith("Disconnected from Local server. ")).orElse(false));
        assertThat(robot.lookup("Reconnect").tryQuery()).isPresent();
    }

    @Test
    void aHostWithLegacyAlgorithmsOnShowsAWarningInItsTab(FxRobot robot) throws Exception {
        Host legacy = Host.create("Old box", app.server().host(), app.server().port(), "tester", new HostAuth.Managed("test-key"))
                .withDetails(dev.keyport.vault.HostDetails.NONE.withLegacyAlgorithms(true));
        KeyportHarness.fx(() -> app.window().open(legacy));
        KeyportHarness.awaitPrompt(robot, app.window());
        assertThat(robot.lookup("#legacy-warning").queryLabeled().getText())
                .startsWith("Legacy algorithms are on for Old box (SHA-1 signatures, CBC ciphers).");
    }

    @Test
    void enterOnASelectedHostOpensItToo(FxRobot robot) throws Exception {
        awaitHosts(robot, 2);
        robot.clickOn("Local server").type(KeyCode.ENTER);
        KeyportHarness.awaitPrompt(robot, app.window());
        assertThat(app.window().terminals()).hasSize(1);
    }

    @Test
    void refusedConnectionShowsAReadableMessageInTheTab(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Host nowhere = Host.create("Nowhere", "127.0.0.1", closedPort, "tester", new HostAuth.Password());
        KeyportHarness.fx(() -> app.window().open(nowhere));
        String message = awaitStatus(robot, "Connection refused");
        assertThat(message).isEqualTo("Connection refused: 127.0.0.1:" + closedPort
                + ". Is an SSH server running there, and is the port right?");
        assertThat(robot.lookup("#retry-button").tryQuery()).isPresent();
    }

    @Test
    void wrongPasswordShowsPermissionDeniedInTheTab(FxRobot robot) throws Exception {
        awaitHosts(robot, 2);
        robot.doubleClickOn("Password server");
        robot.clickOn(KeyportHarness.awaitShowing(robot, "#secret-field")).write("not the password").type(KeyCode.ENTER);
        String message = awaitStatus(robot, "Permission denied");
        assertThat(message).startsWith("Permission denied for tester@127.0.0.1:" + app.server().port() + " (tried: password)");
    }

    @Test
    void quickConnectToAServerThatTakesOnlyKeysSaysWhatItAcceptsAndWhatToDoAndAsksForNoPassword(FxRobot robot) throws Exception {
        try (LocalSshServer keysOnly = LocalSshServer.start()) { // the demo server: its own key only
            app.context().hostKeys().trust(keysOnly.host(), keysOnly.port(), keysOnly.hostKey());
            robot.clickOn("#quick-connect").write("someone@127.0.0.1:" + keysOnly.port()).type(KeyCode.ENTER);
            String message = awaitStatus(robot, "Permission denied");
            assertThat(message).isEqualTo("Permission denied for someone@127.0.0.1:" + keysOnly.port() + ". The server accepts only: publickey."
                    + " Keyport had no key to offer for this host: choose a key or identity in the host's settings"
                    + " (or add your key to an SSH agent).");
            assertThat(robot.lookup("#secret-field").tryQuery()).as("no password dialog: the server never offered that method").isEmpty();
        }
    }

    @Test
    void theShellJoinsItsTerminalWhileAnotherThreadHoldsTheTerminalsBufferLock(FxRobot robot) throws Exception {
        // The reader thread holds the buffer lock while it writes output (for long in a flood). Joining the
        // shell to the terminal used to take that lock on the FX thread (JediTermFX resets its type-ahead
        // state when a terminal is wired): the window froze until the lock was free.
        awaitHosts(robot, 2);
        robot.doubleClickOn("Password server");
        robot.clickOn(KeyportHarness.awaitShowing(robot, "#secret-field")).write("correct horse");
        javafx.scene.control.Button ok = (javafx.scene.control.Button) robot.lookup(".dialog-pane")
                .queryAs(javafx.scene.control.DialogPane.class).lookupButton(javafx.scene.control.ButtonType.OK);
        TerminalTab tab = KeyportHarness.newestTab(app.window());
        com.techsenger.jeditermfx.core.model.TerminalTextBuffer buffer = tab.widget().getTerminalTextBuffer();
        boolean opened;
        buffer.lock();
        try {
            javafx.application.Platform.runLater(ok::fire); // log in; the shell opens while this thread holds the lock
            try {
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tab.model().phaseProperty().get() == TerminalTabViewModel.Phase.OPEN);
                opened = true;
            } catch (java.util.concurrent.TimeoutException e) {
                opened = false;
            }
        } finally {
            buffer.unlock();
        }
        assertThat(opened).as("the shell joined its terminal without waiting for the buffer lock").isTrue();
        robot.write("echo joined-$((3*3))").type(KeyCode.ENTER);
        awaitScreen(robot, app.window(), "joined-9", Duration.ofSeconds(20));
    }

    @Test
    void rightPasswordTypedInTheDialogOpensTheShell(FxRobot robot) throws Exception {
        awaitHosts(robot, 2);
        robot.doubleClickOn("Password server");
        robot.clickOn(KeyportHarness.awaitShowing(robot, "#secret-field")).write("correct horse").type(KeyCode.ENTER);
        KeyportHarness.awaitPrompt(robot, app.window());
    }

    @Test
    void aShellThatExitsSaysSoWithItsStatusAboveTheTerminalNotOverIt(FxRobot robot) throws Exception {
        awaitHosts(robot, 2);
        robot.doubleClickOn("Local server");
        KeyportHarness.awaitPrompt(robot, app.window());
        robot.write("exit 3").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#terminal-disconnected").tryQuery()
                .map(n -> ((Label) n).getText().equals("The shell on Local server exited (status 3).")).orElse(false));
        Node banner = robot.lookup("#terminal-disconnected").query().getParent();
        Node canvas = KeyportHarness.newestTab(app.window()).widget().getTerminalPanel().getCanvas();
        double bannerBottom = banner.localToScene(banner.getBoundsInLocal()).getMaxY();
        double terminalTop = canvas.localToScene(canvas.getBoundsInLocal()).getMinY();
        assertThat(bannerBottom).as("the banner sits above the terminal's first line").isLessThanOrEqualTo(terminalTop + 0.5);
        assertThat(robot.lookup("Reconnect").tryQuery()).isPresent();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.server().openSessions() == 0);
    }

    private String awaitStatus(FxRobot robot, String prefix) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#terminal-status").tryQuery()
                    .map(node -> ((Label) node).getText().startsWith(prefix)).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            String shown = robot.lookup("#terminal-status").tryQuery().map(n -> ((Label) n).getText()).orElse("(no status)");
            throw new AssertionError("Expected a status starting with '" + prefix + "', the tab shows: " + shown, e);
        }
        Node status = robot.lookup("#terminal-status").query();
        return ((Label) status).getText();
    }
}
