package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.WindowPreferences.Area;
import dev.keyport.app.services.WindowPreferences.Placement;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The window comes back where it was, but never with its title bar off every screen. */
class WindowPreferencesTest {

    private static final Area SCREEN = new Area(0, 0, 1400, 900);
    private static final Area RIGHT_SCREEN = new Area(1400, 0, 1920, 1080);

    @TempDir
    Path dir;

    private static Placement fit(Placement saved, Area... screens) {
        return WindowPreferences.fit(Optional.ofNullable(saved), List.of(screens), 720, 480);
    }

    @Test
    void theFirstTimeTheWindowIsCentredAtTheDefaultSize() {
        assertThat(fit(null, SCREEN)).isEqualTo(new Placement(new Area(100, 70, 1200, 760), false));
    }

    @Test
    void aPlaceOnAScreenIsKept() {
        Placement saved = new Placement(new Area(1500, 40, 1000, 700), false);
        assertThat(fit(saved, SCREEN, RIGHT_SCREEN)).isEqualTo(saved);
        Placement maximized = new Placement(new Area(30, 20, 900, 600), true);
        assertThat(fit(maximized, SCREEN)).isEqualTo(maximized);
    }

    @Test
    void aTitleBarAboveTheScreenIsNotKept() {
        // seen under openbox after the unlock dialog: the window at (-1,-8), its title bar off the screen
        Placement saved = new Placement(new Area(-1, -8, 1200, 760), false);
        assertThat(fit(saved, SCREEN)).isEqualTo(new Placement(new Area(100, 70, 1200, 760), false));
    }

    @Test
    void aWindowOnAScreenThatIsGoneComesToThePrimaryScreen() {
        Placement saved = new Placement(new Area(2000, 100, 1000, 700), true);
        assertThat(fit(saved, SCREEN)).isEqualTo(new Placement(new Area(100, 70, 1200, 760), true));
    }

    @Test
    void aWindowLargerThanItsScreenIsCutToItAndPulledInside() {
        Placement saved = new Placement(new Area(300, 100, 1600, 1000), false);
        assertThat(fit(saved, SCREEN)).isEqualTo(new Placement(new Area(0, 0, 1400, 900), false));
        Placement overhanging = new Placement(new Area(900, 500, 800, 600), false);
        assertThat(fit(overhanging, SCREEN)).isEqualTo(new Placement(new Area(600, 300, 800, 600), false));
    }

    @Test
    void thePlacementIsSavedInTheVaultAndReadBack() throws Exception {
        try (Vault vault = Vault.create(dir, "master password 1".toCharArray(), KdfParameters.FLOOR)) {
            WindowPreferences preferences = new WindowPreferences(vault.settings());
            assertThat(preferences.placement()).isEmpty();
            Placement placement = new Placement(new Area(12, 34, 1000, 650), true);
            preferences.setPlacement(placement);
            assertThat(new WindowPreferences(vault.settings()).placement()).contains(placement);
            vault.settings().put(WindowPreferences.PLACEMENT_SETTING, "garbage");
            assertThat(preferences.placement()).as("unreadable: the default place").isEmpty();
        }
    }
}
