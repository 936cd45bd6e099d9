package dev.keyport.app.ui.identities;

import java.util.List;

import dev.keyport.app.services.IdentityService;
import dev.keyport.vault.Identity;

/**
 * One identity as the Identities page shows it.
 *
 * @param credential "key work laptop + saved password", "key work laptop", "saved password"
 * @param usage      "Used by hosts db, web", or "Not used by any host"
 */
public record IdentityRow(Identity identity, String credential, boolean hasPassword, List<String> hosts, String usage) {

    public IdentityRow {
        hosts = List.copyOf(hosts);
    }

    static IdentityRow of(IdentityService.IdentityItem item) {
        String key = item.keyName().map(k -> "key " + k).orElse(item.identity().keyId().isPresent() ? "a key no longer in the vault" : "");
        String credential;
        if (!key.isEmpty() && item.hasPassword()) {
            credential = key + " + saved password";
        } else if (!key.isEmpty()) {
            credential = key;
        } else if (item.hasPassword()) {
            credential = "saved password";
        } else {
            credential = "password asked when connecting";
        }
        String usage = item.hosts().isEmpty() ? "Not used by any host"
                : "Used by " + (item.hosts().size() == 1 ? "host " : "hosts ") + String.join(", ", item.hosts());
        return new IdentityRow(item.identity(), credential, item.hasPassword(), item.hosts(), usage);
    }

    public String name() {
        return identity.name();
    }

    public String username() {
        return identity.username();
    }
}
