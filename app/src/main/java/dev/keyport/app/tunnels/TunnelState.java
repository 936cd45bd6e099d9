package dev.keyport.app.tunnels;

import java.time.Duration;
import java.util.Optional;

import dev.keyport.terminal.HostKeyChange;

/** Where a saved tunnel is in its life. */
public sealed interface TunnelState {

    /** Switched off: no port listens. */
    record Off() implements TunnelState {
    }

    /** Connecting and opening the ports. */
    record Starting() implements TunnelState {
    }

    /** The ports listen (a forward that could not start says why in its {@link ForwardStatus}). */
    record On() implements TunnelState {
    }

    /** The connection dropped; attempt {@code attempt} comes in {@code nextTry}. */
    record Reconnecting(int attempt, Duration nextTry, String reason) implements TunnelState {
    }

    /**
     * It cannot work as saved (login refused, a changed server key, every port taken): no more tries.
     * When the server's key changed, {@code keyChange} has both keys, for the confirmed replace.
     */
    record Failed(String reason, Optional<HostKeyChange> keyChange) implements TunnelState {

        public Failed {
            keyChange = keyChange == null ? Optional.empty() : keyChange;
        }

        public Failed(String reason) {
            this(reason, Optional.empty());
        }
    }

    /** In words, for a list or a log line. */
    static String describe(TunnelState state) {
        if (state instanceof Reconnecting r) {
            return "reconnecting (attempt " + r.attempt() + ", next try in " + Math.max(1, Math.round(r.nextTry().toMillis() / 1000.0))
                    + " s): " + r.reason();
        }
        if (state instanceof Failed f) {
            return "failed: " + f.reason();
        }
        if (state instanceof On) {
            return "on";
        }
        if (state instanceof Starting) {
            return "starting";
        }
        return "off";
    }
}
