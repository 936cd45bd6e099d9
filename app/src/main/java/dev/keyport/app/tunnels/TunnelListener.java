package dev.keyport.app.tunnels;

/** Told when a tunnel changes state, and about once a second while it runs (its counters). Called on tunnel threads. */
@FunctionalInterface
public interface TunnelListener {
    void changed(TunnelStatus status);
}
