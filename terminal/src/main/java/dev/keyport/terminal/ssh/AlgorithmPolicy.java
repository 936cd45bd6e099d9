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

    /** Removes weak algorithms from every list of the given client or server (call before start). */
    public static void applyModernDefaults(AbstractFactoryManager manager) {
        manager.setKeyExchangeFactories(filter(manager.getKeyExchangeFactories()));
        manager.setCipherFactories(filter(manager.getCipherFactories()));
        manager.setMacFactories(filter(manager.getMacFactories()));
        manager.setSignatureFactories(filter(manager.getSignatureFactories()));
    }

    /**
     * The per-host "legacy algorithms" switch: sshd-core's full default lists, which add ssh-rsa
     * (SHA-1) signatures, SHA-1 key exchange and MACs and CBC ciphers after the modern ones.
     */
    public static void applyLegacy(AbstractFactoryManager manager) {
        // setUpDefaultClient already installed the full lists, modern algorithms first.
    }

    private static <T extends NamedResource> List<T> filter(List<T> factories) {
        Predicate<T> strong = f -> !isWeak(f.getName());
        return factories.stream().filter(strong).collect(Collectors.toList());
    }
}
