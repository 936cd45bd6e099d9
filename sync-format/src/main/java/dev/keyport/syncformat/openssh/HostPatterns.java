package dev.keyport.syncformat.openssh;

import java.util.Locale;

/** OpenSSH's pattern matching (match.c): {@code *} and {@code ?} wildcards, {@code !} negation in lists. */
final class HostPatterns {

    private HostPatterns() {
    }

    /** Whether the pattern has a wildcard. */
    static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0;
    }

    /** match_pattern: the whole text against one pattern, case-sensitive. */
    static boolean matches(String text, String pattern) {
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))
                    && pattern.charAt(p) != '*') {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starT = t;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * match_pattern_list with lower-casing, as known_hosts uses it: a comma-separated list; any
     * negated pattern that matches makes the whole list not match.
     */
    static boolean matchesList(String text, String list) {
        String lower = text.toLowerCase(Locale.ROOT);
        boolean matched = false;
        for (String entry : list.split(",", -1)) {
            boolean negated = entry.startsWith("!");
            String pattern = (negated ? entry.substring(1) : entry).toLowerCase(Locale.ROOT);
            if (matches(lower, pattern)) {
                if (negated) {
                    return false;
                }
                matched = true;
            }
        }
        return matched;
    }
}
