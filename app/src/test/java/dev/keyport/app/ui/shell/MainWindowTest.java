package dev.keyport.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.testing.LocalServerApp;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowWithLocalServer;
import dev.keyport.app.ui.terminal.TerminalTabViewModel.Phase;
import dev.keyport.terminal.demo.LocalSshServer;

/** The window around the terminals: the theme switch, and closing Keyport with sessions open. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @RegisterExtension
    final WindowWithLocalServer app = WindowWithLocalServer.on(LocalSshServer::start, System.getProperty("user.name")).keyHost("Local server");

    private Feather themeIcon(FxRobot robot) {
        return (Feather) ((FontIcon) robot.lookup("#theme-button").queryAs(Button.class).getGraphic()).getIconCode();
    }

    @Test
    void theThemeShortcutSwitchesTheButtonsIconTooAndIsRemembered(FxRobot robot) throws Exception {
        assertThat(themeIcon(robot)).isEqualTo(Feather.MOON);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(themeIcon(robot)).isEqualTo(Feather.SUN);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context().appearance().dark());

        robot.clickOn("#theme-button");
        assertThat(themeIcon(robot)).isEqualTo(Feather.MOON);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.context().appearance().dark());
    }

    @Test
    void closingWithFiveOpenTabsTakesTheWindowAwayAtOnceAndTheConnectionsAfter(FxRobot robot) throws Exception {
        for (int i = 0; i < 5; i++) {
            KeyportHarness.fx(() -> app.window().open(app.host("Local server")));
        }
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.window().terminals().stream()
                .allMatch(t -> t.model().phaseProperty().get() == Phase.OPEN));
        assertThat(app.server().openSessions()).isEqualTo(5);

        long[] took = new long[1];
        KeyportHarness.fx(() -> {
            long started = System.nanoTime();
            app.window().close();
            took[0] = System.nanoTime() - started;
        });
        System.out.printf("Closing the window with 5 open tabs took %.1f ms%n", took[0] / 1e6);
        assertThat(app.stage().isShowing()).isFalse();
        assertThat(Duration.ofNanos(took[0])).as("a generous bound; the aim is 200 ms").isLessThan(Duration.ofSeconds(1));

        long started = System.nanoTime();
        app.context().close();
        System.out.printf("Closing the connections and the vault after it took %.1f ms%n", (System.nanoTime() - started) / 1e6);
        LocalServerApp.await("the server to see the connections go", Duration.ofSeconds(10), () -> app.server().openSessions() == 0,
                () -> app.server().openSessions() + " open");
        assertThat(app.context().vault().isLocked()).isTrue();
    }
}
