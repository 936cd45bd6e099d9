package dev.keyport.syncformat;

import java.util.regex.Pattern;

/**
 * The rules for text values in a team file. Each returns null when the value is fine, or the end
 * of a sentence saying what is wrong ("must not contain spaces").
 */
final class TextRules {

    /** One rule. */
    @FunctionalInterface
    interface Rule {
        String check(String value);
    }

    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]+");
    private static final Pattern KEY_TYPE = Pattern.compile("[A-Za-z0-9@._+-]+");
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    static final Rule NAME = value -> firstProblem(value, 256, false, true);
    static final Rule TAG = value -> {
        String problem = firstProblem(value, 64, false, true);
        return problem != null ? problem : value.contains(",") ? "must not contain a comma" : null;
    };
    static final Rule NOTES = value -> firstProblem(value, 65_536, true, false);
    static final Rule PATH = value -> firstProblem(value, 4096, false, true);
    static final Rule KEY_LINE = value -> firstProblem(value, 16_384, false, true);
    static final Rule ADDRESS_RULE = value -> {
        if (value.isEmpty()) {
            return "must not be empty";
        }
        if (value.length() > 255) {
            return "must be at most 255 characters";
        }
        if (value.startsWith("-")) {
            return "must not start with '-'";
        }
        return ADDRESS.matcher(value).matches() ? null
                : "must be a host name or IP address (letters, digits and . - _ : % [ ] only)";
    };
    static final Rule BIND_ADDRESS = value -> value.equals("*") ? null : ADDRESS_RULE.check(value);
    static final Rule USER = value -> {
        String problem = firstProblem(value, 256, false, true);
        if (problem != null) {
            return problem;
        }
        if (value.startsWith("-")) {
            return "must not start with '-'";
        }
        return value.chars().anyMatch(Character::isWhitespace) ? "must not contain spaces" : null;
    };
    static final Rule KEY_TYPE_RULE = value -> value.length() <= 64 && KEY_TYPE.matcher(value).matches() ? null
            : "must be an SSH key type such as ssh-ed25519";
    static final Rule BASE64_RULE = value -> isBase64(value) ? null : "must be base64 (with padding)";
    static final Rule FINGERPRINT_RULE = value -> FINGERPRINT.matcher(value).matches() ? null
            : "must be SHA256: followed by 43 base64 characters";
    static final Rule ANY = value -> firstProblem(value, Json.MAX_STRING, true, false);

    private TextRules() {
    }

    /** Standard base64 with padding: groups of four, '=' only at the end. */
    private static boolean isBase64(String value) {
        int length = value.length();
        if (length % 4 != 0) {
            return false;
        }
        int padding = length > 0 && value.charAt(length - 1) == '=' ? (length > 1 && value.charAt(length - 2) == '=' ? 2 : 1) : 0;
        for (int i = 0; i < length - padding; i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Control characters (C0, DEL, C1, line and paragraph separators) are refused, except tab, CR
     * and LF in multi-line text; lone UTF-16 surrogates are refused everywhere.
     */
    private static String firstProblem(String value, int maxLength, boolean multiLine, boolean nonBlank) {
        if (nonBlank && value.isBlank()) {
            return "must not be empty";
        }
        if (value.length() > maxLength) {
            return "must be at most " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "must be valid Unicode (it holds a lone surrogate)";
            }
            boolean allowed = multiLine && (c == '\t' || c == '\n' || c == '\r');
            if (!allowed && (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029')) {
                return multiLine ? "must not contain control characters other than tab and line breaks"
                        : "must not contain line breaks or control characters";
            }
        }
        return null;
    }
}
