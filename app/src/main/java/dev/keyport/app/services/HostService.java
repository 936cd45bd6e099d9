package dev.keyport.app.services;

import java.util.Arrays;
import java.util.List;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostRepository;
import dev.keyport.vault.VaultException;

/** Saved hosts, as the screens use them. Blocking (JDBC): call off the UI thread. */
public final class HostService {

    private final HostRepository hosts;

    public HostService(HostRepository hosts) {
        this.hosts = hosts;
    }

    public List<Host> list() throws VaultException {
        return hosts.list();
    }

    /** Saves a host and, if given, its password (encrypted in the vault); the password array is wiped either way. */
    public void save(Host host, char[] password) throws VaultException {
        try {
            hosts.save(host);
            if (password != null) {
                hosts.savePassword(host.id(), password);
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    public void delete(Host host) throws VaultException {
        hosts.delete(host.id());
    }
}
