package dev.keyport.vault;

import java.util.Optional;

/**
 * The rules for what a person may type into a stored field, in one place: the records check them
 * when they are built (so the command line, the window and an import all refuse the same input with
 * the same words), and editors call them per field to show the message next to the field.
 *
 * <p>Each {@code check*} method returns the message to show, or empty when the value is fine.
 * Limits are those of the database columns, so the database never has to refuse a value.
 */
public final class Fields {

    public static final int NAME_MAX = 200;
    public static final int ADDRESS_MAX = 255;
    public static final int USER_MAX = 100;
    public static final int TAG_MAX = 60;
    public static final int TAGS_MAX = 4000;
    public static final int NOTES_MAX = 20_000;

    private Fields() {
    }

    /** A name shown in lists (host, group, key, identity, tunnel): not empty, one line, no control characters. */
    public static Optional<String> checkName(String label, String value) {
        return checkLine(label, value, NAME_MAX);
    }

    /** A server's address: a host name, an IPv4 address, or an IPv6 address (with or without brackets). */
    public static Optional<String> checkAddress(String value) {
        Optional<String> line = checkLine("Address", value, ADDRESS_MAX);
        if (line.isPresent()) {
            return line;
        }
        String address = value.strip();
        if (address.length() > 2 && address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1); // an IPv6 address as OpenSSH's files write it
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ':' || c == '%');
            if (!ok) {
                return Optional.of("Address must be a host name or an IP address; it cannot contain '" + describe(c) + "'");
            }
        }
        if (address.startsWith("-")) {
            return Optional.of("Address must not start with '-'");
        }
        return Optional.empty();
    }

    /** A remote user name: one word (no spaces), no control characters. */
    public static Optional<String> checkUser(String value) {
        Optional<String> line = checkLine("User", value, USER_MAX);
        if (line.isPresent()) {
            return line;
        }
        String user = value.strip();
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (Character.isWhitespace(c) || "'\"`;&<>|(){}$\\".indexOf(c) >= 0) {
                return Optional.of("User must be one word; it cannot contain '" + describe(c) + "'");
            }
        }
        if (user.startsWith("-")) {
            return Optional.of("User must not start with '-'");
        }
        return Optional.empty();
    }

    /** One tag: a short word or phrase without commas. */
    public static Optional<String> checkTag(String value) {
        Optional<String> line = checkLine("A tag", value, TAG_MAX);
        if (line.isPresent()) {
            return line;
        }
        if (value.contains(",")) {
            return Optional.of("A tag cannot contain a comma: '" + value.strip() + "'");
        }
        return Optional.empty();
    }

    /** Free text over several lines (notes): tabs and newlines are fine, other control characters are not. */
    public static Optional<String> checkNotes(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > NOTES_MAX) {
            return Optional.of("Notes are too long (" + value.length() + " characters; the limit is " + NOTES_MAX + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c) && c != '\n' && c != '\t' && c != '\r') {
                return Optional.of("Notes cannot contain control characters (found " + describe(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** Throws {@link IllegalArgumentException} with the message when there is one. */
    public static void require(Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    private static Optional<String> checkLine(String label, String value, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of(label + " must not be empty");
        }
        if (value.length() > max) {
            return Optional.of(label + " is too long (" + value.length() + " characters; the limit is " + max + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isControl(c)) {
                return Optional.of(label + " cannot contain control characters such as a newline or an escape (found "
                        + describe(c) + ")");
            }
        }
        return Optional.empty();
    }

    /** C0, DEL, C1, and the Unicode line/paragraph separators and bidirectional overrides. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String describe(char c) {
        if (isControl(c) || Character.isWhitespace(c)) {
            return String.format("U+%04X", (int) c);
        }
        return String.valueOf(c);
    }
}
