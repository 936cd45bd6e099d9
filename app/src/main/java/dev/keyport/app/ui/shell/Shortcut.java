package dev.keyport.app.ui.shell;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every keyboard shortcut of the main window, in one place. App shortcuts are Ctrl+Shift (Cmd+Shift
 * on macOS) so that every plain Ctrl key (Ctrl+L, Ctrl+F, Ctrl+R, Ctrl+PageDown, …) reaches the
 * shell. The only plain-Ctrl keys are the terminal zoom ({@link #ZOOM_KEYS}): Ctrl+=, Ctrl+- and
 * Ctrl+0, which a terminal sends as nothing a shell uses (Ctrl+_ for undo is still Ctrl+Shift+-,
 * as in GNOME Terminal). README's table of shortcuts is checked against this enum by a test.
 */
public enum Shortcut {
    SHOW_HOSTS("Hosts", shifted(KeyCode.H)),
    SHOW_KEYS("Keys", shifted(KeyCode.Y)),
    SHOW_IDENTITIES("Identities", shifted(KeyCode.I)),
    SHOW_TUNNELS("Tunnels", shifted(KeyCode.T)),
    SHOW_KNOWN_HOSTS("Known hosts (trusted server keys)", shifted(KeyCode.R)),
    SETTINGS("Settings", shifted(KeyCode.S)),
    QUICK_CONNECT("Quick connect (user@host:port)", shifted(KeyCode.G)),
    NEW_HOST("Add a host", shifted(KeyCode.N)),
    SEARCH_HOSTS("Search hosts", shifted(KeyCode.K)),
    IMPORT_TEAM_FILE("Import a team file", shifted(KeyCode.O)),
    EXPORT_TEAM_FILE("Export a team file", shifted(KeyCode.E)),
    FIND_IN_TERMINAL("Find in the terminal", shifted(KeyCode.F)),
    CLOSE_TAB("Close the terminal tab", shifted(KeyCode.W)),
    NEXT_TAB("Next tab", shifted(KeyCode.PAGE_DOWN)),
    PREVIOUS_TAB("Previous tab", shifted(KeyCode.PAGE_UP)),
    ZOOM_IN("Larger terminal text", ctrl(KeyCode.EQUALS, true), ctrl(KeyCode.ADD, false)),
    ZOOM_OUT("Smaller terminal text", ctrl(KeyCode.MINUS, false), ctrl(KeyCode.SUBTRACT, false)),
    ZOOM_RESET("Terminal text at its normal size", ctrl(KeyCode.DIGIT0, false), ctrl(KeyCode.NUMPAD0, false)),
    TOGGLE_THEME("Light or dark theme", shifted(KeyCode.D)),
    LOCK("Lock the vault", shifted(KeyCode.L));

    /** The keys of the only shortcuts that are not Ctrl+Shift: a shell has no use for them. */
    public static final Set<KeyCode> ZOOM_KEYS = Set.of(KeyCode.EQUALS, KeyCode.ADD, KeyCode.MINUS, KeyCode.SUBTRACT, KeyCode.DIGIT0,
            KeyCode.NUMPAD0);

    private final String description;
    private final List<KeyCombination> keys;

    Shortcut(String description, KeyCombination... keys) {
        this.description = description;
        this.keys = List.of(keys);
    }

    public String description() {
        return description;
    }

    /** The main key combination (menus and tooltips show it). */
    public KeyCombination keys() {
        return keys.get(0);
    }

    /** Every combination that triggers it (the zoom keys also work on the keypad). */
    public List<KeyCombination> allKeys() {
        return keys;
    }

    public boolean matches(KeyEvent event) {
        return keys.stream().anyMatch(k -> k.match(event));
    }

    /** "Add a host (Ctrl+Shift+N)", for tooltips. */
    public String tooltip() {
        return description + " (" + keys().getDisplayText() + ")";
    }

    /** The keys as README writes them for Linux and Windows ("Ctrl+Shift+N", "Ctrl+= or Ctrl++"). */
    public String written() {
        return keys.stream().map(Shortcut::written).distinct().collect(Collectors.joining(" or "));
    }

    private static String written(KeyCombination combination) {
        KeyCodeCombination keys = (KeyCodeCombination) combination;
        String prefix = keys.getShift() == KeyCombination.ModifierValue.DOWN ? "Ctrl+Shift+" : "Ctrl+";
        return switch (keys.getCode()) {
            case EQUALS -> "Ctrl+=";
            case ADD -> "Ctrl++";
            case MINUS, SUBTRACT -> "Ctrl+-";
            case DIGIT0, NUMPAD0 -> "Ctrl+0";
            case PAGE_DOWN -> prefix + "PageDown";
            case PAGE_UP -> prefix + "PageUp";
            default -> prefix + keys.getCode().getName();
        };
    }

    /** The README table of shortcuts, one row per shortcut. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| Shortcut | Action |\n| --- | --- |\n");
        for (Shortcut shortcut : values()) {
            table.append("| ").append(shortcut.written()).append(" | ").append(shortcut.description()).append(" |\n");
        }
        return table.toString();
    }

    private static KeyCombination shifted(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    /** Plain Ctrl (Cmd on macOS); {@code anyShift}: Ctrl+= is Ctrl++ with Shift on many layouts. */
    private static KeyCombination ctrl(KeyCode key, boolean anyShift) {
        return anyShift ? new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY)
                : new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN);
    }
}
