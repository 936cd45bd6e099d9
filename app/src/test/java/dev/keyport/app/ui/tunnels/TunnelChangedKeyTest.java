package dev.keyport.app.ui.tunnels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

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
import dev.keyport.vault.TrustedHostKey;

/**
 * A real sshd gets a new host key while a tunnel through it is saved: switching the tunnel on fails on the
 * changed key, its row offers "Review the new key…", the changed-key dialog shows both fingerprints, and
 * only after the person confirms is the key replaced; the tunnel is then on and carries traffic.
 */
@ExtendWith(ApplicationExtension.class)
class TunnelChangedKeyTest {

    @RegisterExtension
    final WindowWithOpenSshHost app = WindowWithOpenSshHost.trusted().withEchoTunnel();

    private String state(FxRobot robot) {
        return robot.lookup(".tunnel-state").match(NodeQueryUtils.isVisible()).queryAs(Label.class).getText();
    }

    private Button review(FxRobot robot) {
        return robot.lookup(".review-tunnel-key").match(NodeQueryUtils.isVisible()).queryAs(Button.class);
    }

    private String keyData() throws Exception {
        return app.sshd().hostPublicKey().split(" ")[1];
    }

    private List<TrustedHostKey> trusted() throws Exception {
        return app.context().vault().hostKeys().find("127.0.0.1", app.sshd().port());
    }

    @Test
    void aTunnelRefusedForAChangedKeyOffersTheReviewAndRunsOnceTheNewKeyIsConfirmed(FxRobot robot) throws Exception {
        app.restartWithNewHostKey();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tunnel-switch").match(NodeQueryUtils.isVisible())
                .tryQuery().isPresent());
        assertThat(robot.lookup(".review-tunnel-key").match(NodeQueryUtils.isVisible()).tryQuery()).as("nothing to review yet").isEmpty();
        robot.clickOn(robot.lookup(".tunnel-switch").match(NodeQueryUtils.isVisible()).queryAs(ToggleSwitch.class).lookup(".thumb-area"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state(robot).startsWith("Failed"));
        assertThat(state(robot)).contains("has changed");
        assertThat(app.sshd().log()).as("nothing was sent to the server").doesNotContain("Accepted ").doesNotContain("Failed ");

        // a look, then Cancel: the old key stays trusted, the tunnel stays off
        robot.clickOn(review(robot));
        KeyportHarness.awaitShowing(robot, "#changed-key-offered");
        WaitForAsyncUtils.waitForFxEvents();
        String offered = robot.from(robot.lookup("#changed-key-offered").queryAs(Label.class)).lookup(".text").queryAs(Text.class).getText();
        assertThat(offered).startsWith("SHA256:").doesNotContain("…");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(trusted()).singleElement().satisfies(k -> assertThat(k.keyData()).isNotEqualTo(keyData()));
        assertThat(state(robot)).startsWith("Failed");

        // confirmed: tick, red button; the key is replaced and the tunnel is on
        robot.clickOn(review(robot));
        KeyportHarness.awaitShowing(robot, "#changed-key-checked");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#changed-key-checked");
        robot.clickOn("#changed-key-replace");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> state(robot).equals("On"));
        assertThat(trusted()).singleElement().satisfies(k -> assertThat(k.keyData()).isEqualTo(keyData()));
        assertThat(robot.lookup(".review-tunnel-key").match(NodeQueryUtils.isVisible()).tryQuery()).as("nothing left to review").isEmpty();
        assertThat(EchoServer.roundTrip(app.tunnelPort(), "after the new key")).isEqualTo("after the new key");
    }
}
