package dev.keyport.app.tunnels;

import java.util.List;
import java.util.UUID;

import dev.keyport.vault.ForwardProfile;

/** A saved tunnel as it is now: its state and each forward's port and counters. */
public record TunnelStatus(ForwardProfile profile, TunnelState state, List<ForwardStatus> forwards) {

    public TunnelStatus {
        forwards = List.copyOf(forwards);
    }

    public UUID id() {
        return profile.id();
    }

    /** Switched on (starting, on or reconnecting), as the switch in the window shows it. */
    public boolean switchedOn() {
        return state instanceof TunnelState.Starting || state instanceof TunnelState.On || state instanceof TunnelState.Reconnecting;
    }
}
