package dev.keyport.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.services.CredentialResolver;
import dev.keyport.app.services.VaultHostKeyStore;
import dev.keyport.app.ui.HostListViewModel;
import dev.keyport.app.ui.MainWindow;
import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.tty.FloodTuning;
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
    private final int scrollbackLines;
    private MainWindow window;

    public KeyportContext(Vault vault, UserPrompter prompter) {
        this(vault, prompter, FloodTuning.DEFAULT_SCROLLBACK);
    }

    /** @param scrollbackLines lines of history each terminal keeps */
    public KeyportContext(Vault vault, UserPrompter prompter, int scrollbackLines) {
        this.scrollbackLines = scrollbackLines;
        this.vault = vault;
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
            window = new MainWindow(hostList, (host, listener) -> ssh.connect(credentials.specFor(host), listener), background, scrollbackLines);
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
