package dev.keyport.app.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.SessionState;
import dev.keyport.terminal.SessionStateListener;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.vault.Host;

/**
 * One SSH connection to a saved host and the handles that hold it. Events of the connection go to
 * every holder; a holder that joins late is told where the connection stands.
 */
final class LiveConnection {

    private static final Logger LOG = LoggerFactory.getLogger(LiveConnection.class);

    private final Host host;
    private final SessionService service;
    private final List<Session> holders = new CopyOnWriteArrayList<>();
    private volatile SshConnection connection;
    /** The latest progress event (connecting, logging in), repeated to holders that join and after a prompt. */
    private volatile SessionEvent progress;
    private volatile boolean ended;

    LiveConnection(Host host, SessionService service) {
        this.host = host;
        this.service = service;
    }

    Host host() {
        return host;
    }

    Optional<SshConnection> connection() {
        return Optional.ofNullable(connection);
    }

    /** Usable by a new holder: not failed, not disconnected, not closed. */
    boolean joinable() {
        return !ended && (connection == null || connection.isOpen());
    }

    synchronized Session join(SessionListener listener) {
        Session session = new Session(this, listener);
        holders.add(session);
        if (connection != null) {
            session.deliver(new SessionEvent.Connected());
        } else if (progress != null) {
            session.deliver(progress);
        }
        return session;
    }

    /** Connects, checks the host key and logs in; blocking. Events go to the holders. */
    void establish() throws SshFailure {
        long started = System.nanoTime();
        try {
            ConnectionSpec spec = service.specFor(host);
            SshConnection opened = service.connector().connect(spec, stateListener(spec.username()), prompter());
            synchronized (this) {
                if (holders.isEmpty() || service.isClosing()) {
                    ended = true;
                    service.forget(this);
                    service.closeInBackground(opened::close);
                    throw new SshFailure(SshFailure.Kind.DISCONNECTED, "The connection to " + host.name() + " is no longer wanted");
                }
                connection = opened;
            }
            LOG.info("Connected to {} in {} ms", host.name(), (System.nanoTime() - started) / 1_000_000);
            publish(new SessionEvent.Connected());
        } catch (SshFailure e) {
            LOG.info("Connecting to {} failed: {}", host.name(), e.getMessage());
            fail(e.kind(), e.getMessage(), dev.keyport.terminal.HostKeyChange.of(e));
            throw e;
        } catch (RuntimeException | LinkageError e) {
            // A bug, not a network problem: still say so rather than spin forever.
            LOG.error("Connecting to {} failed unexpectedly", host.name(), e);
            fail(SshFailure.Kind.UNREACHABLE, "Keyport hit an unexpected error (" + e.getClass().getSimpleName() + "). Details are in the log.");
            throw new SshFailure(SshFailure.Kind.UNREACHABLE, "Keyport hit an unexpected error connecting to " + host.name(), e);
        }
    }

    private void fail(SshFailure.Kind kind, String message) {
        fail(kind, message, java.util.Optional.empty());
    }

    private void fail(SshFailure.Kind kind, String message, java.util.Optional<dev.keyport.terminal.HostKeyChange> keyChange) {
        ended = true;
        service.forget(this);
        publish(new SessionEvent.Failed(kind, message, keyChange));
    }

    private SessionStateListener stateListener(String user) {
        return (target, state, reason) -> {
            if (state == SessionState.CONNECTING) {
                publishProgress(new SessionEvent.Connecting(target));
            } else if (state == SessionState.AUTHENTICATING) {
                publishProgress(new SessionEvent.Authenticating(user));
            } else if (state == SessionState.DISCONNECTED && connection != null && !ended) {
                // before the connection was up, a failure arrives as SshFailure instead
                ended = true;
                service.forget(this);
                publish(new SessionEvent.Disconnected(reason.orElse("")));
            }
        };
    }

    private void publishProgress(SessionEvent event) {
        progress = event;
        publish(event);
    }

    private void publish(SessionEvent event) {
        for (Session holder : holders) {
            holder.deliver(event);
        }
    }

    /** The application's prompter, telling this connection's holders while the person is being asked. */
    private UserPrompter prompter() {
        UserPrompter person = service.prompter();
        return new UserPrompter() {
            @Override
            public HostKeyAnswer confirmUnknownHostKey(HostKeyInfo info) {
                return asking("Do you trust the server's key?", () -> person.confirmUnknownHostKey(info));
            }

            @Override
            public Optional<List<char[]>> answerPrompts(String title, String instruction, List<Prompt> prompts) {
                return asking(title, () -> person.answerPrompts(title, instruction, prompts));
            }

            @Override
            public Optional<char[]> askSecret(String title, String prompt) {
                return asking(title, () -> person.askSecret(title, prompt));
            }
        };
    }

    private <T> T asking(String question, Supplier<T> ask) {
        publish(new SessionEvent.Prompting(question));
        try {
            return ask.get();
        } finally {
            SessionEvent resume = progress;
            if (resume != null) {
                publish(resume);
            }
        }
    }

    /** A holder let go; the connection closes (in the background) when nobody holds it. */
    synchronized void release(Session session) {
        holders.remove(session);
        if (holders.isEmpty()) {
            ended = true;
            service.forget(this);
            SshConnection open = connection;
            if (open != null) {
                service.closeInBackground(open::close);
            }
        }
    }

    /** Closes the connection now, whoever holds it (Keyport is closing). */
    void closeNow() {
        ended = true;
        SshConnection open = connection;
        if (open != null) {
            open.close();
        }
    }
}
