package dev.keyport.app.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.SessionOptions;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.keys.DecodedKey;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostRepository;
import dev.keyport.vault.Identity;
import dev.keyport.vault.IdentityRepository;
import dev.keyport.vault.KeyRepository;
import dev.keyport.vault.VaultException;

/** Turns a saved host into what the session layer needs to connect. Blocking (reads key files). */
public final class CredentialResolver {

    private final Map<String, Supplier<Credential>> managed = new ConcurrentHashMap<>();
    private final HostRepository hosts;
    private final KeyRepository keys;
    private final IdentityRepository identities;

    public CredentialResolver(HostRepository hosts, KeyRepository keys, IdentityRepository identities) {
        this.hosts = hosts;
        this.keys = keys;
        this.identities = identities;
    }

    /** Registers a credential the application holds in memory only (the demo's key). */
    public void registerManaged(String reference, Supplier<Credential> credential) {
        managed.put(reference, credential);
    }

    /**
     * The connection for a host, with its own session options (host-key policy, legacy algorithms,
     * keepalive) and its jump chain, each hop with its own credentials and host-key check. As with
     * OpenSSH's ProxyJump, the first jump host's own jump chain is followed (to any depth); a chain
     * that comes back to a host already on the way is refused by name.
     */
    public ConnectionSpec specFor(Host host) throws SshFailure {
        List<Host> route = new ArrayList<>();
        route(host, new ArrayList<>(List.of(host)), route);
        List<ConnectionSpec> jumps = new ArrayList<>();
        for (Host jump : route) {
            jumps.add(directSpecFor(jump));
        }
        return directSpecFor(host).withJumps(jumps);
    }

    /** Adds the hops that lead to {@code host}, first hop first; {@code path} is the way from the target, for loops. */
    private void route(Host host, List<Host> path, List<Host> hops) throws SshFailure {
        List<UUID> chain = host.details().jumpChain();
        for (int i = 0; i < chain.size(); i++) {
            Host jump = find(chain.get(i), host);
            if (path.stream().anyMatch(h -> h.id().equals(jump.id())) || hops.stream().anyMatch(h -> h.id().equals(jump.id()))) {
                List<String> names = new ArrayList<>();
                path.forEach(h -> names.add(h.name()));
                names.add(jump.name());
                throw new SshFailure(SshFailure.Kind.UNREACHABLE, "The jump chain of " + path.get(0).name() + " goes round in a loop ("
                        + String.join(" → ", names) + "). Edit the jump hosts so that none leads back.");
            }
            if (i == 0) {
                path.add(jump);
                route(jump, path, hops);
                path.remove(path.size() - 1);
            }
            hops.add(jump);
        }
    }

    private Host find(UUID jumpId, Host of) throws SshFailure {
        try {
            return hosts.find(jumpId).orElseThrow(() -> new SshFailure(SshFailure.Kind.UNREACHABLE,
                    "A jump host of " + of.name() + " is no longer in the vault. Edit the host's jump chain."));
        } catch (VaultException e) {
            throw new SshFailure(SshFailure.Kind.UNREACHABLE, e.getMessage());
        }
    }

    /** The connection to the host itself, without its jump chain. */
    private ConnectionSpec directSpecFor(Host host) throws SshFailure {
        return credentialsSpecFor(host).withOptions(optionsFor(host.details()));
    }

    static SessionOptions optionsFor(HostDetails details) {
        SessionOptions options = SessionOptions.DEFAULTS
                .withHostKeyPolicy(dev.keyport.terminal.HostKeyPolicy.valueOf(details.hostKeyPolicy().name()))
                .withLegacyAlgorithms(details.legacyAlgorithms())
                .withAgent(SessionOptions.DEFAULTS.useAgent(), details.agentForwarding());
        if (details.keepAliveSeconds() > 0) {
            options = options.withKeepAlive(Duration.ofSeconds(details.keepAliveSeconds()), SessionOptions.DEFAULTS.keepAliveCountMax());
        }
        return options;
    }

