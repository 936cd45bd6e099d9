package dev.keyport.terminal;

/** What to do with a server key seen for the first time, like OpenSSH's StrictHostKeyChecking. */
public enum HostKeyPolicy {
    /** Ask the person (OpenSSH {@code ask}); the default. */
    ASK,
    /** Trust and save a key for a host that has none yet; still refuse changed keys ({@code accept-new}). */
    ACCEPT_NEW,
    /** Only connect to hosts whose key is already trusted ({@code yes}). */
    STRICT;

    /** Parses OpenSSH's values: {@code ask}, {@code accept-new}, {@code yes}/{@code strict}. */
    public static HostKeyPolicy parse(String value) {
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "ask":
                return ASK;
            case "accept-new":
                return ACCEPT_NEW;
            case "yes":
            case "strict":
                return STRICT;
            default:
                throw new IllegalArgumentException("StrictHostKeyChecking must be ask, accept-new or yes, was '" + value + "'");
        }
    }
}
