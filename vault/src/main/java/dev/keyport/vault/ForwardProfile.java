package dev.keyport.vault;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A set of port forwards over one host, optionally started when Keyport starts. */
public record ForwardProfile(UUID id, String name, UUID hostId, boolean autostart, List<Forward> forwards) {

    public ForwardProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hostId, "hostId");
        Fields.require(Fields.checkName("Tunnel name", name));
        if (forwards == null || forwards.isEmpty()) {
            throw new IllegalArgumentException("A port-forward profile needs at least one forward");
        }
        forwards = List.copyOf(forwards);
    }

    public enum Kind { LOCAL, REMOTE, DYNAMIC }

    /** One forward; dynamic (SOCKS) forwards have no target. */
    public record Forward(Kind kind, String bindAddress, int bindPort, String targetHost, int targetPort) {
        public Forward {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(bindAddress, "bindAddress");
            if (bindPort < 0 || bindPort > 65535) {
                throw new IllegalArgumentException("Bind port must be between 0 and 65535");
            }
            if (kind != Kind.DYNAMIC && (targetHost == null || targetHost.isBlank() || targetPort < 1 || targetPort > 65535)) {
                throw new IllegalArgumentException("A " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " forward needs a target host and port");
            }
        }
    }
}
