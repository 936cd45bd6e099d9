package dev.keyport.app;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.services.CredentialResolver;
import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.app.services.VaultHostKeyStore;
import dev.keyport.app.ui.HostListViewModel;
import dev.keyport.app.ui.MainWindow;
import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.vault.Vault;

/**
 * The one place the application is wired together and the one place it is shut down. The vault
 * is opened by the caller and handed over; the context closes it last.
 */
public final class KeyportContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyportContext.class);

    private final Vault vault;
    private final ExecutorService background;
    private final CredentialResolver credentials;
    private final VaultHostKeyStore hostKeys;
    private final SshConnector ssh;
    private final TerminalPreferences preferences;
    private final Optional<Integer> scrollbackForThisRun;
    private MainWindow window;

    public KeyportContext(Vault vault, UserPrompter prompter) {
        this(vault, prompter, Optional.empty());
    }

    /** @param scrollbackForThisRun lines of history each terminal keeps in this run, in place of the saved setting */
    public KeyportContext(Vault vault, UserPrompter prompter, Optional<Integer> scrollbackForThisRun) {
        this.scrollbackForThisRun = scrollbackForThisRun;
        this.vault = vault;
        this.preferences = new TerminalPreferences(vault.settings());
        this.background = Executors.newCachedThreadPool(daemonThreads("keyport-background"));
        this.credentials = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());
        this.hostKeys = new VaultHostKeyStore(vault.hostKeys());
        this.ssh = new SshConnector(hostKeys.withOpenSshKnownHosts(), prompter);
    }

    public Vault vault() {
        return vault;
    }

    public CredentialResolver credentials() {
        return credentials;
    }

    public VaultHostKeyStore hostKeys() {
        return hostKeys;
    }

    /** The main window, created once. */
    public MainWindow mainWindow() {
        if (window == null) {
            BackgroundPriority.lowerJitCompilerThreads(); // the window's threads come first (docs/benchmarks.md)
            HostListViewModel hostList = new HostListViewModel(vault.hosts(), background);
            int scrollback = scrollbackForThisRun.orElseGet(preferences::scrollbackLines); // one row of the open vault
            window = new MainWindow(hostList, (host, listener) -> ssh.connect(credentials.specFor(host), listener), background,
                    scrollback, preferences);
        }
        return window;
    }

    /** Closes sessions, the SSH client and the vault, in that order. Call once, on the FX thread if a window exists. */
    @Override
    public void close() {
        if (window != null) {
            window.closeAll();
        }
        background.shutdown();
        try {
            if (!background.awaitTermination(3, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ssh.close();
        vault.close();
        LOG.info("Keyport closed");
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
