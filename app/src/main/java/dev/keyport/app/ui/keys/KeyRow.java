package dev.keyport.app.ui.keys;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.keyport.app.services.KeyService;
import dev.keyport.vault.KeyEntry;

/**
 * One key as the Keys page shows it: its values, where it is used, and why it is weak (if it is).
 *
 * @param usage     "Used by hosts db, web · identities deploy", or "Not used by any host or identity"
 * @param weakness  why the key is weak, or empty
 */
public record KeyRow(UUID id, String name, String kind, String fingerprint, String publicKey, String usage, boolean inUse,
                     Optional<String> weakness, boolean hasPrivateKey) {

    static KeyRow of(KeyService.KeyItem item) {
        KeyEntry entry = item.entry();
        KeyService.KeyUsage usage = item.usage();
        String usedBy;
        if (!usage.inUse()) {
            usedBy = "Not used by any host or identity";
        } else {
            StringBuilder text = new StringBuilder("Used by ");
            if (!usage.hosts().isEmpty()) {
                text.append(usage.hosts().size() == 1 ? "host " : "hosts ").append(String.join(", ", usage.hosts()));
            }
            if (!usage.identities().isEmpty()) {
                text.append(usage.hosts().isEmpty() ? "" : " · ")
                        .append(usage.identities().size() == 1 ? "identity " : "identities ").append(String.join(", ", usage.identities()));
            }
            usedBy = text.toString();
        }
        return new KeyRow(entry.id(), entry.name(), kind(entry.type(), entry.bits()), entry.fingerprint(), entry.publicKey(), usedBy,
                usage.inUse(), item.weakness(), item.hasPrivateKey());
    }

    /** "ED25519 · 256 bits", "RSA · 4096 bits", "ECDSA · 384 bits", "DSA · 1024 bits". */
    static String kind(String type, int bits) {
        String t = type.toLowerCase(Locale.ROOT);
        String name;
        if (t.contains("ed25519")) {
            name = "ED25519";
        } else if (t.contains("ecdsa")) {
            name = "ECDSA";
        } else if (t.equals("ssh-rsa") || t.startsWith("rsa")) {
            name = "RSA";
        } else if (t.equals("ssh-dss")) {
            name = "DSA";
        } else {
            name = type;
        }
        return name + " · " + bits + " bits";
    }

    public boolean weak() {
        return weakness.isPresent();
    }
}
