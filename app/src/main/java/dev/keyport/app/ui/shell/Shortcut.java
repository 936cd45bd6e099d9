package dev.keyport.app.ui.shell;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the main window, in one place. App shortcuts are Ctrl+Shift (Cmd+Shift
 * on macOS) so that plain Ctrl keys stay with the shell; tab switching uses Ctrl+PageUp/PageDown.
 */
public enum Shortcut {
    SHOW_HOSTS("Hosts", shifted(KeyCode.H)),
    SHOW_TUNNELS("Tunnels", shifted(KeyCode.T)),
    NEW_HOST("Add a host", shifted(KeyCode.N)),
    IMPORT_TEAM_FILE("Import a team file", shifted(KeyCode.O)),
    EXPORT_TEAM_FILE("Export a team file", shifted(KeyCode.E)),
    SEARCH_HOSTS("Search hosts", shifted(KeyCode.K)),
    CLOSE_TAB("Close the terminal tab", shifted(KeyCode.W)),
    TOGGLE_THEME("Light or dark theme", shifted(KeyCode.L)),
    SETTINGS("Settings", shifted(KeyCode.S)),
    NEXT_TAB("Next tab", new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN)),
    PREVIOUS_TAB("Previous tab", new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN)),
    LOCK("Lock the vault", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));

    private final String description;
    private final KeyCombination keys;

    Shortcut(String description, KeyCombination keys) {
        this.description = description;
        this.keys = keys;
    }

    public String description() {
        return description;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** "Add a host (Ctrl+Shift+N)", for tooltips. */
    public String tooltip() {
        return description + " (" + keys.getDisplayText() + ")";
    }

    private static KeyCombination shifted(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }
}
