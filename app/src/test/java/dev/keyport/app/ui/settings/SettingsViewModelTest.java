package dev.keyport.app.ui.settings;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.SystemTheme;
import dev.keyport.app.services.TerminalBell;
import dev.keyport.app.services.TerminalOptions;
import dev.keyport.app.services.ThemeMode;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The Settings page's state without a window, on a real vault: every setting is saved and read back. */
class SettingsViewModelTest {

    @TempDir
    Path dir;
    private KeyportContext context;
    /** A GNOME desktop that asks for dark. */
    private final SystemTheme darkDesktop = new SystemTheme("Linux", java.util.Map.of(),
            command -> command.contains("color-scheme") ? Optional.of("'prefer-dark'\n") : Optional.empty());

    @BeforeEach
    void open() throws Exception {
        context = new KeyportContext(Vault.create(dir, "test master password".toCharArray(), KdfParameters.FLOOR),
                new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
    }

    @AfterEach
    void close() {
        context.close();
    }

    private SettingsViewModel model() {
        return new SettingsViewModel(context, SettingsViewModel.load(context, darkDesktop), darkDesktop, Runnable::run);
    }

    @Test
    void aNewVaultStartsWithTheDefaults() {
        SettingsViewModel model = model();
        assertThat(model.themeProperty().get()).isEqualTo(ThemeMode.LIGHT);
        assertThat(model.darkProperty().get()).isFalse();
        assertThat(model.terminalOptions()).isEqualTo(TerminalOptions.defaults());
        assertThat(model.autoLockMinutesProperty().get()).isEqualTo(15);
        assertThat(model.hostKeyPolicyProperty().get()).isEqualTo(HostKeyPolicy.ASK);
    }

    @Test
    void everySettingIsSavedInTheVaultAndReadBack() {
        SettingsViewModel model = model();
        model.themeProperty().set(ThemeMode.DARK);
        model.fontFamilyProperty().set("DejaVu Sans Mono");
        model.fontSizeProperty().set(18);
        model.scrollbackProperty().set("2500");
        model.commitScrollback();
        model.copyOnSelectProperty().set(true);
        model.bellProperty().set(TerminalBell.OFF);
        model.autoLockMinutesProperty().set(0);
        model.hostKeyPolicyProperty().set(HostKeyPolicy.ACCEPT_NEW);

        TerminalOptions expected = new TerminalOptions("DejaVu Sans Mono", 18, 2500, true, TerminalBell.OFF);
        assertThat(model.terminalOptions()).as("what a tab opened now uses").isEqualTo(expected);
        SettingsViewModel.Saved wanted = new SettingsViewModel.Saved(ThemeMode.DARK, false, expected, 0, HostKeyPolicy.ACCEPT_NEW);
        await("every setting saved", Duration.ofSeconds(10), () -> SettingsViewModel.load(context, darkDesktop).equals(wanted),
                () -> SettingsViewModel.load(context, darkDesktop).toString());
        assertThat(context.connectionPreferences().defaultHostKeyPolicy()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);

        SettingsViewModel again = model();
        assertThat(again.terminalOptions()).isEqualTo(expected);
        assertThat(again.themeProperty().get()).isEqualTo(ThemeMode.DARK);
        assertThat(again.autoLockMinutesProperty().get()).isZero();
        assertThat(again.hostKeyPolicyProperty().get()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
    }

    @Test
    void followingTheSystemAsksTheDesktopAndTheSwitchMakesAnExplicitChoice() {
        SettingsViewModel model = model();
        model.themeProperty().set(ThemeMode.SYSTEM);
        await("the desktop's answer", Duration.ofSeconds(10), () -> model.darkProperty().get(), () -> "light");
        assertThat(model.systemDarkProperty().get()).isTrue();

        model.toggleTheme();
        assertThat(model.themeProperty().get()).as("the opposite of what shows").isEqualTo(ThemeMode.LIGHT);
        assertThat(model.darkProperty().get()).isFalse();
        await("light saved", Duration.ofSeconds(10), () -> context.appearance().mode() == ThemeMode.LIGHT,
                () -> context.appearance().mode().toString());
    }

    @Test
    void aScrollbackOutOfRangeIsNotSavedAndSaysWhy() {
        SettingsViewModel model = model();
        model.scrollbackProperty().set("250000");
        model.commitScrollback();
        assertThat(model.scrollbackProblemProperty().get()).startsWith("At most 100,000 lines");
        assertThat(model.scrollbackLinesProperty().get()).isEqualTo(10_000);
        model.scrollbackProperty().set("");
        assertThat(model.scrollbackProblemProperty().get()).isEqualTo("Enter a number of lines.");
        model.scrollbackProperty().set("750");
        assertThat(model.scrollbackProblemProperty().get()).isEmpty();
        assertThat(model.scrollbackLinesProperty().get()).as("not before the person is done typing").isEqualTo(10_000);
        model.commitScrollback();
        assertThat(model.scrollbackLinesProperty().get()).isEqualTo(750);
    }

    @Test
    void valuesOutsideTheirRangeAreIgnored() {
        SettingsViewModel model = model();
        model.fontSizeProperty().set(99);
        assertThat(model.fontSizeProperty().get()).isEqualTo(14);
        model.autoLockMinutesProperty().set(-1);
        assertThat(model.autoLockMinutesProperty().get()).isEqualTo(15);
    }

    @Test
    void aSettingThatCannotBeSavedSaysSoAndStillApplies() {
        SettingsViewModel model = model();
        context.vault().lock();
        model.bellProperty().set(TerminalBell.SOUND);
        await("a problem", Duration.ofSeconds(10), () -> !model.problemProperty().get().isEmpty(), () -> "none");
        assertThat(model.problemProperty().get()).startsWith("Keyport could not save the bell in the vault: The vault is locked");
        assertThat(model.terminalOptions().bell()).isEqualTo(TerminalBell.SOUND);
    }

    @Test
    void savesLandInTheOrderTheyWereMade() throws Exception {
        SettingsViewModel model = model();
        for (int size : List.of(15, 16, 17, 18, 19, 20, 12)) {
            model.fontSizeProperty().set(size);
        }
        model.whenSaved().get(10, TimeUnit.SECONDS);
        assertThat(context.terminalPreferences().options().fontSize()).isEqualTo(12);
    }
}
