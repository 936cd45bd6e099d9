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
    void aNewPasswordMustBeLongEnoughAndConfirmedBeforeTheVaultIsCreated() {
        UnlockViewModel model = creating();
        model.submit("short".toCharArray(), "short".toCharArray());
        assertThat(model.problemProperty().get()).isEqualTo("Use at least 8 characters.");
        model.submit("correct horse battery staple".toCharArray(), "correct horse battery stapler".toCharArray());
        assertThat(model.problemProperty().get()).isEqualTo("The two passwords are not the same.");
        assertThat(Vault.exists(dir)).isFalse();

        char[] password = "correct horse battery staple".toCharArray();
        model.submit(password, "correct horse battery staple".toCharArray());
        opened = model.openedProperty().get();
        assertThat(opened).isNotNull();
        assertThat(Vault.exists(dir)).isTrue();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(password).as("wiped after use").containsOnly('\0');
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
    }

    @Test
    void aWrongPasswordSaysSoAndTheRightOneUnlocks() throws Exception {
        Vault.create(dir, "the right password".toCharArray(), KdfParameters.FLOOR).close();
        UnlockViewModel model = new UnlockViewModel(false, pw -> Vault.unlock(dir, pw), Runnable::run, Runnable::run);
        model.submit("a wrong password".toCharArray(), null);
        assertThat(model.problemProperty().get()).isEqualTo("Wrong master password");
        assertThat(model.openedProperty().get()).isNull();

        model.submit("the right password".toCharArray(), null);
        opened = model.openedProperty().get();
        assertThat(opened.hosts().list()).isEmpty();
    }
}
