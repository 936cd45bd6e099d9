package dev.keyport.app.session;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.vault.Host;

/**
 * A handle on a connection to a saved host, handed out by {@link SessionService}. Several handles
 * may share one connection ({@link Sharing#SHARED}); closing a handle closes the shells it opened and
 * lets go of the connection, which closes when its last handle lets go.
 */
public final class Session implements AutoCloseable {

    private final LiveConnection live;
    private final SessionListener listener;
    private final List<ShellChannel> shells = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    Session(LiveConnection live, SessionListener listener) {
        this.live = live;
        this.listener = listener;
    }

    public Host host() {
        return live.host();
    }

    /** True once logged in and until the connection ends. */
    public boolean isConnected() {
        return !closed && live.connection().map(SshConnection::isOpen).orElse(false);
    }

    /** The authenticated connection, once {@link SessionEvent.Connected} was delivered; for tunnels and commands. */
    public Optional<SshConnection> connection() {
        return closed ? Optional.empty() : live.connection();
    }

    /**
     * Opens a shell with an {@code xterm-256color} PTY on this connection. Blocking: call off the UI
     * thread. The shell ending closes only the shell; the connection stays for its other users.
     */
    public ShellChannel openShell(int columns, int rows) throws SshFailure {
        SshConnection connection = connection().orElseThrow(() -> new SshFailure(SshFailure.Kind.DISCONNECTED,
                "The connection to " + host().name() + " is not open"));
        ShellChannel shell = connection.openShell(columns, rows);
        shells.add(shell);
        shell.onClosed(() -> shells.remove(shell));
        if (closed) {
            shell.close();
        }
        return shell;
    }

    void deliver(SessionEvent event) {
        if (!closed) {
            listener.onEvent(event);
        }
    }

    /** Closes this handle's shells and lets go of the connection. Does not block; safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ShellChannel shell : shells) {
            shell.close();
        }
        shells.clear();
        live.release(this);
    }
}
