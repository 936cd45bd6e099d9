package dev.keyport.app.ui.terminal;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.keyport.app.services.Destination;
import dev.keyport.app.services.DisplayText;
import dev.keyport.app.session.Session;
import dev.keyport.app.session.SessionEvent;
import dev.keyport.app.session.SessionService;
import dev.keyport.app.session.Sharing;
import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.vault.Host;

/**
 * One terminal tab's state: connecting (with what is happening now), the open shell, a failure with
 * its reason, or the end of the session. It gets a session from the {@link SessionService}, opens a
 * shell on it, and lets go of the session when the shell ends or the tab closes. Properties change
 * on the UI thread only (through {@code ui}); blocking work goes to {@code background}.
 */
public final class TerminalTabViewModel {

    /** Where the tab is in its life. */
    public enum Phase { CONNECTING, OPEN, FAILED, ENDED }

    /** The terminal's size in characters, as the view measures it. */
    public record Size(int columns, int rows) {
    }

    static final int DEFAULT_COLUMNS = 80;
    static final int DEFAULT_ROWS = 24;

    private final Host host;
    private final String title;
    private final ReadOnlyBooleanWrapper unsaved;
    private final SessionService sessions;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.CONNECTING);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problemTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper ended = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ShellChannel> shell = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HostKeyChange> keyChange = new ReadOnlyObjectWrapper<>();
    private Supplier<Size> lastSize = () -> null;
    private Session session;
    /** Which connect attempt is current: events of an earlier attempt are ignored. Read and written on the UI thread. */
    private int attempt;
    private boolean closed;
    /** The shell exited on its own (the connection was fine): a later disconnect is ours, not news. */
    private boolean exited;
    private String disconnectReason;

    public TerminalTabViewModel(Host host, SessionService sessions, Executor background, Executor ui) {
        this(host, host.name(), false, sessions, background, ui);
    }

    /**
     * @param title   the tab's title ("web", or "web (2)" beside another tab on web)
     * @param unsaved the host is not in the vault (quick connect): the tab offers to save it
     */
    public TerminalTabViewModel(Host host, String title, boolean unsaved, SessionService sessions, Executor background, Executor ui) {
        this.host = host;
        this.title = title;
        this.unsaved = new ReadOnlyBooleanWrapper(unsaved);
        this.sessions = sessions;
        this.background = background;
        this.ui = ui;
    }

    public Host host() {
        return host;
    }

    public String title() {
        return title;
    }

    /** True while the host is not saved in the vault (opened by quick connect). */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** The host was saved (or the person declined): the tab stops offering it. */
    public void dismissSaveOffer() {
        unsaved.set(false);
    }

    /** What the person should know about the server's algorithms while the session is open, or "". */
    public String legacyWarning() {
        return host.details().legacyAlgorithms()
                ? "Legacy algorithms are on for " + host.name() + " (SHA-1 signatures, CBC ciphers). Turn them off once the server is updated."
                : "";
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** While connecting: what is happening ("Connecting to …", "Logging in as …", "Waiting for your answer: …"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** When failed: a heading ("Could not connect to db") and the reason with what to do. */
    public ReadOnlyStringProperty problemTitleProperty() {
        return problemTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** When ended: why ("Disconnected from db. Connection reset", "The shell on db exited (status 0)."). */
    public ReadOnlyStringProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    /**
     * When the connection failed because the server's key changed: both keys, for the view's confirmed
     * replace dialog; null otherwise.
     */
    public ReadOnlyObjectProperty<HostKeyChange> keyChangeProperty() {
        return keyChange.getReadOnlyProperty();
    }

    /**
     * The person compared both fingerprints and confirmed: replace the trusted key with exactly the one the
     * server offered (in the background), then connect again. Call on the UI thread; does nothing unless
     * the last attempt failed with a changed key.
     */
    public void replaceKeyAndReconnect() {
        HostKeyChange change = keyChange.get();
        if (change == null || closed || phase.get() != Phase.FAILED) {
            return;
        }
        int thisAttempt = attempt;
        keyChange.set(null);
        status.set("Replacing the trusted key of " + change.hostAndPort() + "…");
        phase.set(Phase.CONNECTING);
        background.execute(() -> {
            try {
                sessions.replaceHostKey(change);
                ui.execute(() -> {
                    if (thisAttempt == attempt && !closed) {
                        connect(lastSize);
                    }
                });
            } catch (SshFailure | RuntimeException e) {
                ui.execute(() -> {
                    if (thisAttempt == attempt && !closed) {
                        fail("The trusted key of " + change.hostAndPort() + " was not replaced", e.getMessage());
                    }
                });
            }
        });
    }

    /** The open shell (the view joins the terminal widget to it); null until then and after it ends. */
    public ReadOnlyObjectProperty<ShellChannel> shellProperty() {
        return shell.getReadOnlyProperty();
    }

    /**
     * Starts (or restarts) the session. Call on the UI thread. {@code size} is asked on the UI thread
     * once logged in, for the shell's first size.
     */
    public void connect(Supplier<Size> size) {
        if (closed) {
            return;
        }
        releaseSession();
        lastSize = size;
        keyChange.set(null);
        int thisAttempt = ++attempt;
        exited = false;
        disconnectReason = null;
        problemTitle.set("");
        problem.set("");
        ended.set("");
        status.set("Connecting to " + Destination.display(host.username(), host.address(), host.port(), true) + "…");
        phase.set(Phase.CONNECTING);
        session = sessions.open(host, Sharing.OWN, event -> ui.execute(() -> onEvent(thisAttempt, event, size)));
    }

    private void onEvent(int thisAttempt, SessionEvent event, Supplier<Size> size) {
        if (thisAttempt != attempt || closed) {
            return;
        }
        if (event instanceof SessionEvent.Connecting) {
            status.set("Connecting to " + Destination.display(host.username(), host.address(), host.port(), true) + "…");
        } else if (event instanceof SessionEvent.Authenticating a) {
            status.set("Logging in as " + a.user() + "…");
        } else if (event instanceof SessionEvent.Prompting p) {
            status.set("Waiting for your answer: " + p.question());
        } else if (event instanceof SessionEvent.Connected) {
            status.set("Opening a shell…");
            openShell(thisAttempt, size.get());
        } else if (event instanceof SessionEvent.Failed f) {
            keyChange.set(f.keyChange().orElse(null)); // before fail(): the view builds its failure pane on the phase change
            fail("Could not connect to " + host.name(), f.message());
        } else if (event instanceof SessionEvent.Disconnected d) {
            if (!exited) {
                disconnectReason = d.reason();
                if (phase.get() == Phase.ENDED) {
                    ended.set(disconnectedText());
                }
            }
        }
    }

    private void openShell(int thisAttempt, Size size) {
        Session current = session;
        int columns = size == null || size.columns() < 2 ? DEFAULT_COLUMNS : size.columns();
        int rows = size == null || size.rows() < 2 ? DEFAULT_ROWS : size.rows();
        background.execute(() -> {
            try {
                ShellChannel channel = current.openShell(columns, rows);
                ui.execute(() -> attach(thisAttempt, channel));
            } catch (SshFailure e) {
                ui.execute(() -> {
                    if (thisAttempt == attempt) {
                        fail("Could not open a shell on " + host.name(), e.getMessage());
                    }
                });
            }
        });
    }

    private void attach(int thisAttempt, ShellChannel channel) {
        if (thisAttempt != attempt || closed) {
            channel.close();
            return;
        }
        shell.set(channel);
        phase.set(Phase.OPEN);
        channel.onClosed(() -> ui.execute(() -> shellEnded(thisAttempt, channel)));
    }

    private void shellEnded(int thisAttempt, ShellChannel channel) {
        if (thisAttempt != attempt || closed || shell.get() != channel) {
            return;
        }
        exited = channel.exitStatus().isPresent() && disconnectReason == null;
        ended.set(exited ? "The shell on " + host.name() + " exited (status " + channel.exitStatus().get() + ")."
                : disconnectedText());
        phase.set(Phase.ENDED);
        if (exited) {
            releaseSession(); // the shell is over; nothing else of this tab needs the connection
        }
    }

    private String disconnectedText() {
        String reason = disconnectReason;
        return "Disconnected from " + DisplayText.line(host.name()) + (reason == null || reason.isBlank() ? "." : ". " + DisplayText.line(reason)); // the server's words
    }

    private void fail(String title, String message) {
        releaseSession();
        problemTitle.set(DisplayText.line(title));
        problem.set(DisplayText.lines(message)); // may quote the server
        phase.set(Phase.FAILED);
    }

    private void releaseSession() {
        Session old = session;
        session = null;
        shell.set(null);
        if (old != null) {
            try {
                background.execute(old::close);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                old.close(); // Keyport is closing; closing a handle does not block
            }
        }
    }

    /** Closes the session; the tab is going away. Call on the UI thread; safe to call more than once. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseSession();
    }

    public boolean isClosed() {
        return closed;
    }
}
