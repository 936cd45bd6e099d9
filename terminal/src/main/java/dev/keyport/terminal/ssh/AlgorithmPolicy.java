package dev.keyport.terminal.ssh;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.helpers.AbstractFactoryManager;

/**
 * Keyport's algorithm policy: sshd-core's defaults minus SHA-1, CBC, RC4, MD5 and DSA, which
 * OpenSSH no longer offers by default either. Applied to the client and to the demo server.
 */
public final class AlgorithmPolicy {

    private AlgorithmPolicy() {
    }

    /** True when the algorithm name is considered weak (SHA-1 signatures/MACs/KEX, CBC, RC4, MD5, DSA). */
    public static boolean isWeak(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("ssh-rsa") || n.equals("ssh-rsa-cert-v01@openssh.com")
                || n.startsWith("ssh-dss") || n.contains("sha1") || n.contains("-cbc") || n.contains("arcfour")
                || n.contains("md5") || n.equals("3des-cbc") || n.endsWith("group1-sha1") || n.equals("none");
    }

    /**
     * Key exchange preference, chosen with the figures in docs/benchmarks.md: ML-KEM hybrid first (as
     * OpenSSH 10; BouncyCastle's ML-KEM costs about what curve25519 costs), then curve25519, and only
     * then sntrup761: BouncyCastle's pure-Java sntrup761 added hundreds of milliseconds to every
     * connection, warm or not, so OpenSSH 9.0-9.8 servers (no ML-KEM) get curve25519 rather than
     * sntrup761. Moving the two sntrup names before curve25519 restores OpenSSH 10's order.
     */
    static final List<String> KEX_ORDER = List.of("mlkem768x25519-sha256", "curve25519-sha256", "curve25519-sha256@libssh.org",
            "sntrup761x25519-sha512", "sntrup761x25519-sha512@openssh.com",
            "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521", "diffie-hellman-group-exchange-sha256",
            "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512");
    /** AES-GCM runs on AES-NI; sshd's chacha20-poly1305 is pure Java and an order of magnitude slower, so it comes last. */
    static final List<String> CIPHER_ORDER = List.of("aes128-gcm@openssh.com", "aes256-gcm@openssh.com",
            "aes128-ctr", "aes192-ctr", "aes256-ctr", "chacha20-poly1305@openssh.com");

    /** Removes weak algorithms from every list of the given client or server and orders them (call before start). */
    public static void applyModernDefaults(AbstractFactoryManager manager) {
        manager.setKeyExchangeFactories(order(filter(manager.getKeyExchangeFactories()), KEX_ORDER));
        manager.setCipherFactories(order(filter(manager.getCipherFactories()), CIPHER_ORDER));
        manager.setMacFactories(filter(manager.getMacFactories()));
        manager.setSignatureFactories(filter(manager.getSignatureFactories()));
    }

    /**
     * The per-host "legacy algorithms" switch: sshd-core's full default lists, which add ssh-rsa
     * (SHA-1) signatures, SHA-1 key exchange and MACs and CBC ciphers after the modern ones.
     */
    public static void applyLegacy(AbstractFactoryManager manager) {
        // setUpDefaultClient installed the full lists; keep them all, modern ones first.
        manager.setKeyExchangeFactories(order(manager.getKeyExchangeFactories(), KEX_ORDER));
        manager.setCipherFactories(order(manager.getCipherFactories(), CIPHER_ORDER));
    }

    /** The named algorithms first, in the given order; the rest after them in their original order. */
    static <T extends NamedResource> List<T> order(List<T> factories, List<String> preferred) {
        List<T> sorted = new java.util.ArrayList<>(factories);
        sorted.sort(java.util.Comparator.comparingInt(f -> {
            int i = preferred.indexOf(f.getName());
            return i < 0 ? preferred.size() : i;
        }));
        return sorted;
    }

    private static <T extends NamedResource> List<T> filter(List<T> factories) {
        Predicate<T> strong = f -> !isWeak(f.getName());
        return factories.stream().filter(strong).collect(Collectors.toList());
    }
}
