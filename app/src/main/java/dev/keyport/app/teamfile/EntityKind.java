package dev.keyport.app.teamfile;

import java.util.Locale;

/** The kinds of entity a team file carries. */
public enum EntityKind {
    GROUP, HOST, IDENTITY, KEY, TUNNEL, TRUSTED_HOST_KEY;

    /** For people: "host", "trusted host key". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
