package dev.keyport.app.tunnels;

import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.terminal.tunnel.ForwardStats;

/**
 * One forward of a running tunnel: the port that listens (0 while none), its counters, and why it
 * is not running when it is not ("" when it is, or when the tunnel is off).
 */
public record ForwardStatus(ForwardSpec spec, int boundPort, ForwardStats stats, String problem) {

    static final ForwardStats NONE = new ForwardStats(0, 0, 0, 0, 0);

    static ForwardStatus idle(ForwardSpec spec) {
        return new ForwardStatus(spec, 0, NONE, "");
    }

    public boolean listening() {
        return boundPort > 0 && problem.isEmpty();
    }
}
