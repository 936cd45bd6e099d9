package dev.keyport.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import org.junit.jupiter.api.Test;

/** The app's shortcuts leave the shell its keys, do not collide, and README lists exactly them. */
class ShortcutTest {

    private static KeyEvent press(KeyCode code, boolean shift, boolean control) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, control, false, false);
    }

    @Test
    void everyShortcutIsCtrlShiftExceptTheTerminalZoom() {
        for (Shortcut shortcut : Shortcut.values()) {
            for (KeyCombination keys : shortcut.allKeys()) {
                KeyCodeCombination combination = (KeyCodeCombination) keys;
                assertThat(combination.getShortcut()).as(shortcut + " uses Ctrl (Cmd on macOS)").isEqualTo(KeyCombination.ModifierValue.DOWN);
                assertThat(combination.getAlt()).as(shortcut + " leaves Alt to the shell").isEqualTo(KeyCombination.ModifierValue.UP);
                if (combination.getShift() != KeyCombination.ModifierValue.DOWN) {
                    assertThat(Shortcut.ZOOM_KEYS).as(shortcut + " is plain Ctrl, which only the zoom may be").contains(combination.getCode());
                }
            }
        }
    }

    @Test
    void theKeysAShellNeedsMatchNoShortcut() {
        // Ctrl+L clears the screen, Ctrl+F/B/R/W/… edit the line, Ctrl+Up/PageDown belong to programs (vim, tmux)
        List<KeyEvent> shellKeys = new ArrayList<>();
        for (KeyCode code : List.of(KeyCode.L, KeyCode.F, KeyCode.R, KeyCode.W, KeyCode.K, KeyCode.T, KeyCode.D, KeyCode.N, KeyCode.E,
                KeyCode.O, KeyCode.S, KeyCode.H, KeyCode.G, KeyCode.Y, KeyCode.I, KeyCode.PAGE_DOWN, KeyCode.PAGE_UP, KeyCode.UP)) {
            shellKeys.add(press(code, false, true));
        }
        shellKeys.add(press(KeyCode.MINUS, true, true)); // Ctrl+_ : undo in readline
        for (KeyEvent key : shellKeys) {
            assertThat(Shortcut.values()).as("Ctrl%s+%s reaches the shell", key.isShiftDown() ? "+Shift" : "", key.getCode())
                    .noneMatch(s -> s.matches(key));
        }
        assertThat(Shortcut.LOCK.matches(press(KeyCode.L, true, true))).isTrue();
        assertThat(Shortcut.FIND_IN_TERMINAL.matches(press(KeyCode.F, true, true))).isTrue();
        assertThat(Shortcut.ZOOM_IN.matches(press(KeyCode.EQUALS, true, true))).as("Ctrl++ on a US keyboard").isTrue();
    }

    @Test
    void noTwoShortcutsShareKeys() {
        Set<String> seen = new HashSet<>();
        for (Shortcut shortcut : Shortcut.values()) {
            for (KeyCombination keys : shortcut.allKeys()) {
                KeyCodeCombination combination = (KeyCodeCombination) keys;
                assertThat(seen.add(combination.getCode() + "/" + combination.getShift())).as(shortcut + " has keys of its own").isTrue();
            }
        }
    }

    @Test
    void readmeListsExactlyTheseShortcuts() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).as("README's table of shortcuts, as Shortcut.markdownTable() writes it").contains(Shortcut.markdownTable());
        assertThat(Shortcut.markdownTable()).contains("| Ctrl+Shift+L | Lock the vault |", "| Ctrl+= or Ctrl++ | Larger terminal text |");
    }
}
