package dev.keyport.terminal.ssh;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

import dev.keyport.terminal.SessionState;
import dev.keyport.terminal.SessionStateListener;

/** Reports the end of an established session once, with the server's reason or what broke. */
final class DisconnectWatcher implements SessionListener {


    private final String target;
    private final SessionStateListener listener;
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile String reason;

    DisconnectWatcher(String target, SessionStateListener listener) {
        this.target = target;
        this.listener = listener;
    }

    @Override
    public void sessionDisconnect(Session session, int code, String message, String language, boolean initiator) {
        if (reason == null) {
            reason = initiator ? "Disconnected: " + message : "The server closed the connection: " + message;
        }
    }

    @Override
    public void sessionException(Session session, Throwable t) {
        if (reason == null) {
            String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            reason = "The connection to " + target + " broke: " + detail;
        }
    }

    @Override
    public void sessionClosed(Session session) {
        if (reported.compareAndSet(false, true)) {
            String keepAlive = ConnectionNotes.of(session).keepAliveReason;
            String why = keepAlive != null ? keepAlive : reason != null ? reason
                    : ConnectionNotes.of(session).closedLocally ? "Closed by Keyport"
                    : "The connection to " + target + " was lost: closed by the server or the network without a reason";
            listener.stateChanged(target, SessionState.DISCONNECTED, Optional.of(why));
        }
    }
}
