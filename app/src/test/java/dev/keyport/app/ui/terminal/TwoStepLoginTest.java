package dev.keyport.app.ui.terminal;

import dev.keyport.app.ui.KeyportHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.WindowWithLocalServer;
import dev.keyport.terminal.demo.LocalSshServer;

/** A server with a second factor: its questions come in one dialog, hidden where the server hides them. */
@ExtendWith(ApplicationExtension.class)
class TwoStepLoginTest {

    @RegisterExtension
    final WindowWithLocalServer app = WindowWithLocalServer.on(() -> LocalSshServer.start("tester", "correct horse", "424242"), "tester")
            .passwordHost("2FA server");

    @Test
    void passwordAndCodeAreAskedTogetherAndLogIn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("2FA server").tryQuery().isPresent());
        robot.doubleClickOn("2FA server");

        Node password = KeyportHarness.awaitShowing(robot, "#prompt-field-0");
        Node code = robot.lookup("#prompt-field-1").query();
        assertThat(password).isInstanceOf(PasswordField.class);
        assertThat(code).isInstanceOf(TextField.class).isNotInstanceOf(PasswordField.class);
        assertThat(robot.lookup("Log in with your password and the code from your authenticator app.").tryQuery()).isPresent();

        robot.clickOn(password).write("correct horse");
        robot.clickOn(code).write("424242").type(KeyCode.ENTER);

        KeyportHarness.awaitPrompt(robot, app.window());
        assertThat(app.server().authAttempts()).isEqualTo(1);
    }
}
