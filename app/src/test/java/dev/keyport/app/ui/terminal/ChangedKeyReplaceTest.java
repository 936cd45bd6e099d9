package dev.keyport.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowWithOpenSshHost;
import dev.keyport.vault.TrustedHostKey;

/**
 * A real sshd gets a new host key: the tab refuses it before logging in, shows both fingerprints, and
 * replaces the trusted key only after the person ticks and presses the red button; then it logs in.
 */
@ExtendWith(ApplicationExtension.class)
class ChangedKeyReplaceTest {

    @RegisterExtension
    final WindowWithOpenSshHost app = WindowWithOpenSshHost.trusted();

    @Test
    void aNewServerKeyIsRefusedThenReplacedOnlyAfterConfirmingAndTheTabLogsIn(FxRobot robot) throws Exception {
        String oldFingerprint = fingerprint(app.sshd().directory().resolve("ssh_host_ed25519_key.pub"));
        app.restartWithNewHostKey();
        String newFingerprint = fingerprint(app.sshd().directory().resolve("ssh_host_ed25519_key.pub"));
        assertThat(newFingerprint).isNotEqualTo(oldFingerprint);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-list").queryAs(ListView.class).getItems().size() == 1);
        robot.doubleClickOn("OpenSSH box");
        KeyportHarness.awaitShowing(robot, "#review-key-button");
        String problem = robot.lookup("#terminal-status").queryAs(Label.class).getText();
        assertThat(problem).contains("has changed").contains(oldFingerprint).contains(newFingerprint);
        assertThat(app.sshd().log()).doesNotContain("Accepted ").doesNotContain("Failed ").doesNotContain("Postponed ");

        // First look, then Cancel: nothing changes.
        robot.clickOn("#review-key-button");
        KeyportHarness.awaitShowing(robot, "#changed-key-offered");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.from(robot.lookup("#changed-key-offered").queryAs(Label.class)).lookup(".text").queryAs(Text.class).getText())
                .isEqualTo(newFingerprint);
        assertThat(robot.from(robot.lookup("#changed-key-trusted-0").queryAs(Label.class)).lookup(".text").queryAs(Text.class).getText())
                .isEqualTo(oldFingerprint);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#changed-key-offered").tryQuery()).isEmpty();
        assertThat(trusted()).singleElement().satisfies(k -> assertThat(k.keyData()).isNotEqualTo(keyData()));

        // Then deliberately: tick, red button. The key is replaced and the tab logs in.
        robot.clickOn("#review-key-button");
        KeyportHarness.awaitShowing(robot, "#changed-key-checked");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#changed-key-checked");
        robot.clickOn("#changed-key-replace");
        KeyportHarness.awaitPrompt(robot, app.window());

        assertThat(trusted()).singleElement().satisfies(k -> assertThat(k.keyData()).isEqualTo(keyData()));
        assertThat(app.sshd().log()).contains("Accepted publickey");
    }

    private List<TrustedHostKey> trusted() throws Exception {
        return app.context().vault().hostKeys().find("127.0.0.1", app.sshd().port());
    }

    private String keyData() throws Exception {
        return app.sshd().hostPublicKey().split(" ")[1];
    }

    private static String fingerprint(Path publicKey) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.split(" ")[1];
    }
}
