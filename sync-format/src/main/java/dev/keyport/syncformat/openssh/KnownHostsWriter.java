package dev.keyport.syncformat.openssh;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/** Writes {@code known_hosts} lines: {@code host keytype key}, {@code [host]:port ...}, or hashed. */
public final class KnownHostsWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One pinned key. */
    public record Pin(String host, int port, String keyType, String key) {
    }

    private KnownHostsWriter() {
    }

    /**
     * The lines for these pins, each ending in LF.
     *
     * @param hashed whether host names are hashed as {@code ssh-keygen -H} does (a fresh salt per line)
     * @throws IllegalArgumentException when a host name cannot stand in the file or a key does not parse
     */
    public static String write(List<Pin> pins, boolean hashed) {
        StringBuilder out = new StringBuilder();
        for (Pin pin : pins) {
            out.append(line(pin, hashed)).append('\n');
        }
        return out.toString();
    }

    /** One line, without its line end. */
    public static String line(Pin pin, boolean hashed) {
        if (pin.host().isEmpty() || !pin.host().chars().allMatch(c -> c > 0x20 && c < 0x7f && c != ',' && c != '#')
                || pin.host().startsWith("@") || pin.host().startsWith("|")) {
            throw new IllegalArgumentException("'" + pin.host() + "' cannot stand in a known_hosts file");
        }
        if (pin.port() < 1 || pin.port() > 65535) {
            throw new IllegalArgumentException("port " + pin.port() + " is out of range");
        }
        SshPublicKey.of(pin.keyType(), pin.key());
        String name = new KnownHostsEntry.HostPort(pin.host(), pin.port()).pattern();
        return (hashed ? hash(name) : name) + " " + pin.keyType() + " " + pin.key();
    }

    private static String hash(String name) {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(KnownHostsEntry.hmacSha1(salt, name));
    }
}
