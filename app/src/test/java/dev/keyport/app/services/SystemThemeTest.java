package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** "Follow the system": each desktop's answer read as its own tools print it, and light whenever unsure. */
class SystemThemeTest {

    private static SystemTheme linux(Map<String, String> env, String colorScheme, String gtkTheme) {
        return new SystemTheme("Linux", env, command -> {
            if (command.equals(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))) {
                return Optional.ofNullable(colorScheme);
            }
            if (command.equals(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))) {
                return Optional.ofNullable(gtkTheme);
            }
            return Optional.empty();
        });
    }

    @Test
    void gnomeColourSchemeDecidesThenTheGtkThemeName() {
        assertThat(linux(Map.of(), "'prefer-dark'\n", "'Adwaita'\n").prefersDark()).isTrue();
        assertThat(linux(Map.of(), "'prefer-light'\n", "'Adwaita-dark'\n").prefersDark()).isFalse();
        assertThat(linux(Map.of(), "'default'\n", "'Adwaita-dark'\n").prefersDark()).isTrue();
        assertThat(linux(Map.of(), "'default'\n", "'Yaru'\n").prefersDark()).isFalse();
        assertThat(linux(Map.of(), null, "'Arc-Dark'\n").prefersDark()).as("older GNOME: no colour-scheme key").isTrue();
    }

    @Test
    void gtkThemeVariableWinsAndNoDesktopMeansLight() {
        assertThat(linux(Map.of("GTK_THEME", "Adwaita:dark"), "'prefer-light'", null).prefersDark()).isTrue();
        assertThat(linux(Map.of("GTK_THEME", "Adwaita"), "'prefer-dark'", null).prefersDark()).isFalse();
        assertThat(linux(Map.of(), null, null).prefersDark()).as("no gsettings (openbox, a server)").isFalse();
    }

    @Test
    void macOsAndWindowsAreAskedTheirOwnWay() {
        assertThat(new SystemTheme("Mac OS X", Map.of(), c -> c.get(0).equals("defaults") ? Optional.of("Dark\n") : Optional.empty())
                .prefersDark()).isTrue();
        assertThat(new SystemTheme("Mac OS X", Map.of(), c -> Optional.empty()).prefersDark()).as("light mode: no key").isFalse();
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertThat(new SystemTheme("Windows 11", Map.of(), c -> Optional.of(dark)).prefersDark()).isTrue();
        assertThat(new SystemTheme("Windows 11", Map.of(), c -> Optional.of(dark.replace("0x0", "0x1"))).prefersDark()).isFalse();
    }

    @Test
    void thisComputerAnswersWithoutFailing() {
        // whatever the desktop here (none on CI), asking must end with an answer, not an exception
        boolean answer = SystemTheme.ofThisComputer().prefersDark();
        assertThat(answer).isIn(true, false);
    }
}
