package dev.keyport.app.services;

/**
 * How a terminal tab looks and behaves, as set in Settings: the font (a family, "" for Keyport's
 * choice of an installed monospace font, and a size in points), the lines of history it keeps, whether
 * selecting text copies it, and what the bell does.
 */
public record TerminalOptions(String fontFamily, int fontSize, int scrollbackLines, boolean copyOnSelect, TerminalBell bell) {

    public static final int MIN_FONT_SIZE = 8;
    public static final int MAX_FONT_SIZE = 40;
    public static final int DEFAULT_FONT_SIZE = 14;

    public TerminalOptions {
        fontFamily = fontFamily == null ? "" : fontFamily.strip();
        if (fontSize < MIN_FONT_SIZE || fontSize > MAX_FONT_SIZE) {
            throw new IllegalArgumentException("Font size must be between " + MIN_FONT_SIZE + " and " + MAX_FONT_SIZE + ", not " + fontSize);
        }
        if (!TerminalPreferences.validScrollback(scrollbackLines)) {
            throw new IllegalArgumentException("Scrollback must be between " + TerminalPreferences.MIN_SCROLLBACK + " and "
                    + TerminalPreferences.MAX_SCROLLBACK + " lines, not " + scrollbackLines);
        }
        if (bell == null) {
            throw new IllegalArgumentException("bell");
        }
    }

    /** Keyport's defaults: its own monospace font at 14 points, 10,000 lines, no copy on select, a visual bell. */
    public static TerminalOptions defaults() {
        return new TerminalOptions("", DEFAULT_FONT_SIZE, dev.keyport.terminal.tty.FloodTuning.DEFAULT_SCROLLBACK, false, TerminalBell.VISUAL);
    }

    public static boolean validFontSize(int size) {
        return size >= MIN_FONT_SIZE && size <= MAX_FONT_SIZE;
    }

    public TerminalOptions withFontFamily(String family) {
        return new TerminalOptions(family, fontSize, scrollbackLines, copyOnSelect, bell);
    }

    public TerminalOptions withFontSize(int size) {
        return new TerminalOptions(fontFamily, size, scrollbackLines, copyOnSelect, bell);
    }

    public TerminalOptions withScrollbackLines(int lines) {
        return new TerminalOptions(fontFamily, fontSize, lines, copyOnSelect, bell);
    }

    public TerminalOptions withCopyOnSelect(boolean copy) {
        return new TerminalOptions(fontFamily, fontSize, scrollbackLines, copy, bell);
    }

    public TerminalOptions withBell(TerminalBell newBell) {
        return new TerminalOptions(fontFamily, fontSize, scrollbackLines, copyOnSelect, newBell);
    }
}
