package dev.keyport.terminal.tunnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The pieces of OpenSSH's forward syntax, for {@link ForwardSpec}. */
final class ForwardText {
    private ForwardText() {
    }

    static String syntax(char kind) {
        return kind == 'D' ? "[bind_address:]port" : "[bind_address:]port:host:hostport";
    }

    static IllegalArgumentException bad(char kind, String text, String why) {
        return new IllegalArgumentException("Bad -" + kind + " forward \"" + text + "\": " + why);
    }

    /** Splits at colons outside brackets; brackets are removed from a part. */
    static List<String> split(char kind, String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (true) {
            String part;
            if (i < text.length() && text.charAt(i) == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw bad(kind, text, "\"" + text.substring(i) + "\" has no closing bracket");
                }
                part = text.substring(i + 1, close);
                if (part.isEmpty()) {
                    throw bad(kind, text, "empty brackets []");
                }
                i = close + 1;
                if (i < text.length() && text.charAt(i) != ':') {
                    throw bad(kind, text, "expected ':' after \"" + text.substring(text.lastIndexOf('[', close), i) + "\"");
                }
            } else {
                int colon = text.indexOf(':', i);
                int end = colon < 0 ? text.length() : colon;
                part = text.substring(i, end);
                if (part.contains("[") || part.contains("]")) {
                    throw bad(kind, text, "a bracket in \"" + part + "\" (brackets go around a whole IPv6 address)");
                }
                i = end;
            }
            parts.add(part);
            if (i >= text.length()) {
                return parts;
            }
            i++; // the colon
            if (i == text.length()) {
                parts.add("");
                return parts;
            }
        }
    }

    static int port(char kind, String text, String value, String which) {
        if (value.isEmpty()) {
            throw bad(kind, text, "the " + which + " is missing");
        }
        if (value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(kind, text, "the " + which + " \"" + value + "\" is not a number from 0 to 65535");
        }
        int port = Integer.parseInt(value);
        if (port > 65535) {
            throw bad(kind, text, "the " + which + " " + port + " is above 65535");
        }
        return port;
    }

    static String bindPart(char kind, String text, String value) {
        if (value.isEmpty() || value.equals(ForwardSpec.ANY)) {
            return ForwardSpec.ANY;
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw bad(kind, text, "the bind address \"" + value + "\" contains a space");
        }
        return value;
    }

    static String bind(String bindAddress) {
        if (bindAddress == null) {
            return ForwardSpec.DEFAULT_BIND;
        }
        String b = bindAddress.strip();
        if (b.startsWith("[") && b.endsWith("]")) {
            b = b.substring(1, b.length() - 1);
        }
        if (b.isEmpty() || b.equals(ForwardSpec.ANY)) {
            return ForwardSpec.ANY;
        }
        if (b.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the bind address \"" + b + "\" contains a space");
        }
        return b;
    }

    /** Checks a -L or -R forward's parts; returns the bind address as kept. */
    static String checkHostForward(String bindAddress, int bindPort, String targetHost, int targetPort) {
        String bind = bind(bindAddress);
        checkListenPort(bindPort);
        checkTarget(targetHost, targetPort);
        return bind;
    }

    /** {@code bind:port:host:hostport}, IPv6 in brackets. */
    static String hostForward(String bind, int port, String targetHost, int targetPort) {
        return join(bind, port) + ":" + host(targetHost) + ":" + targetPort;
    }

    static void checkListenPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the listening port " + port + " is not from 0 to 65535");
        }
    }

    static void checkTarget(String host, int port) {
        Objects.requireNonNull(host, "targetHost");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the target host is empty");
        }
        if (host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the target host \"" + host + "\" contains a space");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the target port " + port + " is not from 1 to 65535");
        }
    }

    /** A host as OpenSSH writes it: IPv6 literals in brackets. */
    static String host(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    static String join(String bind, int port) {
        return host(bind) + ":" + port;
    }

    static boolean isLoopback(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        if (a.equals("localhost") || a.endsWith(".localhost")) {
            return true;
        }
        if (a.indexOf(':') >= 0) {
            // IPv6 literal: ::1 in any spelling, or ::ffff:127.x.y.z
            int zone = a.indexOf('%');
            String ip = zone >= 0 ? a.substring(0, zone) : a;
            if (ip.startsWith("::ffff:")) {
                return isLoopback(ip.substring("::ffff:".length()));
            }
            try {
                if (!ip.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':')) {
                    return false;
                }
                return java.net.InetAddress.getByName(ip).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        String[] octets = a.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit) || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