    /** Who logs in and with what; a host with an identity logs in as that identity (its user, key, then password). */
    private ConnectionSpec credentialsSpecFor(Host host) throws SshFailure {
        if (host.details().identityId().isPresent()) {
            UUID id = host.details().identityId().get();
            try {
                Identity identity = identities.find(id).orElseThrow(() -> new SshFailure(SshFailure.Kind.KEY_UNREADABLE,
                        "The identity chosen for " + host.name() + " is no longer in the vault. Edit the host and choose another."));
                List<Credential> credentials = new ArrayList<>();
                if (identity.keyId().isPresent()) {
                    credentials.add(vaultKey(host, identity.keyId().get()));
                }
                credentials.add(identities.password(id).map(Credential.Password::new).orElseGet(Credential.Password::askWhenNeeded));
                return new ConnectionSpec(host.name(), host.address(), host.port(), identity.username(), credentials);
            } catch (VaultException e) {
                throw new SshFailure(SshFailure.Kind.KEY_UNREADABLE, e.getMessage());
            }
        }
        return new ConnectionSpec(host.name(), host.address(), host.port(), host.username(), credentialsFor(host));
    }

    private Credential vaultKey(Host host, UUID keyId) throws SshFailure, VaultException {
        String label = keys.find(keyId).map(k -> k.name()).orElseThrow(() -> new SshFailure(
                SshFailure.Kind.KEY_UNREADABLE, "The key chosen for " + host.name() + " is no longer in the vault."
                        + " Edit the host and choose another key."));
        byte[] material = keys.privateKey(keyId);
        Optional<char[]> passphrase = keys.passphrase(keyId);
        if (passphrase.isEmpty()) {
            return new Credential.PrivateKey(label, material);
        }
        // a key stored with its passphrase (from a team file): opened here, so nobody is asked for it
        try {
            DecodedKey key = KeyCodec.read(material, label, "", source -> passphrase.get().clone());
            return new Credential.PrivateKey(label, KeyCodec.writeOpenSsh(key, null));
        } catch (KeyCodecException e) {
            throw new SshFailure(SshFailure.Kind.KEY_UNREADABLE, "Key " + label + " in the vault cannot be opened with its saved"
                    + " passphrase: " + e.getMessage());
        } finally {
            Arrays.fill(material, (byte) 0);
            Arrays.fill(passphrase.get(), '\0');
        }
    }

    private List<Credential> credentialsFor(Host host) throws SshFailure {
        HostAuth auth = host.auth();
        if (auth instanceof HostAuth.KeyFile keyFile) {
            Path path = expandHome(keyFile.path());
            try {
                return List.of(new Credential.PrivateKey(path.getFileName().toString(), BoundedFile.read(path, BoundedFile.KEY)));
            } catch (NoSuchFileException e) {
                throw new SshFailure(SshFailure.Kind.KEY_UNREADABLE, "Key file " + path + " does not exist."
                        + " Edit the host and choose the right key file.");
            } catch (IOException e) {
                throw new SshFailure(SshFailure.Kind.KEY_UNREADABLE, "Key file " + path + " cannot be read: " + e.getMessage());
            }
        }
        if (auth instanceof HostAuth.Agent) {
            return List.of(new Credential.Agent());
        }
        if (auth instanceof HostAuth.Managed ref) {
            Supplier<Credential> credential = managed.get(ref.reference());
            if (credential == null) {
                throw new SshFailure(SshFailure.Kind.KEY_UNREADABLE, "The key for " + host.name()
                        + " only existed while an earlier Keyport was running. Edit the host and choose a key file.");
            }
            return List.of(credential.get());
        }
        try {
            if (auth instanceof HostAuth.SavedPassword) {
                return List.of(hosts.password(host.id()).map(Credential.Password::new).orElseGet(Credential.Password::askWhenNeeded));
            }
            if (auth instanceof HostAuth.VaultKey vaultKey) {
                return List.of(vaultKey(host, vaultKey.keyId()));
            }
        } catch (VaultException e) {
            throw new SshFailure(SshFailure.Kind.KEY_UNREADABLE, e.getMessage());
        }
        return List.of(Credential.Password.askWhenNeeded());
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }
}
