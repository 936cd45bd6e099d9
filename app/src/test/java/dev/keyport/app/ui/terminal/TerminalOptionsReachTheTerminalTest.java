package dev.keyport.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowOnNewVault;
import dev.keyport.app.ui.settings.SettingsView;
import dev.keyport.terminal.testing.LoopbackServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/** What a person sets on the Settings page (font, copy on select, bell) is what terminals do: new ones and those open already. */
@ExtendWith(ApplicationExtension.class)
class TerminalOptionsReachTheTerminalTest {

    @RegisterExtension
    final WindowOnNewVault app = WindowOnNewVault.empty();
    /**
     * Accepts and never says a word: the tab stays "connecting", its terminal shown and laid out. (A refused
     * port made the tab fail at once, and a failure that came before the terminal's first layout took the
     * terminal out of the window: it never got a size, and the test failed once in seven CI runs.)
     */
    private LoopbackServer silent;

    @BeforeEach
    void startSilentServer() throws Exception {
        silent = LoopbackServer.start("silent", socket -> socket.getInputStream().readAllBytes());
    }

    @AfterEach
    void stopSilentServer() {
        silent.close();
    }

    private KeyportTerminalPanel openTab() throws Exception {
        Host nowhere = Host.create("nowhere", "127.0.0.1", silent.port(), "me", new HostAuth.Password());
        TerminalTab tab = WaitForAsyncUtils.asyncFx(() -> app.window().open(nowhere)).get(10, TimeUnit.SECONDS);
        return (KeyportTerminalPanel) tab.widget().getTerminalPanel();
    }

    @Test
    void theFontCopyOnSelectAndBellChosenInSettingsReachANewTerminal(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        SettingsView view = (SettingsView) KeyportHarness.awaitShowing(robot, "#settings-view");
        String family = view.model().fontFamilies().isEmpty() ? "" : view.model().fontFamilies().get(view.model().fontFamilies().size() - 1);
        robot.interact(() -> robot.lookup("#terminal-font-family").queryAs(ComboBox.class).getSelectionModel().select(family));
        robot.doubleClickOn(robot.lookup("#terminal-font-size").queryAs(Spinner.class).getEditor()).eraseText(3).write("22");
        robot.interact(() -> {
            robot.lookup("#copy-on-select").queryAs(javafx.scene.control.CheckBox.class).fire();
            robot.lookup("#bell-visual").queryAs(javafx.scene.control.RadioButton.class).fire();
        });

        KeyportTerminalPanel panel = openTab();
        assertThat(panel.font().getSize()).isEqualTo(22.0);
        assertThat(panel.font().getFamily()).isEqualTo(TerminalSettings.fontFamily(family));
        TerminalSettings settings = (TerminalSettings) panel.settings();
        assertThat(settings.copyOnSelect()).isTrue();
        new Thread(panel::beep, "TerminalEmulator-test").start(); // the emulator rings on its own thread
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.flashes() == 1);

        // the page again (opening a tab showed the terminals): the bell off, no copy on select, a small font
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        KeyportHarness.awaitShowing(robot, "#settings-view");
        robot.interact(() -> {
            robot.lookup("#bell-off").queryAs(javafx.scene.control.RadioButton.class).fire();
            robot.lookup("#copy-on-select").queryAs(javafx.scene.control.CheckBox.class).fire();
            robot.lookup("#terminal-font-size").queryAs(Spinner.class).getValueFactory().setValue(11);
        });
        KeyportTerminalPanel quiet = openTab();
        assertThat(quiet.font().getSize()).isEqualTo(11.0);
        assertThat(((TerminalSettings) quiet.settings()).copyOnSelect()).isFalse();
        quiet.beep();
        assertThat(quiet.rings()).isEqualTo(1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(quiet.flashes()).as("the bell is off").isZero();
        assertThat(panel.font().getSize()).as("the tab opened before the change follows it").isEqualTo(11.0);
    }

    @Test
    void aTabAlreadyOpenFollowsTheFontBellAndCopyOnSelectChangedInSettings(FxRobot robot) throws Exception {
        KeyportTerminalPanel panel = openTab();
        assertThat(panel.font().getSize()).isEqualTo(14.0);
        panel.beep();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.flashes() == 1); // the default bell is visual
        // the terminal has a size once its first layout is done
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.getTerminalSizeFromComponent() != null);
        int rows = panel.getTerminalSizeFromComponent().getRows();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        SettingsView view = (SettingsView) KeyportHarness.awaitShowing(robot, "#settings-view");
        String family = view.model().fontFamilies().isEmpty() ? "" : view.model().fontFamilies().get(0);
        robot.interact(() -> {
            robot.lookup("#terminal-font-family").queryAs(ComboBox.class).getSelectionModel().select(family);
            robot.lookup("#terminal-font-size").queryAs(Spinner.class).getValueFactory().setValue(24);
            robot.lookup("#copy-on-select").queryAs(javafx.scene.control.CheckBox.class).fire();
            robot.lookup("#bell-off").queryAs(javafx.scene.control.RadioButton.class).fire();
        });

        assertThat(panel.font().getSize()).as("the open tab's text is larger").isEqualTo(24.0);
        assertThat(panel.font().getFamily()).isEqualTo(TerminalSettings.fontFamily(family));
        assertThat(panel.settings().copyOnSelect()).as("the open tab copies on select").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel.getTerminalSizeFromComponent() != null && panel.getTerminalSizeFromComponent().getRows() < rows);
        panel.beep();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(panel.rings()).isEqualTo(2);
        assertThat(panel.flashes()).as("the open tab's bell is off").isEqualTo(1);
    }
}
