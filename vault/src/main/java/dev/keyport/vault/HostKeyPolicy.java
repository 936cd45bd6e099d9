package dev.keyport.vault;

/** What to do with a server key that is not trusted yet. */
public enum HostKeyPolicy {
    /** Ask the person (the default). */
    ASK,
    /** Refuse unknown keys: only keys already trusted are accepted. */
    STRICT,
    /** Trust the first key seen and refuse changes afterwards. */
    ACCEPT_NEW;

    String stored() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static HostKeyPolicy fromStored(String value) {
        for (HostKeyPolicy policy : values()) {
            if (policy.stored().equals(value)) {
                return policy;
            }
        }
        return ASK;
    }
}
