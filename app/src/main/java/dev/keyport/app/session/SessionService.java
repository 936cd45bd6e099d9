package dev.keyport.app.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.vault.Host;

/**
 * The live SSH connections of the application, by saved host. It owns the {@link SshConnector}:
 * terminal tabs, tunnels and commands all get their connections here, as {@link Session} handles
 * with typed {@link SessionEvent}s. FX-free; {@link #open} never blocks, {@link #connect} does.
 */
public final class SessionService implements AutoCloseable {

    /** Turns a saved host into what the session layer needs (its credentials, options and jump chain); blocking. */
    @FunctionalInterface
    public interface SpecSource {
        ConnectionSpec specFor(Host host) throws SshFailure;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);

    private final SshConnector connector;
    private final SpecSource specs;
    private final UserPrompter prompter;
    private final Executor background;
    private final List<LiveConnection> live = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    /**
     * @param background where connections are made and closed (a pool of daemon threads in the
     *                   application; tests may pass a direct executor)
     */
    public SessionService(SshConnector connector, SpecSource specs, UserPrompter prompter, Executor background) {
        this.connector = connector;
        this.specs = specs;
        this.prompter = prompter;
        this.background = background;
    }

    /**
     * A handle on a connection to {@code host}; connecting happens in the background and its events go
     * to {@code listener}, ending with {@link SessionEvent.Connected} or {@link SessionEvent.Failed}.
     */
    public Session open(Host host, Sharing sharing, SessionListener listener) {
        if (sharing == Sharing.SHARED) {
            Optional<Session> joined = joinLive(host, listener);
            if (joined.isPresent()) {
                return joined.get();
            }
        }
        LiveConnection connection = new LiveConnection(host, this);
        Session session = connection.join(listener);
        if (closing) {
            session.deliver(new SessionEvent.Failed(SshFailure.Kind.DISCONNECTED, "Keyport is closing."));
            return session;
        }
        live.add(connection);
        background.execute(() -> {
            try {
                connection.establish();
            } catch (SshFailure e) {
                // delivered to the holders as SessionEvent.Failed
            }
        });
        return session;
    }

    /** Connects to {@code host} on this thread and returns the logged-in handle (the command line's way). */
    public Session connect(Host host) throws SshFailure {
        if (closing) {
            throw new SshFailure(SshFailure.Kind.DISCONNECTED, "Keyport is closing.");
        }
        LiveConnection connection = new LiveConnection(host, this);
        Session session = connection.join(SessionListener.NONE);
        live.add(connection);
        connection.establish();
        return session;
    }

    private synchronized Optional<Session> joinLive(Host host, SessionListener listener) {
        for (LiveConnection connection : live) {
            if (connection.host().id().equals(host.id()) && connection.joinable()) {
                return Optional.of(connection.join(listener));
            }
        }
        return Optional.empty();
    }

    /** Hosts with a connection open or being opened, one entry per connection. */
    public List<Host> liveHosts() {
        List<Host> hosts = new ArrayList<>();
        live.forEach(c -> hosts.add(c.host()));
        return hosts;
    }

    ConnectionSpec specFor(Host host) throws SshFailure {
        return specs.specFor(host);
    }

    /**
     * Replaces every key trusted for the host of {@code change} with exactly the key it offered, after the
     * person compared both fingerprints and confirmed (the window's changed-key dialog). Blocking: the vault.
     *
     * @throws SshFailure when it cannot be done (a read-only known_hosts still trusts the old key); the message says what to do
     */
    public void replaceHostKey(dev.keyport.terminal.HostKeyChange change) throws SshFailure {
        connector.replaceTrustedKey(change);
    }

    SshConnector connector() {
        return connector;
    }

    UserPrompter prompter() {
        return prompter;
    }

    boolean isClosing() {
        return closing;
    }

    void forget(LiveConnection connection) {
        live.remove(connection);
    }

    void closeInBackground(Runnable close) {
        try {
            background.execute(close);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            close.run();
        }
    }

    /**
     * Closes every connection and the SSH client, waiting at most {@code bound}; what is not closed by
     * then is left to the process's exit. Blocking: call off the UI thread.
     *
     * @return true when everything closed within the bound
     */
    public boolean close(Duration bound) {
        closing = true;
        List<LiveConnection> open = List.copyOf(live);
        live.clear();
        CountDownLatch done = new CountDownLatch(1);
        Thread closer = new Thread(() -> {
            for (LiveConnection connection : open) {
                try {
                    connection.closeNow();
                } catch (RuntimeException e) {
                    LOG.debug("Closing a connection to {}: {}", connection.host().name(), e.getMessage());
                }
            }
            connector.close();
            done.countDown();
        }, "keyport-close-sessions");
        closer.setDaemon(true);
        closer.start();
        try {
            boolean closed = done.await(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!closed) {
                LOG.warn("{} SSH connection(s) did not close within {} ms; leaving them to the exit", open.size(), bound.toMillis());
            }
            return closed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
