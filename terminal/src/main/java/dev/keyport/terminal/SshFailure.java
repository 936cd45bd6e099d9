package dev.keyport.terminal;

import java.io.IOException;

/**
 * A connection problem told the way a person can act on it. {@link #getMessage()} is meant to be
 * shown as it is; it never contains a secret.
 */
public class SshFailure extends IOException {

    /** What went wrong, for code that reacts differently (retry button, trust dialog, ...). */
    public enum Kind {
        UNKNOWN_HOST, REFUSED, TIMEOUT, UNREACHABLE,
        HOST_KEY_REJECTED, HOST_KEY_CHANGED,
        NEGOTIATION_FAILED, KEY_UNREADABLE, AUTH_FAILED, CANCELLED,
        CHANNEL_OPEN_FAILED, DISCONNECTED,
        /** A forward's local port is taken by another program. */
        PORT_IN_USE,
        /** A forward cannot listen where it was asked to: a privileged port, an address not of this computer. */
        BIND_FAILED,
        /** The server said no to a forward (a remote forward's port, or forwarding disabled there). */
        FORWARD_REFUSED
    }

    private final Kind kind;

    public SshFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SshFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
