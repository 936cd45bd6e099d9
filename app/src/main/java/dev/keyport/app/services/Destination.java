package dev.keyport.app.services;

import java.util.Optional;

import dev.keyport.vault.Fields;

/**
 * {@code [user@]host[:port]} as typed on the command line or the quick-connect field; IPv6
 * addresses in brackets ({@code [::1]:2222}). The one parser for destinations: the user and the
 * address must also pass {@link Fields}' rules, so what is accepted here can be saved as a host.
 */
public record Destination(Optional<String> user, String host, Optional<Integer> port) {

    /**
     * How a person reads a saved target: {@code user@host:port}, an IPv6 address in brackets
     * ({@code u@[::1]:2222}) so that the port cannot be taken for part of it; the port is left out
     * when it is 22 and {@code withDefaultPort} is false. The inverse of {@link #parse}.
     */
    public static String display(String user, String host, int port, boolean withDefaultPort) {
        String address = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return user + "@" + address + (port == 22 && !withDefaultPort ? "" : ":" + port);
    }

    /** @throws IllegalArgumentException with a message for the person, when the text is not a destination */
    public static Destination parse(String text) {
        String rest = text.strip();
        Optional<String> user = Optional.empty();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            user = Optional.of(rest.substring(0, at));
            rest = rest.substring(at + 1);
        }
        Optional<Integer> port = Optional.empty();
        String host;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Missing ']' in " + text);
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (after.startsWith(":")) {
                port = Optional.of(parsePort(after.substring(1), text));
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("Cannot read the destination " + text);
            }
        } else {
            int colon = rest.indexOf(':');
            if (colon >= 0 && rest.indexOf(':', colon + 1) < 0) {
                host = rest.substring(0, colon);
                port = Optional.of(parsePort(rest.substring(colon + 1), text));
            } else {
                host = rest;
            }
        }
        if (host.isBlank() || user.map(String::isBlank).orElse(false)) {
            throw new IllegalArgumentException("Cannot read the destination " + text + " (expected [user@]host[:port])");
        }
        if (user.isPresent()) {
            Fields.require(Fields.checkUser(user.get()));
        }
        Fields.require(Fields.checkAddress(host));
        return new Destination(user, host, port);
    }

    private static int parsePort(String value, String text) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Bad port in " + text + ": " + value);
        }
    }
}
