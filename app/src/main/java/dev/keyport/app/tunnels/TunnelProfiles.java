package dev.keyport.app.tunnels;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.ForwardProfileRepository;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostRepository;
import dev.keyport.vault.VaultException;

/** Saved tunnels in the vault, as the screens and commands use them. Blocking (JDBC): call off the UI thread. */
public final class TunnelProfiles {

    private final ForwardProfileRepository profiles;
    private final HostRepository hosts;

    public TunnelProfiles(ForwardProfileRepository profiles, HostRepository hosts) {
        this.profiles = profiles;
        this.hosts = hosts;
    }

    public List<ForwardProfile> list() throws VaultException {
        return profiles.list();
    }

    /** Saves a tunnel after checking that its host exists. */
    public void save(ForwardProfile profile) throws VaultException {
        if (hosts.find(profile.hostId()).isEmpty()) {
            throw new VaultException("The host chosen for " + profile.name() + " is not in the vault. Choose a saved host.");
        }
        profiles.save(profile);
    }

    public void delete(UUID id) throws VaultException {
        profiles.delete(id);
    }

    /** The tunnel named {@code which} (or with that id). */
    public ForwardProfile find(String which) throws VaultException {
        List<ForwardProfile> all = profiles.list();
        Optional<ForwardProfile> byId = all.stream().filter(p -> p.id().toString().equalsIgnoreCase(which)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<ForwardProfile> named = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(which.toLowerCase(Locale.ROOT))).toList();
        if (named.isEmpty()) {
            throw new VaultException("There is no tunnel called " + which + ". See: keyport tunnel list");
        }
        if (named.size() > 1) {
            throw new VaultException(named.size() + " tunnels are called " + which + "; name one by id: "
                    + named.stream().map(p -> p.id().toString()).collect(Collectors.joining(", ")));
        }
        return named.get(0);
    }

    /** The host a tunnel goes through, if it is still saved. */
    public Optional<Host> hostOf(ForwardProfile profile) throws VaultException {
        return hosts.find(profile.hostId());
    }
}
