package dev.keyport.syncformat.openssh;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One host key line of a {@code known_hosts} file.
 *
 * @param line     1-based line number
 * @param patterns the comma-separated host patterns as written ({@code host}, {@code [host]:port},
 *                 wildcards, {@code !negation}); empty when the line is hashed
 * @param hashed   the hashed host name ({@code |1|salt|hash}) when the line is hashed
 * @param keyType  e.g. {@code ssh-ed25519}
 * @param key      the public key blob, base64
 * @param comment  the rest of the line, "" for none
 */
public record KnownHostsEntry(int line, List<String> patterns, Optional<String> hashed, String keyType, String key,
                              String comment) {

    /** A host name and port, as {@code [host]:port} or {@code host} (port 22) stand in the file. */
    public record HostPort(String host, int port) {
        /** {@code host} for port 22, else {@code [host]:port}, lower case, as OpenSSH writes and matches it. */
        public String pattern() {
            String name = host.toLowerCase(Locale.ROOT);
            return port == 22 ? name : "[" + name + "]:" + port;
        }
    }

    public KnownHostsEntry {
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(hashed, "hashed");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(key, "key");
        comment = comment == null ? "" : comment;
    }

    /**
     * Whether this line names the host at this port, as OpenSSH looks it up: the name (lower case) as
     * {@code host} for port 22 or {@code [host]:port} otherwise, against the patterns (a matching
     * negated pattern wins) or, for a hashed line, as HMAC-SHA1 keyed with the line's salt.
     */
    public boolean matches(String host, int port) {
        String name = new HostPort(host, port).pattern();
        if (hashed.isPresent()) {
            String[] parts = hashed.get().split("\\|");
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(hmacSha1(salt, name), expected);
        }
        return HostPatterns.matchesList(name, String.join(",", patterns));
    }

    /** The plain host names and ports this line pins: its patterns without wildcards or negation. */
    public List<HostPort> hostPorts() {
        List<HostPort> out = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.startsWith("!") || HostPatterns.hasWildcard(pattern)) {
                continue;
            }
            if (pattern.startsWith("[")) {
                int close = pattern.indexOf("]:");
                int port = close > 0 ? SshConfigReader.port(pattern.substring(close + 2)) : -1;
                if (port > 0) {
                    out.add(new HostPort(pattern.substring(1, close), port));
                }
            } else {
                out.add(new HostPort(pattern, 22));
            }
        }
        return out;
    }

    /** HMAC-SHA1 of the host name under the salt: how OpenSSH hashes known_hosts names (not a security choice of Keyport's). */
    static byte[] hmacSha1(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
        }
    }
}
