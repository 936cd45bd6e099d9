package dev.keyport.terminal.tunnel;

/**
 * Live counters of one forward; a snapshot, thread-safe to read.
 *
 * <p>Directions are seen from this computer: {@code bytesOut} went out through the SSH connection (what a
 * local client sent through a -L or -D forward, what the local service answered through a -R forward),
 * {@code bytesIn} came back in. {@code totalConnections} counts every connection the forward accepted
 * (or, for -R, every connection the server handed over), {@code failedConnections} those that never got
 * through (the target refused or unreachable, a bad SOCKS request), {@code openConnections} those
 * carrying data now.
 */
public record ForwardStats(int openConnections, long totalConnections, long failedConnections, long bytesOut, long bytesIn) {

    public static final ForwardStats NONE = new ForwardStats(0, 0, 0, 0, 0);
}
