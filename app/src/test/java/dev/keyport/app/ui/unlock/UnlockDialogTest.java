package dev.keyport.app.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The dialog before the main window, headless (Monocle), against a real vault. */
class UnlockDialogTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private Vault opened;

    @BeforeEach
    void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeVault() throws Exception {
        if (opened != null) {
            opened.close();
        }
        FxToolkit.cleanupStages();
    }

    private CompletableFuture<Optional<Vault>> show(boolean create) {
        CompletableFuture<Optional<Vault>> answer = new CompletableFuture<>();
        var background = Executors.newSingleThreadExecutor();
        Platform.runLater(() -> answer.complete(UnlockDialog.show(null, create, dir.toString(),
                pw -> create ? Vault.create(dir, pw, KdfParameters.FLOOR) : Vault.unlock(dir, pw), background)));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(PasswordField.class).setText(text));
    }

    private void press() {
        robot.interact(() -> robot.lookup("#unlock-button").queryAs(Button.class).fire());
    }

    private String problem() {
        return robot.lookup("#unlock-problem").queryAs(Label.class).getText();
    }

    @Test
    void firstRunAsksForAConfirmedPasswordWithAStrengthHintThenCreatesTheVault() throws Exception {
        CompletableFuture<Optional<Vault>> answer = show(true);
        type("#master-password", "short");
        assertThat(robot.lookup("#master-password-strength").queryAs(Label.class).getText()).startsWith("Weak");
        type("#master-password-confirm", "short");
        press();
        assertThat(problem()).isEqualTo("Use at least 8 characters.");

        type("#master-password", "correct horse battery staple");
        type("#master-password-confirm", "correct horse battery stapler");
        press();
        assertThat(problem()).isEqualTo("The two passwords are not the same.");
        assertThat(Vault.exists(dir)).isFalse();

        type("#master-password-confirm", "correct horse battery staple");
        assertThat(robot.lookup("#master-password-strength").queryAs(Label.class).getText()).isEqualTo("Strong.");
        press();
        opened = answer.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(opened.isLocked()).isFalse();
        assertThat(Vault.exists(dir)).isTrue();
    }

    @Test
    void aWrongPasswordSaysSoAndTheRightOneUnlocks() throws Exception {
        Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR).close();
        CompletableFuture<Optional<Vault>> answer = show(false);
        type("#master-password", "a wrong password");
        press();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> problem().equals("Wrong master password"));
        assertThat(answer).isNotDone();

        type("#master-password", "the right password");
        press();
        opened = answer.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(opened.hosts().list()).isEmpty();
    }
}
