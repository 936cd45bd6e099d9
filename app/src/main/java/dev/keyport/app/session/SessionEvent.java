package dev.keyport.app.session;

import java.util.Optional;

import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.SshFailure;

/**
 * What happens to a session, in the order it happens. Delivered on SSH or background threads:
 * a view model posts them to its UI thread.
 */
public sealed interface SessionEvent {

    /** Opening the TCP connection and the key exchange (through the jump hosts, if any). */
    record Connecting(String target) implements SessionEvent {
    }

    /** The server's key was accepted; logging in as {@code user}. */
    record Authenticating(String user) implements SessionEvent {
    }

    /** Waiting for the person to answer a question ({@code question} says which: a server key, a password, a code). */
    record Prompting(String question) implements SessionEvent {
    }

    /** Logged in: channels (shells, tunnels) may be opened now. */
    record Connected() implements SessionEvent {
    }

    /**
     * The connection could not be made; {@code message} says why and what to do. When the server's key
     * changed, {@code keyChange} has both keys, for the confirmed replace flow.
     */
    record Failed(SshFailure.Kind kind, String message, Optional<HostKeyChange> keyChange) implements SessionEvent {

        public Failed {
            keyChange = keyChange == null ? Optional.empty() : keyChange;
        }

        public Failed(SshFailure.Kind kind, String message) {
            this(kind, message, Optional.empty());
        }
    }

    /** A connection that was up has ended; {@code reason} says why, in words. */
    record Disconnected(String reason) implements SessionEvent {
    }
}
