package dev.keyport.terminal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open one SSH connection: where to, as whom, with which credentials, how,
 * and through which jump hosts.
 *
 * @param displayName    how the person knows this server ("Demo server", "db.internal"); used in messages
 * @param host           host name or address to connect to
 * @param port           TCP port, 1-65535
 * @param username       remote user name
 * @param credentials    what to offer, in order (OpenSSH order: public keys before password)
 * @param connectTimeout how long to wait for the TCP connection and the server's greeting
 * @param options        host-key policy, algorithms, agent and keepalive for this host
 * @param jumps          ProxyJump chain, first hop first; each hop has its own credentials and host-key check
 */
public record ConnectionSpec(String displayName, String host, int port, String username,
                             List<Credential> credentials, Duration connectTimeout,
                             SessionOptions options, List<ConnectionSpec> jumps) {

    public static final int DEFAULT_PORT = 22;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

    public ConnectionSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        if (host.isBlank()) {
            throw new IllegalArgumentException("Host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 1 and 65535, was " + port);
        }
        displayName = displayName == null || displayName.isBlank() ? host : displayName;
        credentials = List.copyOf(credentials);
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        options = options == null ? SessionOptions.DEFAULTS : options;
        jumps = jumps == null ? List.of() : List.copyOf(jumps);
        for (ConnectionSpec jump : jumps) {
            if (!jump.jumps().isEmpty()) {
                throw new IllegalArgumentException("Give the jump chain flat, first hop first (jump host "
                        + jump.displayName() + " has jumps of its own)");
            }
        }
    }

    public ConnectionSpec(String displayName, String host, int port, String username, List<Credential> credentials,
                          Duration connectTimeout) {
        this(displayName, host, port, username, credentials, connectTimeout, SessionOptions.DEFAULTS, List.of());
    }

    public ConnectionSpec(String displayName, String host, int port, String username, List<Credential> credentials) {
        this(displayName, host, port, username, credentials, DEFAULT_CONNECT_TIMEOUT);
    }

    public ConnectionSpec withOptions(SessionOptions newOptions) {
        return new ConnectionSpec(displayName, host, port, username, credentials, connectTimeout, newOptions, jumps);
    }

    public ConnectionSpec withJumps(List<ConnectionSpec> newJumps) {
        return new ConnectionSpec(displayName, host, port, username, credentials, connectTimeout, options, newJumps);
    }

    public ConnectionSpec withConnectTimeout(Duration timeout) {
        return new ConnectionSpec(displayName, host, port, username, credentials, timeout, options, jumps);
    }

    /** The hops in dialling order: the jump hosts, then this host (without its jumps). */
    public List<ConnectionSpec> hops() {
        List<ConnectionSpec> hops = new ArrayList<>(jumps);
        hops.add(withJumps(List.of()));
        return hops;
    }

    /** {@code user@host} or {@code user@host:port} when the port is not 22, as people write it. */
    public String target() {
        return username + "@" + hostAndPort();
    }

    /** {@code host:port}, as in "Connection refused: db.example:22". */
    public String hostAndPort() {
        return host + ":" + port;
    }
}
