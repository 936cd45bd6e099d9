package dev.keyport.app.cli;

import dev.keyport.app.services.DisplayText;

/**
 * The command line's use of {@link DisplayText} (the rule lives there, shared with the window). Text from outside (key comments, server banners, names read from files or an older vault, error
 * messages that quote input) made safe to print in a terminal: every control character is shown
 * visibly instead of acting on the terminal. ESC is {@code \e}, other C0 characters and DEL are
 * caret notation ({@code ^G}, {@code ^?}), newline and tab are {@code \n} and {@code \t}, C1
 * characters, line separators and bidirectional overrides are {@code \u202E} style. Anything else
 * prints as it is.
 */
public final class Display {

    private Display() {
    }

    /** {@code text} with its control characters shown visibly; null stays "". */
    public static String escape(String text) {
        return DisplayText.line(text);
    }

    /** Text over several lines (a banner, notes): newlines and tabs kept, every other control character shown. */
    public static String escapeLines(String text) {
        return DisplayText.lines(text);
    }

    /**
     * A writer for the command line's own stdout and stderr: whatever is printed through it, control
     * characters other than newline and tab are shown visibly, so nothing Keyport prints can act on
     * the terminal. (The output of a remote command run by {@code keyport ssh} does not go through it.)
     */
    public static java.io.PrintWriter terminalWriter(java.io.OutputStream stream) {
        java.io.Writer plain = new java.io.OutputStreamWriter(stream, java.nio.charset.Charset.defaultCharset());
        return new java.io.PrintWriter(new java.io.FilterWriter(plain) {
            @Override
            public void write(int c) throws java.io.IOException {
                String replacement = c == '\n' || c == '\t' ? null : replacement((char) c);
                if (replacement != null) {
                    out.write(replacement);
                } else {
                    out.write(c);
                }
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws java.io.IOException {
                for (int i = 0; i < length; i++) {
                    write(buffer[offset + i]);
                }
            }

            @Override
            public void write(String text, int offset, int length) throws java.io.IOException {
                for (int i = 0; i < length; i++) {
                    write(text.charAt(offset + i));
                }
            }
        }, true);
    }

    private static String replacement(char c) {
        return DisplayText.replacement(c);
    }
}
