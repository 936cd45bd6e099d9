package dev.keyport.terminal.ssh;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;

import dev.keyport.terminal.SshFailure;

/**
 * Why a connection failed or ended, noted by the verifier, watchers and timers, and read by
 * {@link SshConnector}. Kept in the connection context Keyport owns: sshd-core clears a session's
 * own attributes when it closes, which raced with reading them.
 */
final class ConnectionNotes {

    static final AttributeKey<ConnectionNotes> KEY = new AttributeKey<>();

    volatile SshFailure rejection;
    volatile SshFailure negotiation;
    volatile boolean noGreeting;
    volatile String keepAliveReason;
    volatile boolean closedLocally;
    /** The methods the server last said can continue (empty until it refused one). */
    volatile java.util.List<String> serverMethods = java.util.List.of();

    static ConnectionNotes of(Session session) {
        AttributeRepository context = session instanceof ClientSession client ? client.getConnectionContext() : null;
        ConnectionNotes notes = context == null ? null : context.getAttribute(KEY);
        return notes == null ? new ConnectionNotes() : notes;
    }
}
