package dev.keyport.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.services.SystemTheme;
import dev.keyport.app.services.TerminalBell;
import dev.keyport.app.services.TerminalOptions;
import dev.keyport.app.services.ThemeMode;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.TextFit;
import dev.keyport.app.ui.WindowOnNewVault;
import dev.keyport.vault.HostKeyPolicy;

/** The Settings page in the real window on a real vault: every setting a person changes is saved and shown again. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {

    @RegisterExtension
    final WindowOnNewVault app = WindowOnNewVault.empty();

    private SettingsView openSettings(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        return (SettingsView) KeyportHarness.awaitShowing(robot, "#settings-view");
    }

    private static void typeInto(FxRobot robot, Spinner<?> spinner, String text) {
        reveal(robot, spinner);
        robot.doubleClickOn(spinner.getEditor()).eraseText(8).write(text);
    }

    /** Scrolls the page as a person would, so that {@code node} is in view before it is clicked. */
    private static void reveal(FxRobot robot, javafx.scene.Node node) {
        robot.interact(() -> {
            javafx.scene.Node n = node.getParent();
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            if (n instanceof javafx.scene.control.ScrollPane scroll) {
                javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double room = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (at.getMinY() - 40) / room)));
            }
        });
    }

    private static void click(FxRobot robot, String id) {
        reveal(robot, robot.lookup(id).query());
        robot.clickOn(id);
    }

    @Test
    void theShortcutShowsThePageInTheWindowWithNothingCutInEitherTheme(FxRobot robot) throws Exception {
        SettingsView view = openSettings(robot);
        assertThat(view.getScene()).isSameAs(app.stage().getScene());
        assertThat(WaitForAsyncUtils.asyncFx(() -> TextFit.cutTexts(view)).get(10, TimeUnit.SECONDS)).as("light").isEmpty();
        click(robot, "#theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> TextFit.cutTexts(view)).get(10, TimeUnit.SECONDS)).as("dark").isEmpty();
        robot.clickOn("#nav-hosts");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getScene() == null);
    }

    @Test
    void everySettingIsSavedInTheVaultAndShownAgain(FxRobot robot) throws Exception {
        SettingsView view = openSettings(robot);
        SettingsViewModel model = view.model();

        click(robot, "#theme-dark");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Application.getUserAgentStylesheet().contains("dark"));
        assertThat(app.window().model().darkProperty().get()).as("applied at once").isTrue();

        String family = model.fontFamilies().isEmpty() ? "" : model.fontFamilies().get(0);
        robot.interact(() -> robot.lookup("#terminal-font-family").queryAs(ComboBox.class).getSelectionModel().select(family));
        typeInto(robot, robot.lookup("#terminal-font-size").queryAs(Spinner.class), "18");
        typeInto(robot, robot.lookup("#scrollback-lines").queryAs(Spinner.class), "2500");
        robot.type(KeyCode.ENTER);
        click(robot, "#copy-on-select");
        click(robot, "#bell-off");
        typeInto(robot, robot.lookup("#auto-lock-minutes").queryAs(Spinner.class), "0");
        robot.interact(() -> robot.lookup("#default-host-key-policy").queryAs(ComboBox.class).getSelectionModel()
                .select(HostKeyPolicy.ACCEPT_NEW));

        TerminalOptions expected = new TerminalOptions(family, 18, 2500, true, TerminalBell.OFF);
        assertThat(model.terminalOptions()).isEqualTo(expected);
        model.whenSaved().get(10, TimeUnit.SECONDS);
        SystemTheme anyDesktop = SystemTheme.ofThisComputer();
        SettingsViewModel.Saved saved = SettingsViewModel.load(app.context(), anyDesktop);
        assertThat(saved).isEqualTo(new SettingsViewModel.Saved(ThemeMode.DARK, false, expected, 0, HostKeyPolicy.ACCEPT_NEW));

        // the page as it shows next time: read from the vault again
        SettingsView again = WaitForAsyncUtils.asyncFx(() -> {
            SettingsView page = new SettingsView(new SettingsViewModel(app.context(), saved, anyDesktop, Runnable::run));
            new javafx.scene.Scene(page, 900, 700);
            page.applyCss();
            page.layout();
            return page;
        }).get(10, TimeUnit.SECONDS);
        assertThat(((RadioButton) again.lookup("#theme-dark")).isSelected()).isTrue();
        assertThat(((ComboBox<?>) again.lookup("#terminal-font-family")).getValue()).isEqualTo(family);
        assertThat(((Spinner<?>) again.lookup("#terminal-font-size")).getEditor().getText()).isEqualTo("18");
        assertThat(((Spinner<?>) again.lookup("#scrollback-lines")).getEditor().getText()).isEqualTo("2500");
        assertThat(((CheckBox) again.lookup("#copy-on-select")).isSelected()).isTrue();
        assertThat(((RadioButton) again.lookup("#bell-off")).isSelected()).isTrue();
        assertThat(((Spinner<?>) again.lookup("#auto-lock-minutes")).getEditor().getText()).isEqualTo("0");
        assertThat(((ComboBox<?>) again.lookup("#default-host-key-policy")).getValue()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
    }

    @Test
    void aScrollbackOutOfRangeSaysWhyUnderItsField(FxRobot robot) throws Exception {
        openSettings(robot);
        typeInto(robot, robot.lookup("#scrollback-lines").queryAs(Spinner.class), "250000");
        assertThat(robot.lookup("#scrollback-problem").queryLabeled().getText()).startsWith("At most 100,000 lines");
        reveal(robot, robot.lookup("#scrollback-lines").query());
        assertThat(app.window().scrollbackLines()).isEqualTo(10_000);
        robot.type(KeyCode.ENTER);
        assertThat(app.window().scrollbackLines()).as("an invalid value is not kept").isEqualTo(10_000);
        robot.eraseText(6).write("750");
        assertThat(robot.lookup("#scrollback-problem").queryLabeled().isVisible()).isFalse();
        robot.type(KeyCode.TAB);
        assertThat(app.window().scrollbackLines()).as("what the next tab keeps").isEqualTo(750);
    }

    @Test
    void followingTheSystemIsSavedAndSaysWhatTheDesktopAsks(FxRobot robot) throws Exception {
        SettingsView view = openSettings(robot);
        click(robot, "#theme-system");
        view.model().whenSaved().get(10, TimeUnit.SECONDS);
        assertThat(app.context().appearance().mode()).isEqualTo(ThemeMode.SYSTEM);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#theme-system-now").queryLabeled().getText()
                .contains("Your desktop asks for"));
        boolean desktopDark = SystemTheme.ofThisComputer().prefersDark();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.window().model().darkProperty().get() == desktopDark);
    }
}
