package dev.keyport.terminal.tunnel;

import java.util.List;

/**
 * One forward as OpenSSH writes it ({@code -L}, {@code -R}, {@code -D}). The bind address is kept as
 * written: an IP literal, a name such as {@code localhost}, or {@code *} for every interface (OpenSSH's
 * empty address, {@code :8080:host:80}, means the same and reads back as {@code *}).
 */
public sealed interface ForwardSpec {

    /** Where a forward binds when the text names no address: this computer (for -R: the server) only. */
    String DEFAULT_BIND = "127.0.0.1";
    /** Every interface. */
    String ANY = "*";

    /** {@code -L}: a port here, each connection carried to {@code targetHost:targetPort} as seen from the server. */
    record Local(String bindAddress, int bindPort, String targetHost, int targetPort) implements ForwardSpec {
        public Local {
            bindAddress = ForwardText.checkHostForward(bindAddress, bindPort, targetHost, targetPort);
        }

        @Override
        public char kind() {
            return 'L';
        }

        @Override
        public String text() {
            return ForwardText.hostForward(bindAddress, bindPort, targetHost, targetPort);
        }
    }

    /** {@code -R}: a port on the server, each connection carried back to {@code targetHost:targetPort} as seen from here. */
    record Remote(String bindAddress, int bindPort, String targetHost, int targetPort) implements ForwardSpec {
        public Remote {
            bindAddress = ForwardText.checkHostForward(bindAddress, bindPort, targetHost, targetPort);
        }

        @Override
        public char kind() {
            return 'R';
        }

        @Override
        public String text() {
            return ForwardText.hostForward(bindAddress, bindPort, targetHost, targetPort);
        }
    }

    /** {@code -D}: a SOCKS4/4a/5 proxy here; each connection goes where the client asks, as seen from the server. */
    record Dynamic(String bindAddress, int bindPort) implements ForwardSpec {
        public Dynamic {
            bindAddress = ForwardText.bind(bindAddress);
            ForwardText.checkListenPort(bindPort);
        }

        @Override
        public char kind() {
            return 'D';
        }

        @Override
        public String text() {
            return ForwardText.join(bindAddress, bindPort);
        }
    }

    /**
     * Parses OpenSSH's syntax: kind 'L' "[bind:]port:host:hostport", 'R' "[bind:]port:host:hostport",
     * 'D' "[bind:]port"; bind defaults to 127.0.0.1 (for R: the server's loopback); IPv6 addresses in
     * brackets ({@code [::1]:8080:[fe80::1]:80}).
     *
     * @throws IllegalArgumentException with a message naming the bad part
     */
    static ForwardSpec parse(char kind, String text) {
        char k = Character.toUpperCase(kind);
        if (k != 'L' && k != 'R' && k != 'D') {
            throw new IllegalArgumentException("Unknown kind of forward '" + kind + "': use L (local), R (remote) or D (dynamic, SOCKS)");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The -" + k + " forward is empty: expected " + ForwardText.syntax(k));
        }
        String trimmed = text.strip();
        List<String> parts = ForwardText.split(k, trimmed);
        try {
            if (k == 'D') {
                return switch (parts.size()) {
                    case 1 -> new Dynamic(DEFAULT_BIND, ForwardText.port(k, trimmed, parts.get(0), "port"));
                    case 2 -> new Dynamic(ForwardText.bindPart(k, trimmed, parts.get(0)), ForwardText.port(k, trimmed, parts.get(1), "port"));
                    default -> throw ForwardText.bad(k, trimmed, "expected " + ForwardText.syntax(k)
                            + (parts.size() > 2 && !trimmed.contains("[") ? " (an IPv6 address goes in brackets: [::1]:1080)" : ""));
                };
            }
            int offset;
            String bind;
            if (parts.size() == 3) {
                offset = 0;
                bind = DEFAULT_BIND;
            } else if (parts.size() == 4) {
                offset = 1;
                bind = ForwardText.bindPart(k, trimmed, parts.get(0));
            } else {
                throw ForwardText.bad(k, trimmed, "expected " + ForwardText.syntax(k)
                        + (parts.size() > 4 && !trimmed.contains("[") ? " (an IPv6 address goes in brackets: [::1]:8080:[fe80::1]:80)" : ""));
            }
            int port = ForwardText.port(k, trimmed, parts.get(offset), k == 'L' ? "local port" : "remote port");
            String host = parts.get(offset + 1);
            if (host.isEmpty()) {
                throw ForwardText.bad(k, trimmed, "the target host is empty");
            }
            int hostPort = ForwardText.port(k, trimmed, parts.get(offset + 2), "target port");
            if (hostPort == 0) {
                throw ForwardText.bad(k, trimmed, "the target port must be from 1 to 65535, not 0");
            }
            return k == 'L' ? new Local(bind, port, host, hostPort) : new Remote(bind, port, host, hostPort);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Bad -")) {
                throw e;
            }
            throw ForwardText.bad(k, trimmed, e.getMessage());
        }
    }

    /** {@code -L 127.0.0.1:5432:db.internal:5432}. */
    default String toOpenSsh() {
        return "-" + kind() + " " + text();
    }

    /** The kind letter 'L', 'R' or 'D'. */
    char kind();

    /** The text without the kind letter, bind address always written; round-trips through {@link #parse}. */
    String text();

    String bindAddress();

    int bindPort();

    /** True when the bind address is a loopback address (127.0.0.0/8, ::1, localhost). */
    default boolean loopbackOnly() {
        return ForwardText.isLoopback(bindAddress());
    }
}
