package dev.keyport.app.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.PasswordStrength;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** Creating and unlocking the vault without a window, on a real vault (both executors run at once here). */
class UnlockViewModelTest {

    @TempDir
    Path dir;
    private Vault opened;

    @AfterEach
    void close() {
        if (opened != null) {
            opened.close();
        }
    }

    private UnlockViewModel creating() {
        return new UnlockViewModel(true, pw -> Vault.create(dir, pw, KdfParameters.FLOOR), Runnable::run, Runnable::run);
    }

    @Test
    void aNewPasswordMustBeLongEnoughAndConfirmedBeforeTheVaultIsCreatedEachProblemOnItsField() {
        UnlockViewModel model = creating();
        model.submit("short".toCharArray(), "short".toCharArray());
        assertThat(model.passwordProblemProperty().get()).isEqualTo("Use at least 8 characters.");
        assertThat(model.confirmProblemProperty().get()).isEmpty();
        model.submit("correct horse battery staple".toCharArray(), "correct horse battery stapler".toCharArray());
        assertThat(model.passwordProblemProperty().get()).isEmpty();
        assertThat(model.confirmProblemProperty().get()).isEqualTo("The two passwords are not the same.");
        assertThat(Vault.exists(dir)).isFalse();

        char[] password = "correct horse battery staple".toCharArray();
        model.submit(password, "correct horse battery staple".toCharArray());
        opened = model.openedProperty().get();
        assertThat(opened).isNotNull();
        assertThat(Vault.exists(dir)).isTrue();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.passwordProblemProperty().get()).isEmpty();
        assertThat(model.confirmProblemProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(password).as("wiped after use").containsOnly('\0');
    }

    @Test
    void aWeakPasswordIsRefusedUntilThePersonConfirmsTheChoice() {
        UnlockViewModel model = creating();
        model.passwordTyped("password1".toCharArray());
        assertThat(model.strengthProperty().get()).isEqualTo(PasswordStrength.WEAK);
        assertThat(model.weakProperty().get()).as("the choice is offered").isTrue();

        model.submit("password1".toCharArray(), "password1".toCharArray());
        assertThat(model.passwordProblemProperty().get()).startsWith("This password is weak")
                .contains("Use this weak password anyway");
        assertThat(Vault.exists(dir)).as("not created without a second thought").isFalse();

        model.acceptWeakProperty().set(true);
        model.passwordTyped("password2".toCharArray());
        assertThat(model.acceptWeakProperty().get()).as("a new password needs a new confirmation").isFalse();
        model.acceptWeakProperty().set(true);
        model.submit("password2".toCharArray(), "password2".toCharArray());
        opened = model.openedProperty().get();
        assertThat(opened).as(model.passwordProblemProperty().get()).isNotNull();
    }

    @Test
    void evenAConfirmedWeakPasswordMustReachTheFloor() {
        UnlockViewModel model = creating();
        model.passwordTyped("abc".toCharArray());
        assertThat(model.weakProperty().get()).as("no choice below the floor").isFalse();
        model.acceptWeakProperty().set(true);
        model.submit("abc".toCharArray(), "abc".toCharArray());
        assertThat(model.passwordProblemProperty().get()).isEqualTo("Use at least 8 characters.");
        assertThat(Vault.exists(dir)).isFalse();
    }

    @Test
    void progressIsProgressNotAProblem() {
        java.util.List<Runnable> later = new java.util.ArrayList<>();
        UnlockViewModel model = new UnlockViewModel(true, pw -> Vault.create(dir, pw, KdfParameters.FLOOR), later::add, Runnable::run);
        model.submit("correct horse battery staple".toCharArray(), "correct horse battery staple".toCharArray());
        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).isEqualTo("Creating the vault…");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.passwordProblemProperty().get()).isEmpty();
        later.forEach(Runnable::run);
        opened = model.openedProperty().get();
        assertThat(model.progressProperty().get()).isEmpty();
    }

    @Test
    void theStrengthIsRatedAsThePersonTypes() {
        UnlockViewModel model = creating();
        char[] typed = "short".toCharArray();
        model.passwordTyped(typed);
        assertThat(model.strengthProperty().get()).isEqualTo(PasswordStrength.WEAK);
        assertThat(typed).containsOnly('\0');
        model.passwordTyped("correct horse battery staple".toCharArray());
        assertThat(model.strengthProperty().get()).isEqualTo(PasswordStrength.STRONG);
        assertThat(model.weakProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordSaysSoUnderThePasswordAndTheRightOneUnlocks() throws Exception {
        Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR).close();
        UnlockViewModel model = new UnlockViewModel(false, pw -> Vault.unlock(dir, pw), Runnable::run, Runnable::run);
        model.submit("a wrong password".toCharArray(), null);
        assertThat(model.passwordProblemProperty().get()).isEqualTo("Wrong master password");
        assertThat(model.openedProperty().get()).isNull();

        model.submit("the right password".toCharArray(), null);
        opened = model.openedProperty().get();
        assertThat(opened.hosts().list()).isEmpty();
    }

    @Test
    void unlockingAnExistingVaultNeverAsksForStrength() throws Exception {
        Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR).close();
        UnlockViewModel model = new UnlockViewModel(false, pw -> Vault.unlock(dir, pw), Runnable::run, Runnable::run);
        model.passwordTyped("pw".toCharArray());
        assertThat(model.weakProperty().get()).isFalse();
        model.submit("pw".toCharArray(), null);
        opened = model.openedProperty().get();
        assertThat(opened).isNotNull();
    }
}
