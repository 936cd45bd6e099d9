package dev.keyport.app.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.AutoLock;
import dev.keyport.app.ui.TextFit;
import dev.keyport.app.ui.shell.Theme;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The dialogs before the main window and after a lock, headless (Monocle), against a real vault. Defect #9 of issue 12. */
class UnlockDialogTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Vault opened;

    @BeforeEach
    void startFx() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> Theme.apply(false)).get(10, TimeUnit.SECONDS); // as DesktopApp does: the app's colours
    }

    @AfterEach
    void closeVault() throws Exception {
        if (opened != null) {
            opened.close();
        }
        background.shutdownNow();
        FxToolkit.cleanupStages();
    }

    private CompletableFuture<Optional<Vault>> show(boolean create, UnlockViewModel.Opener opener) {
        CompletableFuture<Optional<Vault>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(UnlockDialog.show(null, create, dir.toString(), opener, background)));
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    private CompletableFuture<Optional<Vault>> show(boolean create) {
        return show(create, pw -> create ? Vault.create(dir, pw, KdfParameters.FLOOR) : Vault.unlock(dir, pw));
    }

    /** {@code opener}, once {@code release} is counted down: the vault is "being opened" until then. */
    private static UnlockViewModel.Opener after(CountDownLatch release, UnlockViewModel.Opener opener) {
        return pw -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return opener.open(pw);
        };
    }

    private void type(String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(PasswordField.class).setText(text));
    }

    private void press() {
        robot.interact(() -> robot.lookup("#unlock-button").queryAs(Button.class).fire());
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private boolean showing(String id) {
        Node node = robot.lookup(id).tryQuery().orElse(null);
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null && node.getScene() != null;
    }

    /** Every cut text in every window shown. */
    private List<String> cutTexts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                .flatMap(w -> TextFit.cutTexts(w.getScene().getRoot()).stream()).toList()).get(10, TimeUnit.SECONDS);
    }

    private void assertDirectlyUnder(String problemId, String fieldId) {
        WaitForAsyncUtils.waitForFxEvents(); // laid out
        Node field = robot.lookup(fieldId).query();
        Node problem = robot.lookup(problemId).query();
        Bounds f = field.localToScene(field.getLayoutBounds());
        Bounds p = problem.localToScene(problem.getLayoutBounds());
        assertThat(p.getMinX()).as(problemId + " starts where its field starts").isCloseTo(f.getMinX(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(p.getMinY() - f.getMaxY()).as(problemId + " sits right under its field").isBetween(0.0, 6.0);
    }

    @Test
    void firstRunAsksForAConfirmedPasswordWithAStrengthHintThenCreatesTheVault() throws Exception {
        CompletableFuture<Optional<Vault>> answer = show(true);
        assertThat(text("#master-password-advice")).contains("12 or more characters").contains("four or more random words");
        type("#master-password", "short");
        assertThat(text("#master-password-strength")).startsWith("Weak");
        type("#master-password-confirm", "short");
        press();
        assertThat(text("#master-password-problem")).isEqualTo("Use at least 8 characters.");
        assertDirectlyUnder("#master-password-problem", "#master-password");

        type("#master-password", "correct horse battery staple");
        type("#master-password-confirm", "correct horse battery stapler");
        press();
        assertThat(text("#master-password-confirm-problem")).isEqualTo("The two passwords are not the same.");
        assertDirectlyUnder("#master-password-confirm-problem", "#master-password-confirm");
        assertThat(showing("#master-password-problem")).as("the password's old problem is gone").isFalse();
        assertThat(Vault.exists(dir)).isFalse();

        type("#master-password-confirm", "correct horse battery staple");
        assertThat(text("#master-password-strength")).isEqualTo("Strong.");
        press();
        opened = answer.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(opened.isLocked()).isFalse();
        assertThat(Vault.exists(dir)).isTrue();
    }

    @Test
    void aWeakPasswordNeedsAConfirmedChoice() throws Exception {
        CompletableFuture<Optional<Vault>> answer = show(true);
        assertThat(showing("#accept-weak-password")).as("no choice before a weak password is typed").isFalse();
        type("#master-password", "password1");
        type("#master-password-confirm", "password1");
        assertThat(showing("#accept-weak-password")).isTrue();
        press();
        assertThat(text("#master-password-problem")).startsWith("This password is weak");
        assertDirectlyUnder("#master-password-problem", "#master-password");
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS); // give a wrongly accepted password time to create the vault
        assertThat(Vault.exists(dir)).as("a weak password is not taken without a second thought").isFalse();
        assertThat(cutTexts()).as("nothing cut with the weak-password choice showing").isEmpty();

        robot.interact(() -> robot.lookup("#accept-weak-password").queryAs(CheckBox.class).setSelected(true));
        press();
        opened = answer.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(Vault.exists(dir)).isTrue();
    }

    @Test
    void escapeCancelsEnterUnlocksAndTheWindowStaysWhileTheVaultOpens() throws Exception {
        Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR).close();
        CompletableFuture<Optional<Vault>> cancelled = show(false);
        robot.type(KeyCode.ESCAPE);
        assertThat(cancelled.get(10, TimeUnit.SECONDS)).as("Escape cancels").isEmpty();

        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<Vault>> answer = show(false, after(release, pw -> Vault.unlock(dir, pw)));
        type("#master-password", "the right password");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing("#unlock-progress"));
        Window window = robot.lookup("#master-password").query().getScene().getWindow();
        robot.interact(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(window.isShowing()).as("closing is refused while the vault opens").isTrue();
        assertThat(answer).isNotDone();
        release.countDown();
        opened = answer.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(window.isShowing()).as("gone once the vault is open").isFalse();
    }

    @Test
    void creatingTheVaultLooksLikeProgressNotLikeAnError() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<Vault>> answer = show(true, after(release, pw -> Vault.create(dir, pw, KdfParameters.FLOOR)));
        type("#master-password", "correct horse battery staple");
        type("#master-password-confirm", "correct horse battery staple");
        press();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing("#unlock-progress"));
        Label progress = robot.lookup("#unlock-progress").queryAs(Label.class);
        Label anError = robot.lookup("#master-password-problem").queryAs(Label.class);
        assertThat(progress.getText()).isEqualTo("Creating the vault…");
        assertThat(progress.getStyleClass()).doesNotContain(Styles.DANGER);
        Paint progressColour = WaitForAsyncUtils.asyncFx(progress::getTextFill).get();
        Paint errorColour = WaitForAsyncUtils.asyncFx(anError::getTextFill).get();
        assertThat(progressColour).as("progress is not in the error colour").isNotEqualTo(errorColour);
        assertThat(showing("#unlock-problem")).isFalse();
        assertThat(cutTexts()).isEmpty();
        release.countDown();
        opened = answer.get(30, TimeUnit.SECONDS).orElseThrow();
    }

    @Test
    void nothingIsCutOffAtTheDefaultSize() throws Exception {
        CompletableFuture<Optional<Vault>> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(UnlockDialog.showFirstStart(null, true, dir.toString(),
                pw -> Vault.create(dir, pw, KdfParameters.FLOOR), background).map(UnlockDialog.FirstStart::vault)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#unlock-intro")).contains("cannot be recovered if you forget it");
        assertThat(cutTexts()).as("first start, as it opens").isEmpty();
        type("#master-password", "abc");
        press();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutTexts()).as("with a problem shown").isEmpty();
        robot.interact(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> "Cancel".equals(b.getText())).findFirst().orElseThrow().fire());
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aWrongPasswordSaysSoUnderThePasswordAndTheRightOneUnlocks() throws Exception {
        Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR).close();
        CompletableFuture<Optional<Vault>> answer = show(false);
        type("#master-password", "a wrong password");
        press();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#master-password-problem").equals("Wrong master password"));
        assertDirectlyUnder("#master-password-problem", "#master-password");
        assertThat(answer).isNotDone();

        type("#master-password", "the right password");
        press();
        opened = answer.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(opened.hosts().list()).isEmpty();
    }

    @Test
    void aSecondKeyportIsToldTheVaultIsOpenBeforeBeingAskedForThePassword() throws Exception {
        opened = Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR); // the first window holds it
        CompletableFuture<Optional<UnlockDialog.FirstStart>> second = CompletableFuture.supplyAsync(
                () -> UnlockDialog.askForVault(dir, background, () -> KdfParameters.FLOOR));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing("#already-open-title"));
        assertThat(text("#already-open-title")).isEqualTo("Keyport is already open in another window.");
        assertThat(text("#already-open-explanation")).contains("Switch to that window");
        assertThat(robot.lookup("#master-password").tryQuery()).as("no password asked").isEmpty();
        assertThat(cutTexts()).isEmpty();
        robot.interact(() -> robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> "Close".equals(b.getText())).findFirst().orElseThrow().fire());
        assertThat(second.get(10, TimeUnit.SECONDS)).isEmpty();

        opened.close();
        opened = null;
        CompletableFuture<Optional<UnlockDialog.FirstStart>> alone = CompletableFuture.supplyAsync(
                () -> UnlockDialog.askForVault(dir, background, () -> KdfParameters.FLOOR));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> showing("#master-password"));
        type("#master-password", "the right password");
        press();
        opened = alone.get(30, TimeUnit.SECONDS).orElseThrow().vault();
    }

    static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private LockScreen lockScreen(Stage[] stage, MovableClock clock) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            stage[0] = new Stage();
            stage[0].setScene(new javafx.scene.Scene(new Label("the window"), 400, 300));
            stage[0].show();
            return LockScreen.install(opened, stage[0], background, clock, Duration.ofMillis(50));
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aManualLockSaysYouLockedItNotThatItWasIdle() throws Exception {
        opened = Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR);
        AutoLock.saveMinutes(opened.settings(), 0);
        Stage[] stage = new Stage[1];
        try (LockScreen lock = lockScreen(stage, new MovableClock())) {
            lock.lockNow();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing("#lock-reason"));
            assertThat(text("#unlock-title")).isEqualTo("Keyport is locked");
            assertThat(text("#lock-reason")).startsWith("You locked Keyport.").doesNotContain("idle").doesNotContain("activity");
            assertThat(cutTexts()).isEmpty();
            type("#master-password", "the right password");
            press();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !opened.isLocked() && !showing("#lock-reason"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage[0].getScene().getRoot().isVisible());
        }
    }

    @Test
    void anIdleLockSaysHowManyMinutes() throws Exception {
        opened = Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR);
        AutoLock.saveMinutes(opened.settings(), 1);
        MovableClock clock = new MovableClock();
        Stage[] stage = new Stage[1];
        try (LockScreen lock = lockScreen(stage, clock)) {
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> showing("#lock-reason"));
            assertThat(text("#lock-reason")).startsWith("Keyport locked itself after 1 minute without activity");
            assertThat(stage[0].getScene().getRoot().isVisible()).as("the window's content is hidden").isFalse();
        }
    }
}
