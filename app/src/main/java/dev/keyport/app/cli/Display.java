package dev.keyport.app.cli;

/**
 * Text from outside (key comments, server banners, names read from files or an older vault, error
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
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** Text over several lines (a banner, notes): newlines and tabs kept, every other control character shown. */
    public static String escapeLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = c == '\n' || c == '\t' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n')
                    ? null : replacement(c);
            if (replacement != null) {
                out.append(replacement);
            } else if (c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
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
        if (c == 0x1b) {
            return "\\e";
        }
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c == '\t') {
            return "\\t";
        }
        if (c < 0x20) {
            return "^" + (char) (c + 64);
        }
        if (c == 0x7f) {
            return "^?";
        }
        if ((c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c') {
            return String.format("\\u%04X", (int) c);
        }
        return null;
    }
}
