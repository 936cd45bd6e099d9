package dev.keyport.syncformat.openssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses a forward specification as OpenSSH's readconf.c {@code parse_forward} does: fields split on
 * {@code :}, a field in {@code [...]} taken literally (IPv6), backslash escapes, and a field with a
 * {@code /} is a Unix socket path (not supported by Keyport).
 */
final class ForwardSpec {

    private ForwardSpec() {
    }

    /**
     * @param spec {@code [bind:]port:host:hostport} (local/remote, the two config arguments joined by
     *             {@code :}) or {@code [bind:]port} (dynamic)
     * @throws IllegalArgumentException with the reason
     */
    static SshForward parse(SshForward.Kind kind, String spec) {
        List<String> fields = new ArrayList<>();
        boolean path = false;
        String rest = spec.stripLeading();
        while (rest != null && fields.size() < 4) {
            if (rest.isEmpty()) {
                break;
            }
            if (rest.charAt(0) == '[') {
                int close = rest.indexOf(']');
                if (close < 0 || (close + 1 < rest.length() && rest.charAt(close + 1) != ':')) {
                    throw new IllegalArgumentException("an address in [...] must be followed by ':'");
                }
                String field = rest.substring(1, close);
                path |= field.contains("/");
                fields.add(field);
                rest = close + 1 < rest.length() ? rest.substring(close + 2) : null;
                continue;
            }
            StringBuilder field = new StringBuilder();
            int i = 0;
            boolean ended = false;
            for (; i < rest.length(); i++) {
                char c = rest.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= rest.length()) {
                        throw new IllegalArgumentException("a backslash ends the specification");
                    }
                    field.append(rest.charAt(++i));
                } else if (c == '/') {
                    path = true;
                    field.append(c);
                } else if (c == ':') {
                    ended = true;
                    break;
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            rest = ended ? rest.substring(i + 1) : null;
        }
        if (rest != null && !rest.isEmpty()) {
            throw new IllegalArgumentException("too many fields");
        }
        if (path) {
            throw new IllegalArgumentException("Unix socket forwards are not supported");
        }
        int n = fields.size();
        if (kind == SshForward.Kind.DYNAMIC) {
            if (n != 1 && n != 2) {
                throw new IllegalArgumentException("expected [bind_address:]port");
            }
            Optional<String> bind = n == 2 ? Optional.of(fields.get(0)) : Optional.empty();
            return new SshForward(kind, bind, listenPort(kind, fields.get(n - 1)), Optional.empty(), Optional.empty());
        }
        if (n != 3 && n != 4) {
            throw new IllegalArgumentException("expected [bind_address:]port host:hostport");
        }
        Optional<String> bind = n == 4 ? Optional.of(fields.get(0)) : Optional.empty();
        int offset = n - 3;
        int target = SshConfigReader.port(fields.get(offset + 2));
        if (target < 1) {
            throw new IllegalArgumentException("bad target port '" + fields.get(offset + 2) + "'");
        }
        if (fields.get(offset + 1).isEmpty()) {
            throw new IllegalArgumentException("missing target host");
        }
        return new SshForward(kind, bind, listenPort(kind, fields.get(offset)), Optional.of(fields.get(offset + 1)),
                Optional.of(target));
    }

    private static int listenPort(SshForward.Kind kind, String value) {
        int port = SshConfigReader.port(value);
        if (port < 0 || (port == 0 && kind != SshForward.Kind.REMOTE)) {
            throw new IllegalArgumentException("bad listen port '" + value + "'");
        }
        return port;
    }
}
