package dev.keyport.terminal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open one SSH connection: where to, as whom, and with which credentials.
 *
 * @param displayName    how the person knows this server ("Demo server", "db.internal"); used in messages
 * @param host           host name or address to connect to
 * @param port           TCP port, 1-65535
 * @param username       remote user name
 * @param credentials    what to offer, in order (OpenSSH order: public keys before password)
 * @param connectTimeout how long to wait for the TCP connection and the server's greeting
 */
public record ConnectionSpec(String displayName, String host, int port, String username,
                             List<Credential> credentials, Duration connectTimeout) {

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
    }

    public ConnectionSpec(String displayName, String host, int port, String username, List<Credential> credentials) {
        this(displayName, host, port, username, credentials, DEFAULT_CONNECT_TIMEOUT);
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
