package dev.keyport.app.services;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostRepository;
import dev.keyport.vault.Identity;
import dev.keyport.vault.IdentityRepository;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.KeyRepository;
import dev.keyport.vault.VaultException;

/**
 * Identities (a user name plus a vault key and/or a saved password) as the Identities page uses them.
 * Hosts refer to an identity by id, so saving one changes every host that uses it. Blocking: call off
 * the UI thread. Passwords passed in are wiped here.
 */
public final class IdentityService {

    /** An identity with its key's name, whether it has a saved password, and the hosts that use it. */
    public record IdentityItem(Identity identity, Optional<String> keyName, boolean hasPassword, List<String> hosts) {
        public IdentityItem {
            hosts = List.copyOf(hosts);
        }
    }

    /** What to do with an identity's saved password when saving it. */
    public sealed interface PasswordChange permits Keep, Replace, Remove {
    }

    /** Leave the saved password (or its absence) as it is. */
    public record Keep() implements PasswordChange {
    }

    /** Save this password (wiped after saving). */
    public record Replace(char[] password) implements PasswordChange {
        @Override
        public String toString() {
            return "Replace[****]";
        }
    }

    /** Remove the saved password. */
    public record Remove() implements PasswordChange {
    }

    private final IdentityRepository identities;
    private final HostRepository hosts;
    private final KeyRepository keys;

    public IdentityService(IdentityRepository identities, HostRepository hosts, KeyRepository keys) {
        this.identities = identities;
        this.hosts = hosts;
        this.keys = keys;
    }

    public List<IdentityItem> list() throws VaultException {
        Map<UUID, String> keyNames = new HashMap<>();
        keys.list().forEach(k -> keyNames.put(k.id(), k.name()));
        List<Host> allHosts = hosts.list();
        List<IdentityItem> items = new ArrayList<>();
        for (Identity identity : identities.list()) {
            Optional<char[]> password = identities.password(identity.id());
            password.ifPresent(p -> Arrays.fill(p, '\0'));
            items.add(new IdentityItem(identity, identity.keyId().map(keyNames::get), password.isPresent(),
                    hostsUsing(identity.id(), allHosts)));
        }
        return items;
    }

    /** The keys an identity can hold. */
    public List<KeyEntry> keys() throws VaultException {
        return keys.list();
    }

    /** Names of the hosts that log in as this identity. */
    public List<String> hostsUsing(UUID identityId) throws VaultException {
        return hostsUsing(identityId, hosts.list());
    }

    private static List<String> hostsUsing(UUID identityId, List<Host> allHosts) {
        return allHosts.stream().filter(h -> h.details().identityId().filter(identityId::equals).isPresent()).map(Host::name).toList();
    }

    /** Saves a new or edited identity; every host using it logs in with the new values from now on. */
    public void save(Identity identity, PasswordChange password) throws VaultException {
        try {
            if (identity.keyId().isPresent() && keys.find(identity.keyId().get()).isEmpty()) {
                throw new VaultException("The key chosen for " + identity.name() + " is no longer in the vault. Choose another.");
            }
            if (password instanceof Replace replace) {
                identities.save(identity, replace.password());
            } else if (password instanceof Remove) {
                identities.save(identity, null);
            } else {
                identities.saveDetails(identity);
            }
        } finally {
            if (password instanceof Replace replace && replace.password() != null) {
                Arrays.fill(replace.password(), '\0');
            }
        }
    }

    /**
     * Deletes an identity. While hosts use it: refused unless {@code evenIfUsed} (the person confirmed,
     * having seen their names); those hosts then log in with their own user and login again.
     */
    public void delete(UUID id, boolean evenIfUsed) throws VaultException, InUseException {
        Identity identity = identities.find(id).orElseThrow(() -> new VaultException("That identity is no longer in the vault."));
        List<String> using = hostsUsing(id);
        if (!using.isEmpty() && !evenIfUsed) {
            throw new InUseException("Identity " + identity.name() + " is used by " + InUseException.users(using, List.of())
                    + ". Those hosts would log in with their own user and login again.", using, List.of());
        }
        identities.delete(id);
    }
}
