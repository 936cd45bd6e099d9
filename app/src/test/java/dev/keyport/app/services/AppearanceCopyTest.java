package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.ui.settings.SettingsViewModel;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * The theme before the vault opens: the choice made in Settings is copied in plaintext beside the
 * vault, and the unlock dialog's theme is read from that copy, never waiting long on the desktop.
 */
class AppearanceCopyTest {

    @TempDir
    Path dir;

    private static final SystemTheme DARK_DESKTOP = new SystemTheme("Linux", Map.of(),
            command -> command.contains("color-scheme") ? Optional.of("'prefer-dark'\n") : Optional.empty());

    @Test
    void aDarkThemeChosenInSettingsMakesTheNextUnlockDialogDark() throws Exception {
        AppearanceCopy copy = new AppearanceCopy(dir);
        assertThat(copy.darkBeforeUnlock(DARK_DESKTOP)).as("no vault yet: light").isFalse();
        try (KeyportContext context = new KeyportContext(Vault.create(dir, "test master password".toCharArray(), KdfParameters.FLOOR),
                new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
            SettingsViewModel settings = new SettingsViewModel(context, SettingsViewModel.load(context, DARK_DESKTOP), DARK_DESKTOP,
                    Runnable::run);
            settings.themeProperty().set(ThemeMode.DARK);
            settings.whenSaved().join();
        }
        assertThat(copy.mode()).contains(ThemeMode.DARK);
        assertThat(copy.darkBeforeUnlock(DARK_DESKTOP)).as("the vault is closed, the dialog is dark").isTrue();
        assertThat(Files.readString(copy.file()).strip()).as("one word, nothing secret").isEqualTo("dark");
    }

    @Test
    void followTheSystemAsksTheDesktop() {
        AppearanceCopy copy = new AppearanceCopy(dir);
        copy.keep(ThemeMode.SYSTEM);
        assertThat(copy.darkBeforeUnlock(DARK_DESKTOP)).isTrue();
        assertThat(copy.darkBeforeUnlock(new SystemTheme("Linux", Map.of(), command -> Optional.empty()))).isFalse();
    }

    @Test
    void aDesktopThatNeverAnswersLeavesTheDialogLightInsteadOfHoldingItBack() {
        CountDownLatch never = new CountDownLatch(1);
        SystemTheme stuck = new SystemTheme("Linux", Map.of(), command -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of("'prefer-dark'\n");
        });
        AppearanceCopy copy = new AppearanceCopy(dir);
        copy.keep(ThemeMode.SYSTEM);
        try {
            assertThat(copy.darkBeforeUnlock(stuck)).isFalse();
        } finally {
            never.countDown();
        }
    }

    @Test
    void aVaultFromBeforeTheCopyGetsOneWhenItsSettingsAreRead() throws Exception {
        try (KeyportContext context = new KeyportContext(Vault.create(dir, "test master password".toCharArray(), KdfParameters.FLOOR),
                new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
            new AppearancePreferences(context.vault().settings()).setMode(ThemeMode.DARK); // saved without the copy
            Files.deleteIfExists(new AppearanceCopy(dir).file());
            SettingsViewModel.load(context, DARK_DESKTOP);
        }
        assertThat(new AppearanceCopy(dir).mode()).contains(ThemeMode.DARK);
    }

    @Test
    void aMissingOrUnreadableCopyIsLight() throws Exception {
        AppearanceCopy copy = new AppearanceCopy(dir);
        assertThat(copy.mode()).isEmpty();
        Files.writeString(copy.file(), "purple\n");
        assertThat(copy.mode()).isEmpty();
        assertThat(copy.darkBeforeUnlock(DARK_DESKTOP)).isFalse();
        Files.writeString(copy.file(), "x".repeat(1000));
        assertThat(copy.mode()).isEmpty();
    }
}
