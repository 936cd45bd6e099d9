package dev.keyport.app.services;

/**
 * The one rule for showing text that came from outside (server banners and prompts, server-sent
 * error and disconnect messages, key comments, names and details read from team files, ssh_config or
 * known_hosts): every control character is shown visibly instead of acting, in a terminal (the
 * command line) and in the window alike. ESC is {@code \e}, other C0 characters and DEL are caret
 * notation ({@code ^G}, {@code ^?}), newline, CR and tab are {@code \n}, {@code \r}, {@code \t}; C1
 * characters, line and paragraph separators and the bidirectional controls (embeddings, overrides,
 * isolates, marks) are {@code \u202E} style. Anything else is shown as it is. FX-free: the command
 * line ({@code cli/Display}) and the window's view models and dialogs use it.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** {@code text} as one line with its control characters shown visibly; null becomes "". */
    public static String line(String text) {
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

    /** Text over several lines (an instruction, notes): newlines (CRLF too) and tabs kept, every other control character shown. */
    public static String lines(String text) {
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

    /** How {@code c} is shown, or null when it is shown as it is. */
    public static String replacement(char c) {
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
