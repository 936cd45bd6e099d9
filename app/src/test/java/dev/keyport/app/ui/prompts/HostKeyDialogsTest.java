package dev.keyport.app.ui.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.Fingerprints;

/** The server-key dialogs at their default size: every fingerprint and explanation whole, and replacing needs a deliberate yes. */
@ExtendWith(ApplicationExtension.class)
class HostKeyDialogsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        KeyportHarness.showDialogOwner(stage);
    }

    /** The text the person sees in a label (its rendered Text node, which holds "…" when the label is cut). */
    private static String rendered(FxRobot robot, String labelQuery) {
        Node label = robot.lookup(labelQuery).query();
        Text text = robot.from(label).lookup(".text").queryAs(Text.class);
        return text.getText();
    }

    /** True when the node lies wholly inside its window (not cut off by the dialog's edge). */
    private static boolean insideItsWindow(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Scene scene = node.getScene();
        return b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() + 0.5 && b.getMaxY() <= scene.getHeight() + 0.5;
    }

    @Test
    void unknownKeyDialogShowsTheWholeFingerprintAndExplanationAtItsDefaultSize(FxRobot robot) throws Exception {
        String fingerprint = Fingerprints.sha256(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic());
        FxUserPrompter prompter = new FxUserPrompter(() -> stage);
        CompletableFuture<HostKeyAnswer> answer = CompletableFuture.supplyAsync(() -> prompter.confirmUnknownHostKey(
                new HostKeyInfo("database-primary.eu-west.internal.example.com", 2222, "ssh-ed25519", fingerprint)));

        KeyportHarness.awaitShowing(robot, "#host-key-fingerprint");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rendered(robot, "#host-key-fingerprint")).isEqualTo(fingerprint);
        assertThat(rendered(robot, "#host-key-explanation")).doesNotContain("…")
                .endsWith("(on the server: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub).");
        assertThat(insideItsWindow(robot.lookup("#host-key-fingerprint").query())).isTrue();
        assertThat(insideItsWindow(robot.lookup("#host-key-explanation").query())).isTrue();

        robot.clickOn("Cancel");
        assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(HostKeyAnswer.CANCEL);
    }

    @Test
    void changedKeyDialogShowsBothFingerprintsWholeAndReplacesOnlyAfterTheTickAndTheRedButton(FxRobot robot) throws Exception {
        var old = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic();
        var offered = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic();
        HostKeyChange change = new HostKeyChange("db.internal", 2311,
                List.of(new HostKeyChange.Trusted("ecdsa-sha2-nistp256", Fingerprints.sha256(old), "the Keyport vault")), offered);

        // Enter on the freshly opened dialog is Cancel: nothing is replaced by a reflex.
        CompletableFuture<Boolean> first = ask(change);
        Node replace = KeyportHarness.awaitShowing(robot, "#changed-key-replace");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rendered(robot, "#changed-key-trusted-0")).isEqualTo(Fingerprints.sha256(old));
        assertThat(rendered(robot, "#changed-key-offered")).isEqualTo(Fingerprints.sha256(offered));
        assertThat(rendered(robot, "#changed-key-risk")).doesNotContain("…").endsWith("Keyport sent nothing.");
        assertThat(insideItsWindow(robot.lookup("#changed-key-offered").query())).isTrue();
        assertThat(insideItsWindow(robot.lookup("#changed-key-trusted-0").query())).isTrue();
        assertThat(replace.isDisabled()).isTrue();
        assertThat(((Button) replace).isDefaultButton()).isFalse();
        robot.type(KeyCode.ENTER);
        assertThat(first.get(20, TimeUnit.SECONDS)).isFalse();

        CompletableFuture<Boolean> second = ask(change);
        KeyportHarness.awaitShowing(robot, "#changed-key-checked");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#changed-key-checked");
        robot.clickOn("#changed-key-replace");
        assertThat(second.get(20, TimeUnit.SECONDS)).isTrue();
    }

    private CompletableFuture<Boolean> ask(HostKeyChange change) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(ChangedKeyDialog.confirm(stage, change)));
        return answer;
    }
}
