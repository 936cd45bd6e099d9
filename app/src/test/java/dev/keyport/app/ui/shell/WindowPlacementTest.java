package dev.keyport.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.services.WindowPreferences;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The window opens where it was last time, never with its title bar off the screen, and its new place is saved. */
@ExtendWith(ApplicationExtension.class)
class WindowPlacementTest {

    @TempDir
    Path dataDir;
    private KeyportHarness app;
    private Stage stage;

    /** Opens the app on a vault where the window was last at {@code saved}. */
    private void openWith(WindowPreferences.Placement saved) throws Exception {
        Vault vault = Vault.create(dataDir, "test master password".toCharArray(), KdfParameters.FLOOR);
        if (saved != null) {
            new WindowPreferences(vault.settings()).setPlacement(saved);
        }
        stage = FxToolkit.registerStage(Stage::new);
        app = KeyportHarness.on(vault, () -> stage);
        KeyportHarness.fx(() -> {
            try {
                app.show(stage);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static Rectangle2D screen() {
        return Screen.getPrimary().getVisualBounds();
    }

    @Test
    void theFirstTimeTheWindowOpensAtItsDefaultSizeCentred(FxRobot robot) throws Exception {
        openWith(null);
        Rectangle2D screen = screen();
        double width = Math.min(WindowPreferences.DEFAULT_WIDTH, screen.getWidth());
        assertThat(stage.getWidth()).isEqualTo(width);
        assertThat(stage.getX()).isEqualTo(screen.getMinX() + (screen.getWidth() - width) / 2);
        assertThat(stage.getY()).isGreaterThanOrEqualTo(screen.getMinY());
    }

    @Test
    void theWindowComesBackWhereItWasAndItsNewPlaceIsSaved(FxRobot robot) throws Exception {
        WindowPreferences.Placement saved = new WindowPreferences.Placement(new WindowPreferences.Area(40, 30, 900, 600), false);
        openWith(saved);
        assertThat(stage.getX()).isEqualTo(40);
        assertThat(stage.getY()).isEqualTo(30);
        assertThat(stage.getWidth()).isEqualTo(900);
        assertThat(stage.getHeight()).isEqualTo(600);

        // the window holds its place while the window manager settles it; then it sets its minimum size
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> stage.getMinWidth() == MainWindow.MIN_WIDTH);
        KeyportHarness.fx(() -> {
            stage.setX(70);
            stage.setWidth(800);
        });
        WindowPreferences.Placement moved = new WindowPreferences.Placement(new WindowPreferences.Area(70, 30, 800, 600), false);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.context.window().placement().equals(Optional.of(moved)));
    }

    @Test
    void aSavedPlaceWithTheTitleBarOffTheScreenIsNotUsed(FxRobot robot) throws Exception {
        openWith(new WindowPreferences.Placement(new WindowPreferences.Area(-1, -8, 900, 600), false));
        Rectangle2D screen = screen();
        assertThat(stage.getY()).as("the title bar is on the screen").isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(stage.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(stage.getX() + stage.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
    }

    @Test
    void aWindowThatWasMaximisedOpensMaximised(FxRobot robot) throws Exception {
        openWith(new WindowPreferences.Placement(new WindowPreferences.Area(40, 30, 900, 600), true));
        assertThat(stage.isMaximized()).isTrue();
    }
}
