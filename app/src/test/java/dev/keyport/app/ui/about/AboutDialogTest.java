package dev.keyport.app.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Alert;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowOnNewVault;

/** Keyport's icon on its windows and dialogs, and the About dialog with the icon and the version. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {

    @RegisterExtension
    final WindowOnNewVault app = WindowOnNewVault.empty();

    @Start
    void start(Stage stage) {
        AppIcon.installOnEveryWindow(); // before the window shows, as DesktopApp does
    }

    @BeforeEach
    void shortcut() throws Exception {
        KeyportHarness.fx(() -> AboutDialog.installShortcut(app.stage(), "1.2.3", app.dataDir().toString()));
    }

    @Test
    void theJarCarriesTheIconInEverySizeTheWindowSystemAsksFor() throws Exception {
        KeyportHarness.fx(() -> {
            assertThat(AppIcon.images()).hasSize(AppIcon.SIZES.length);
            for (int i = 0; i < AppIcon.SIZES.length; i++) {
                assertThat(AppIcon.images().get(i).getWidth()).as("icon %d px", AppIcon.SIZES[i]).isEqualTo(AppIcon.SIZES[i]);
                assertThat(AppIcon.images().get(i).isError()).isFalse();
            }
        });
    }

    @Test
    void theShortcutShowsTheIconTheVersionAndTheVaultAndTheDialogCarriesTheIcon(FxRobot robot) throws Exception {
        assertThat(app.stage().getIcons()).as("the main window's icon").isEqualTo(AppIcon.images());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);

        KeyportHarness.awaitShowing(robot, "#about-version");
        assertThat(robot.lookup("#about-version").queryAs(Label.class).getText()).isEqualTo("Version 1.2.3");
        assertThat(robot.lookup("#about-data-folder").queryAs(Label.class).getText()).isEqualTo("Your vault: " + app.dataDir());
        ImageView icon = robot.lookup("#about-icon").queryAs(ImageView.class);
        assertThat(icon.getImage().getWidth()).isEqualTo(64);
        DialogPane pane = robot.lookup("#about-dialog").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Keyport 1.2.3");
        Stage dialogStage = (Stage) pane.getScene().getWindow();
        assertThat(dialogStage.getIcons()).as("the dialog's own icon, for the task bar").isEqualTo(AppIcon.images());
        robot.interact(dialogStage::hide);
    }

    @Test
    void anAlertOpenedLaterGetsTheIconToo(FxRobot robot) throws Exception {
        Alert[] alert = new Alert[1];
        robot.interact(() -> {
            alert[0] = new Alert(Alert.AlertType.INFORMATION, "hello");
            alert[0].initOwner(app.stage());
            alert[0].show();
        });
        assertThat(((Stage) alert[0].getDialogPane().getScene().getWindow()).getIcons()).isEqualTo(AppIcon.images());
        robot.interact(alert[0]::hide);
    }
}
