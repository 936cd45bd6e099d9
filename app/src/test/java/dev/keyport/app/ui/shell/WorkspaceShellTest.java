package dev.keyport.app.ui.shell;

import static dev.keyport.app.ui.KeyportHarness.awaitLine;
import static dev.keyport.app.ui.KeyportHarness.awaitPrompt;
import static dev.keyport.app.ui.KeyportHarness.awaitScreen;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowWithLocalServer;
import dev.keyport.app.ui.terminal.TerminalTab;
import dev.keyport.terminal.demo.LocalSshServer;

/**
 * The window around the terminals as a person uses it with the keyboard: shortcuts that do not type
 * into the shell, the keyboard back in the terminal after a tab is chosen or closed, the shell's own
 * Ctrl keys, zoom, the sidebar's pages over the tabs, quick connect and its offer to save.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceShellTest {

    @RegisterExtension
    final WindowWithLocalServer app = WindowWithLocalServer.on(() -> LocalSshServer.start("tester", "correct horse"), "tester")
            .keyHost("Local server").demo();

    private TerminalTab openTab(FxRobot robot) throws Exception {
        int before = app.window().terminals().size();
        KeyportHarness.fx(() -> app.window().open(app.host("Local server")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.window().terminals().size() == before + 1);
        TerminalTab tab = KeyportHarness.newestTab(app.window());
        try {
            awaitPrompt(robot, app.window());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (phase " + tab.model().phaseProperty().get() + ", " + tab.model().problemProperty().get()
                    + tab.model().endedProperty().get() + ")", e);
        }
        return tab;
    }

    private static void chord(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String screenOf(TerminalTab tab) {
        var buffer = tab.widget().getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    @Test
    void aShortcutDoesNotTypeItsLetterIntoTheShellOfANewTab(FxRobot robot) throws Exception {
        openTab(robot);
        List<String> typed = new CopyOnWriteArrayList<>();
        KeyportHarness.fx(() -> app.stage().addEventFilter(KeyEvent.KEY_TYPED, e -> typed.add(e.getCharacter())));

        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T); // Tunnels
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H); // Hosts again
        assertThat(typed).as("the robot's shortcut keys produce characters, as a real keyboard does").isNotEmpty();
        robot.write("echo after-$((40+2))").type(KeyCode.ENTER);

        awaitLine(app.window(), "after-42");
        assertThat(awaitScreen(robot, app.window(), "after-42", Duration.ofSeconds(10)))
                .as("no T or H typed by the shortcuts").contains("echo after-$((40+2))").doesNotContain("Techo", "Hecho", "THecho");
    }

    @Test
    void afterClickingATabHeaderOrClosingATabTypingGoesToTheTerminal(FxRobot robot) throws Exception {
        TerminalTab first = openTab(robot);
        TerminalTab second = openTab(robot);
        assertThat(second.tab().getText()).isEqualTo("Local server (2)");

        robot.clickOn(robot.lookup(".tab").match(n -> n.lookup(".tab-label") != null
                && ((Label) n.lookup(".tab-label")).getText().equals("Local server")).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("echo first-$((1+1))").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> screenOf(first).lines().anyMatch(l -> l.strip().equals("first-2")));

        KeyportHarness.fx(() -> robot.lookup("#terminal-tabs").queryAs(TabPane.class).getSelectionModel().select(second.tab()));
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.W);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.window().terminals().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("echo still-$((2+1))").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> screenOf(first).lines().anyMatch(l -> l.strip().equals("still-3")));
    }

    @Test
    void ctrlLAndCtrlFReachTheShell(FxRobot robot) throws Exception {
        TerminalTab tab = openTab(robot);
        List<KeyCode> reached = new CopyOnWriteArrayList<>();
        KeyportHarness.fx(() -> tab.widget().getTerminalPanel().getCanvas().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isControlDown() && !e.isConsumed()) {
                reached.add(e.getCode());
            }
        }));
        robot.write("cat -v").type(KeyCode.ENTER);
        awaitScreen(robot, app.window(), "cat -v", Duration.ofSeconds(20)); // the bytes wait in the PTY until cat reads
        chord(robot, KeyCode.CONTROL, KeyCode.L);
        chord(robot, KeyCode.CONTROL, KeyCode.F);
        robot.type(KeyCode.ENTER);
        assertThat(reached).as("the terminal got Ctrl+L and Ctrl+F, unconsumed by the window").contains(KeyCode.L, KeyCode.F);
        // a real keyboard's Ctrl+L types a form feed (cat -v: ^L); Monocle's robot types the plain letter
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> screenOf(tab).lines().map(String::strip)
                .anyMatch(l -> l.equals("^L^F") || l.equals("lf")));
        chord(robot, KeyCode.CONTROL, KeyCode.C);
        assertThat(robot.lookup("#notification").queryAs(Label.class).getText()).as("Ctrl+L did not lock").isEmpty();
        assertThat(tab.widget().getTerminalPanel().getCanvas().isFocused()).as("no find bar took the keyboard").isTrue();
    }

    @Test
    void theDemoSaysWhyItDoesNotLock(FxRobot robot) throws Exception {
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#notification").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#notification").queryAs(Label.class).getText()).isEqualTo(MainWindow.DEMO_CANNOT_LOCK);
        robot.clickOn("#lock-button");
        assertThat(robot.lookup("#notification").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void zoomChangesTheTextOfOpenTabsAndNewTabsKeepIt(FxRobot robot) throws Exception {
        TerminalTab first = openTab(robot);
        int columns = first.widget().getTerminalPanel().getTerminalSizeFromComponent().getColumns();
        chord(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        chord(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> first.widget().getTerminalPanel().getTerminalSizeFromComponent().getColumns() < columns);
        assertThat(app.window().model().fontSizeProperty().get()).isEqualTo(dev.keyport.app.services.TerminalOptions.DEFAULT_FONT_SIZE + 2);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> first.widget().getTerminal().getTerminalWidth() < columns);

        TerminalTab second = openTab(robot);
        assertThat(second.widget().getTerminalPanel().getTerminalSizeFromComponent().getColumns())
                .as("the new tab has the larger text too").isLessThan(columns);
        assertThat(screenOf(second)).as("zoom typed nothing").doesNotContain("=");

        chord(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> second.widget().getTerminalPanel().getTerminalSizeFromComponent().getColumns() == columns);
    }

    @Test
    void aWidePageCoversTheTabsWhichComeBackAliveWithHosts(FxRobot robot) throws Exception {
        openTab(robot);
        robot.clickOn("#nav-keys");
        assertThat(KeyportHarness.awaitShowing(robot, "#keys-page").isVisible()).isTrue();
        assertThat(robot.lookup("#terminal-tabs").tryQuery().map(Node::getScene)).as("the tabs are not on screen").isEmpty();
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        assertThat(robot.lookup("#nav-known-hosts").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#terminal-tabs").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("echo back-$((3+4))").type(KeyCode.ENTER);
        awaitLine(app.window(), "back-7");
        assertThat(app.window().terminals()).hasSize(1);
    }

    @Test
    void quickConnectOpensATabWithoutSavingAndSavesWhenAsked(FxRobot robot) throws Exception {
        int saved = app.context().hosts().list().size();
        chord(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G);
        robot.write("tester@127.0.0.1:99999").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#quick-connect-problem").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#quick-connect-problem").queryAs(Label.class).getText())
                .isEqualTo("Bad port in tester@127.0.0.1:99999: 99999");
        assertThat(app.window().terminals()).isEmpty();

        KeyportHarness.fx(() -> robot.lookup("#quick-connect").queryAs(javafx.scene.control.TextField.class).clear());
        robot.clickOn("#quick-connect").write("tester@127.0.0.1:" + app.server().port()).type(KeyCode.ENTER);
        robot.clickOn(KeyportHarness.awaitShowing(robot, "#secret-field")).write("correct horse").type(KeyCode.ENTER);
        awaitPrompt(robot, app.window());
        assertThat(KeyportHarness.newestTab(app.window()).tab().getText()).isEqualTo("127.0.0.1:" + app.server().port());
        assertThat(KeyportHarness.awaitShowing(robot, "#save-offer").isVisible()).isTrue();
        assertThat(app.context().hosts().list()).as("nothing written before the person says so").hasSize(saved);
        assertThat(app.window().model().hostsWithTabs()).contains(KeyportHarness.newestTab(app.window()).model().host().id());

        robot.clickOn("#save-offer-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context().hosts().list().size() == saved + 1);
        assertThat(app.context().hosts().list()).anySatisfy(h -> {
            assertThat(h.address()).isEqualTo("127.0.0.1");
            assertThat(h.port()).isEqualTo(app.server().port());
            assertThat(h.username()).isEqualTo("tester");
        });
        assertThat(robot.lookup("#save-offer").tryQuery()).isEmpty();
        robot.write("echo saved-$((5+5))").type(KeyCode.ENTER);
        awaitLine(app.window(), "saved-10");
    }

    @Test
    void clearingTheBufferLeavesTheCursorOnALine(FxRobot robot) throws Exception {
        TerminalTab tab = openTab(robot);
        KeyportHarness.fx(() -> tab.widget().getTerminalPanel().clearBuffer()); // the terminal menu's Clear Buffer
        assertThat(tab.widget().getTerminal().getCursorY()).as("lines count from 1; line 0 made every blink log an error")
                .isGreaterThanOrEqualTo(1);
        robot.write("echo cleared-$((4+4))").type(KeyCode.ENTER);
        awaitLine(app.window(), "cleared-8");
    }
}
