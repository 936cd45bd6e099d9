package dev.keyport.app.ui.terminal;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowWithOpenSshHost;
import static dev.keyport.app.ui.KeyportHarness.awaitScreen;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

/** The same first steps against a real OpenSSH sshd: trust its key, get a real PTY of the right size. */
@ExtendWith(ApplicationExtension.class)
class OpenSshTerminalTest {

    @RegisterExtension
    final WindowWithOpenSshHost app = WindowWithOpenSshHost.untrusted();

    @Test
    void trustedKeyPtyTypeAndSizeFollowTheWidget(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-list").queryAs(ListView.class).getItems().size() == 1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("OpenSSH box").tryQuery().isPresent());
        robot.doubleClickOn("OpenSSH box");

        // Unknown key: the dialog shows the fingerprint exactly as the real ssh-keygen prints it.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#host-key-fingerprint").tryQuery().isPresent());
        String shown = robot.lookup("#host-key-fingerprint").queryAs(javafx.scene.control.Label.class).getText();
        assertThat(shown).isEqualTo(sshKeygenFingerprint(app.sshd().directory().resolve("ssh_host_ed25519_key.pub")));
        assertThat(robot.lookup("ssh-ed25519").tryQuery()).isPresent();
        robot.clickOn("Trust and connect");

        KeyportHarness.awaitPrompt(robot, app.window());
        robot.write("echo term=$TERM").type(KeyCode.ENTER);
        awaitScreen(robot, app.window(), "term=xterm-256color", Duration.ofSeconds(20));

        String before = size();
        robot.write("stty size").type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window(), before);

        robot.interact(() -> {
            app.stage().setWidth(app.stage().getWidth() - 300);
            app.stage().setHeight(app.stage().getHeight() - 200);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !size().equals(before));
        String after = size();
        robot.write("clear; stty size").type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window(), after);
        assertThat(after).isNotEqualTo(before);

        // The key was saved: the vault now trusts it for this host and port.
        assertThat(app.context().vault().hostKeys().find("127.0.0.1", app.sshd().port())).singleElement()
                .satisfies(k -> assertThat(k.keyType()).isEqualTo("ssh-ed25519"));
    }

    /** "rows columns" as {@code stty size} prints it, from the widget's own buffer. */
    private String size() {
        TerminalTextBuffer buffer = KeyportHarness.newestTab(app.window()).widget().getTerminalTextBuffer();
        return buffer.getHeight() + " " + buffer.getWidth();
    }

    private static String sshKeygenFingerprint(Path publicKey) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.split(" ")[1];
    }
}
