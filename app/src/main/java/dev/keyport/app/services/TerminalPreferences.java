package dev.keyport.app.services;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.tty.FloodTuning;
import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.VaultException;

/**
 * The terminal settings a person changes in Settings, kept in the vault's settings table: the font
 * family and size, the scrollback (lines of history each new tab keeps), copy on select and the bell
 * ({@link TerminalOptions}). The vault is encrypted, so the settings travel with it and nothing is
 * written elsewhere. A value that is missing or unusable reads as its default. Blocking (JDBC): call
 * off the FX thread.
 */
public final class TerminalPreferences {

    public static final String SCROLLBACK_SETTING = "terminal-scrollback-lines";
    public static final String FONT_FAMILY_SETTING = "terminal-font-family";
    public static final String FONT_SIZE_SETTING = "terminal-font-size";
    public static final String COPY_ON_SELECT_SETTING = "terminal-copy-on-select";
    public static final String BELL_SETTING = "terminal-bell";
    /** Fewest and most lines of scrollback accepted. The most is bounded by the heap: see docs/benchmarks.md. */
    public static final int MIN_SCROLLBACK = 0;
    public static final int MAX_SCROLLBACK = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(TerminalPreferences.class);

    private final SettingsRepository settings;

    public TerminalPreferences(SettingsRepository settings) {
        this.settings = settings;
    }

    public static boolean validScrollback(int lines) {
        return lines >= MIN_SCROLLBACK && lines <= MAX_SCROLLBACK;
    }

    /** The saved scrollback, or the default (10,000) when none is saved or the saved value is unusable. */
    public int scrollbackLines() {
        try {
            Optional<String> value = settings.get(SCROLLBACK_SETTING);
            if (value.isPresent()) {
                int lines = Integer.parseInt(value.get().strip());
                if (validScrollback(lines)) {
                    return lines;
                }
                LOG.warn("Saved scrollback of {} lines is out of range; using {}", lines, FloodTuning.DEFAULT_SCROLLBACK);
            }
        } catch (VaultException | NumberFormatException e) {
            LOG.warn("Saved scrollback unreadable ({}); using {}", e.getMessage(), FloodTuning.DEFAULT_SCROLLBACK);
        }
        return FloodTuning.DEFAULT_SCROLLBACK;
    }

    /** Saves the scrollback for the tabs opened from now on. */
    public void setScrollbackLines(int lines) throws VaultException {
        if (!validScrollback(lines)) {
            throw new IllegalArgumentException("Scrollback must be between " + MIN_SCROLLBACK + " and " + MAX_SCROLLBACK
                    + " lines, not " + lines);
        }
        settings.put(SCROLLBACK_SETTING, Integer.toString(lines));
    }

    /** Everything a new tab needs; defaults for what is not saved. */
    public TerminalOptions options() {
        TerminalOptions defaults = TerminalOptions.defaults();
        String family = read(FONT_FAMILY_SETTING).orElse(defaults.fontFamily());
        int size = read(FONT_SIZE_SETTING).flatMap(TerminalPreferences::number).filter(TerminalOptions::validFontSize)
                .orElse(defaults.fontSize());
        boolean copy = read(COPY_ON_SELECT_SETTING).map(v -> v.strip().equals("true")).orElse(defaults.copyOnSelect());
        TerminalBell bell = read(BELL_SETTING).flatMap(TerminalBell::fromStored).orElse(defaults.bell());
        return new TerminalOptions(family, size, scrollbackLines(), copy, bell);
    }

    /** Saves the font family ("" for Keyport's own choice). */
    public void setFontFamily(String family) throws VaultException {
        settings.put(FONT_FAMILY_SETTING, family == null ? "" : family.strip());
    }

    public void setFontSize(int size) throws VaultException {
        if (!TerminalOptions.validFontSize(size)) {
            throw new IllegalArgumentException("Font size must be between " + TerminalOptions.MIN_FONT_SIZE + " and "
                    + TerminalOptions.MAX_FONT_SIZE + ", not " + size);
        }
        settings.put(FONT_SIZE_SETTING, Integer.toString(size));
    }

    public void setCopyOnSelect(boolean copy) throws VaultException {
        settings.put(COPY_ON_SELECT_SETTING, Boolean.toString(copy));
    }

    public void setBell(TerminalBell bell) throws VaultException {
        settings.put(BELL_SETTING, bell.stored());
    }

    private Optional<String> read(String name) {
        try {
            return settings.get(name);
        } catch (VaultException e) {
            LOG.warn("Saved setting {} unreadable ({}); using the default", name, e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
