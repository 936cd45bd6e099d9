package dev.keyport.app;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.services.AppearanceCopy;
import dev.keyport.app.services.AppearancePreferences;
import dev.keyport.app.services.ConnectionPreferences;
import dev.keyport.app.services.WindowPreferences;
import dev.keyport.app.services.CredentialResolver;
import dev.keyport.app.services.DaemonThreads;
import dev.keyport.app.services.HostService;
import dev.keyport.app.services.IdentityService;
import dev.keyport.app.services.KeyService;
import dev.keyport.app.services.KnownHostsService;
import dev.keyport.app.services.LockPreferences;
import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.app.services.VaultHostKeyStore;
import dev.keyport.app.session.SessionService;
import dev.keyport.app.teamfile.TeamFileService;
import dev.keyport.app.tunnels.TunnelProfiles;
import dev.keyport.app.tunnels.TunnelService;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.vault.Vault;

/**
 * The composition root: every application service is built here, once, for the window and the
 * command line alike (constructor injection; no singletons), and shut down here in order: tunnels,
 * SSH connections, the SSH client, background work, then the vault. FX-free. The vault is opened by
 * the caller and handed over; the context closes it last.
 *
 * <p>Building a context starts the SSH client and closing it waits for connections (bounded): both
 * block, so neither runs on the UI thread.
 */
public final class KeyportContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyportContext.class);
    /** How long closing waits for SSH connections to say goodbye before leaving them to the exit. */
    static final Duration SESSION_CLOSE_BOUND = Duration.ofSeconds(3);

    private final Vault vault;
    private final ExecutorService background;
    private final CredentialResolver credentials;
    private final VaultHostKeyStore hostKeys;
    private final KnownHostsService knownHosts;
    private final SessionService sessions;
    private final HostService hosts;
    private final KeyService keys;
    private final IdentityService identities;
    private final TerminalPreferences terminalPreferences;
    private final AppearancePreferences appearance;
    private final ConnectionPreferences connectionPreferences;
    private final LockPreferences lockPreferences;
    private final WindowPreferences window;
    private final TunnelProfiles tunnelProfiles;
    private final TunnelService tunnels;
    private final TeamFileService teamFiles;
    private volatile boolean closed;

    /** @param prompter how the session layer asks the person (dialogs in the window, the console on the command line) */
    public KeyportContext(Vault vault, UserPrompter prompter) {
        this.vault = vault;
        this.background = Executors.newCachedThreadPool(DaemonThreads.named("keyport-background"));
        this.credentials = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());
        this.hostKeys = new VaultHostKeyStore(vault.hostKeys());
        this.knownHosts = new KnownHostsService(vault.hostKeys(), KnownHostsFile.defaultFile());
        this.hosts = new HostService(vault);
        this.terminalPreferences = new TerminalPreferences(vault.settings());
        this.appearance = new AppearancePreferences(vault.settings(), java.util.Optional.of(new AppearanceCopy(vault.directory())));
        this.connectionPreferences = new ConnectionPreferences(vault.settings());
        this.lockPreferences = new LockPreferences(vault.settings());
        this.window = new WindowPreferences(vault.settings());
        SshConnector connector = new SshConnector(hostKeys.withKnownHosts(knownHosts.knownHostsFile()), prompter);
        this.sessions = new SessionService(connector, credentials::specFor, prompter, background);
        this.tunnelProfiles = new TunnelProfiles(vault.forwardProfiles(), vault.hosts());
        this.tunnels = new TunnelService(sessions, vault.hosts());
        this.teamFiles = new TeamFileService(vault);
        this.keys = new KeyService(vault.keys(), vault.hosts(), vault.identities(), sessions);
        this.identities = new IdentityService(vault.identities(), vault.hosts(), vault.keys());
    }

    public Vault vault() {
        return vault;
    }

    /** Where blocking work goes (vault, key files, connections): daemon threads, never the UI thread. */
    public Executor background() {
        return background;
    }

    public CredentialResolver credentials() {
        return credentials;
    }

    public VaultHostKeyStore hostKeys() {
        return hostKeys;
    }

    /** Every trusted server key (the vault's and ~/.ssh/known_hosts, read only), for the Known hosts view (blocking). */
    /** The vault's keys: where each is used, generate, import, export, install on a host (blocking). */
    public KeyService keys() {
        return keys;
    }

    /** Reusable logins (blocking). */
    public IdentityService identities() {
        return identities;
    }

    public KnownHostsService knownHosts() {
        return knownHosts;
    }

    public SessionService sessions() {
        return sessions;
    }

    public HostService hosts() {
        return hosts;
    }

    public TerminalPreferences terminalPreferences() {
        return terminalPreferences;
    }

    public AppearancePreferences appearance() {
        return appearance;
    }

    /** The auto-lock time from Settings (blocking). */
    public LockPreferences lockPreferences() {
        return lockPreferences;
    }

    /** Connection defaults from Settings: the host-key policy for new hosts and quick connect (blocking). */
    public ConnectionPreferences connectionPreferences() {
        return connectionPreferences;
    }

    /** Where the main window was (blocking). */
    public WindowPreferences window() {
        return window;
    }

    /** The saved tunnels (blocking). */
    public TunnelProfiles tunnelProfiles() {
        return tunnelProfiles;
    }

    /** The tunnels switched on now. */
    public TunnelService tunnels() {
        return tunnels;
    }

    /** Export, preview and import of team files (blocking). */
    public TeamFileService teamFiles() {
        return teamFiles;
    }

    /**
     * Closes the SSH connections (waiting at most {@link #SESSION_CLOSE_BOUND}), the SSH client, the
     * background work and the vault, in that order. Blocking: call off the UI thread. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        tunnels.close();
        sessions.close(SESSION_CLOSE_BOUND);
        background.shutdownNow();
        vault.close();
        LOG.info("Keyport closed in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
