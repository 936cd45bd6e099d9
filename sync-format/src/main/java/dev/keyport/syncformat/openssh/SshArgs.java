package dev.keyport.syncformat.openssh;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an {@code ssh_config} line as OpenSSH does (readconf.c {@code strdelim} for the keyword,
 * misc.c {@code argv_split} for the arguments): the keyword ends at whitespace or one {@code =};
 * arguments are separated by spaces or tabs, may be quoted with {@code "} or {@code '}, take
 * backslash escapes for quotes, backslash and (outside quotes) space, and a {@code #} at the start
 * of an argument ends the line.
 */
final class SshArgs {

    /** A line's keyword (lower case) and arguments; null keyword for a blank or comment line. */
    record Line(String keyword, List<String> args) {
    }

    /** Thrown for an unterminated quote. */
    static final class BadQuotes extends Exception {
        private static final long serialVersionUID = 1L;

        BadQuotes() {
            super("unbalanced quotes", null, false, false);
        }
    }

    private SshArgs() {
    }

    static Line parse(String raw) throws BadQuotes {
        String line = stripTrailing(raw);
        int i = 0;
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        if (i == line.length() || line.charAt(i) == '#') {
            return new Line(null, List.of());
        }
        int start = i;
        while (i < line.length() && !isSpace(line.charAt(i)) && line.charAt(i) != '=') {
            i++;
        }
        String keyword = line.substring(start, i).toLowerCase(java.util.Locale.ROOT);
        while (i < line.length() && isSpace(line.charAt(i))) {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '=') {
            i++;
        }
        return new Line(keyword, split(line.substring(i)));
    }

    /** argv_split with terminate_on_comment. */
    static List<String> split(String s) throws BadQuotes {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            StringBuilder arg = new StringBuilder();
            char quote = 0;
            for (; i < s.length(); i++) {
                c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    char next = s.charAt(i + 1);
                    if (next == '\'' || next == '"' || next == '\\' || (quote == 0 && next == ' ')) {
                        i++;
                        arg.append(next);
                    } else {
                        arg.append(c);
                    }
                } else if (quote == 0 && (c == ' ' || c == '\t')) {
                    break;
                } else if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else {
                    arg.append(c);
                }
            }
            if (quote != 0) {
                throw new BadQuotes();
            }
            args.add(arg.toString());
        }
        return args;
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (isSpace(line.charAt(end - 1)) || line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n'
                || line.charAt(end - 1) == '\f')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
