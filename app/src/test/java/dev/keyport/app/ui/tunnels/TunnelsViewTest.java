package dev.keyport.app.ui.tunnels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.controls.ToggleSwitch;

import dev.keyport.app.testing.EchoServer;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowWithOpenSshHost;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/** The Tunnels view in the real window: switch a saved tunnel on, send traffic, watch the counters, switch it off. */
@ExtendWith(ApplicationExtension.class)
class TunnelsViewTest {

    @RegisterExtension
    final WindowWithOpenSshHost app = WindowWithOpenSshHost.trusted().withEchoTunnel();

    /** The text of the showing label with this style class (a list keeps hidden cells for measuring). */
    private String text(FxRobot robot, String styleClass) {
        return robot.lookup("." + styleClass).match(NodeQueryUtils.isVisible()).queryAs(Label.class).getText();
    }

    private ToggleSwitch tunnelSwitch(FxRobot robot) {
        return robot.lookup(".tunnel-switch").match(NodeQueryUtils.isVisible()).queryAs(ToggleSwitch.class);
    }

    @Test
    void aSavedTunnelIsSwitchedOnCarriesTrafficWithMovingCountersAndIsSwitchedOff(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tunnel-list").tryQuery()
                .map(n -> ((ListView<?>) n).getItems().size() == 1).orElse(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("echo tunnel").tryQuery().isPresent());
        assertThat(robot.lookup("through OpenSSH box").tryQuery()).isPresent();

        robot.clickOn(tunnelSwitch(robot).lookup(".thumb-area")); // the track, where a person clicks
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text(robot, "tunnel-state").equals("On"));
        assertThat(EchoServer.roundTrip(app.tunnelPort(), "through the window's tunnel")).isEqualTo("through the window's tunnel");
        // the counters are refreshed once a second: wait for the tick that has counted the whole exchange
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "tunnel-counters").equals("0 open · 1 total · ↑ 27 B ↓ 27 B"));

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tunnel-on").tryQuery().isPresent());
        assertThat(robot.lookup(".tunnel-on").match(NodeQueryUtils.isVisible()).queryAs(Label.class).getText()).isEqualTo("tunnel on");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tunnel-switch").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn(tunnelSwitch(robot).lookup(".thumb-area")); // the track, where a person clicks
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "tunnel-state").equals("Off"));
        dev.keyport.app.testing.LocalServerApp.await("the port to close", Duration.ofSeconds(2), () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", app.tunnelPort())) {
                return false;
            } catch (java.io.IOException e) {
                return true;
            }
        }, () -> "still open");
    }

    @Test
    void aNewTunnelIsSavedFromTheEditorWithAMessagePerWrongField(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.clickOn(KeyportHarness.awaitShowing(robot, "#add-tunnel-button"));
        KeyportHarness.awaitShowing(robot, "#tunnel-name");
        assertThat(robot.lookup("#tunnel-problem").queryAs(Label.class).getText()).isEqualTo("Give the tunnel a name.");
        robot.clickOn("#tunnel-name").write("web");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.ComboBox<Host> combo = robot.lookup("#tunnel-host").queryAs(javafx.scene.control.ComboBox.class);
            combo.getSelectionModel().selectFirst();
        });
        robot.clickOn("#tunnel-forwards").write("L 18080:intranet:99999");
        assertThat(robot.lookup("#tunnel-problem").queryAs(Label.class).getText()).startsWith("Line 1: ");
        assertThat(robot.lookup("#save-tunnel-button").query().isDisabled()).isTrue();
        robot.eraseText(5).write("80");
        assertThat(robot.lookup("#tunnel-problem").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("#save-tunnel-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#tunnel-list").queryAs(ListView.class).getItems().size() == 2);
        assertThat(app.context().tunnelProfiles().list()).extracting(ForwardProfile::name).contains("web");
    }
}
