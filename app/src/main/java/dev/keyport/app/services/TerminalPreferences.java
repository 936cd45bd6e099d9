package dev.keyport.app.services;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.tty.FloodTuning;
import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.VaultException;

/**
 * The terminal settings a person changes in Settings, kept in the vault's settings table: the
 * scrollback (lines of history each new tab keeps). The vault is encrypted, so the settings travel
 * with it and nothing is written elsewhere. Blocking (JDBC): call off the FX thread.
 */
public final class TerminalPreferences {

    public static final String SCROLLBACK_SETTING = "terminal-scrollback-lines";
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
}
