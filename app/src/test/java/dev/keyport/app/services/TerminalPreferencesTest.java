package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** Terminal settings in a real vault: saved values come back, unusable ones read as the default. */
class TerminalPreferencesTest {

    @TempDir
    Path dir;

    @Test
    void savedOptionsComeBackAndUnusableOnesReadAsDefaults() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            TerminalPreferences prefs = new TerminalPreferences(vault.settings());
            assertThat(prefs.options()).isEqualTo(TerminalOptions.defaults());
            prefs.setFontFamily("DejaVu Sans Mono");
            prefs.setFontSize(20);
            prefs.setCopyOnSelect(true);
            prefs.setBell(TerminalBell.SOUND);
            prefs.setScrollbackLines(300);
            assertThat(prefs.options()).isEqualTo(new TerminalOptions("DejaVu Sans Mono", 20, 300, true, TerminalBell.SOUND));

            vault.settings().put(TerminalPreferences.FONT_SIZE_SETTING, "200");
            vault.settings().put(TerminalPreferences.BELL_SETTING, "trumpet");
            vault.settings().put(TerminalPreferences.SCROLLBACK_SETTING, "lots");
            TerminalOptions read = prefs.options();
            assertThat(read.fontSize()).isEqualTo(TerminalOptions.DEFAULT_FONT_SIZE);
            assertThat(read.bell()).isEqualTo(TerminalBell.VISUAL);
            assertThat(read.scrollbackLines()).isEqualTo(10_000);
            assertThat(read.fontFamily()).isEqualTo("DejaVu Sans Mono");
        }
    }

    @Test
    void theThemeModeIsSavedAndAnUnknownOneReadsAsLight() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            AppearancePreferences appearance = new AppearancePreferences(vault.settings());
            assertThat(appearance.mode()).isEqualTo(ThemeMode.LIGHT);
            appearance.setMode(ThemeMode.SYSTEM);
            assertThat(appearance.mode()).isEqualTo(ThemeMode.SYSTEM);
            assertThat(appearance.dark()).isFalse();
            appearance.setDark(true);
            assertThat(appearance.mode()).isEqualTo(ThemeMode.DARK);
            vault.settings().put(AppearancePreferences.THEME_SETTING, "sepia");
            assertThat(appearance.mode()).isEqualTo(ThemeMode.LIGHT);
        }
    }
}
