package dev.keyport.app.ui.settings;

import dev.keyport.app.ui.KeyportHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.services.TerminalPreferences;

/** Settings: the scrollback a person sets is what new tabs keep, and it is saved in the vault. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {

    @TempDir
    Path dataDir;

    private KeyportHarness app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = KeyportHarness.open(dataDir, () -> this.stage);
        app.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void aNewScrollbackIsSavedInTheVaultAndUsedForNewTabs(FxRobot robot) throws Exception {
        TerminalPreferences saved = new TerminalPreferences(app.context.vault().settings());
        assertThat(saved.scrollbackLines()).as("default before any change").isEqualTo(10_000);
        assertThat(app.window.scrollbackLines()).isEqualTo(10_000);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        Node field = KeyportHarness.awaitShowing(robot, "#scrollback-lines");
        assertThat(((Spinner<?>) field).getEditor().getText()).isEqualTo("10000");

        robot.doubleClickOn(((Spinner<?>) field).getEditor()).eraseText(6).write("250000");
        Node save = robot.lookup("#save-settings-button").query();
        assertThat(robot.lookup("#settings-problem").queryLabeled().getText()).startsWith("At most 100,000 lines");
        assertThat(save.isDisabled()).isTrue();

        robot.eraseText(6).write("2500");
        assertThat(robot.lookup("#settings-problem").queryLabeled().getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> saved.scrollbackLines() == 2_500);
        assertThat(app.window.scrollbackLines()).as("what the next tab keeps").isEqualTo(2_500);
    }

    @Test
    void anUnusableSavedValueFallsBackToTheDefault() throws Exception {
        app.context.vault().settings().put(TerminalPreferences.SCROLLBACK_SETTING, "lots");
        assertThat(new TerminalPreferences(app.context.vault().settings()).scrollbackLines()).isEqualTo(10_000);
        app.context.vault().settings().put(TerminalPreferences.SCROLLBACK_SETTING, "5000000");
        assertThat(new TerminalPreferences(app.context.vault().settings()).scrollbackLines()).isEqualTo(10_000);
        app.context.vault().settings().put(TerminalPreferences.SCROLLBACK_SETTING, "750");
        assertThat(new TerminalPreferences(app.context.vault().settings()).scrollbackLines()).isEqualTo(750);
    }
}
