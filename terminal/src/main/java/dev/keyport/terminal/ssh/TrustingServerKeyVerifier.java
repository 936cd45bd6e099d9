package dev.keyport.terminal.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.HostKeyPolicy;
import dev.keyport.terminal.HostKeyStore;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;

/**
 * Checks the server's key during key exchange, before any credential is sent. A known key passes;
 * an unknown key is shown to the person; a key that differs from the trusted one is refused
 * without asking (replacing a trusted key is a separate, deliberate action).
 * The reason for a refusal is noted in {@link ConnectionNotes} for {@link SshConnector} to report.
 */
final class TrustingServerKeyVerifier implements ServerKeyVerifier {

    /** Per-connection facts the verifier needs, passed through the connection context. */
    record Target(String host, int port, HostKeyStore store, UserPrompter prompter, HostKeyPolicy policy) {
    }

    static final AttributeKey<Target> TARGET = new AttributeKey<>();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        Target target = session.getConnectionContext() == null ? null : session.getConnectionContext().getAttribute(TARGET);
        if (target == null) {
            ConnectionNotes.of(session).rejection = (new SshFailure(SshFailure.Kind.HOST_KEY_REJECTED,
                    "No host key policy for this connection; refusing to continue"));
            return false;
        }
        String type = Fingerprints.keyType(serverKey);
        String where = target.host() + ":" + target.port();
        if (target.store().isRevoked(target.host(), target.port(), serverKey)) {
            ConnectionNotes.of(session).rejection = (new SshFailure(SshFailure.Kind.HOST_KEY_REJECTED,
                    "The host key of " + where + " (" + type + " " + Fingerprints.sha256(serverKey) + ") is marked @revoked in "
                            + target.store().describe() + ". Keyport refused to connect and sent no credentials."));
            return false;
        }
        List<PublicKey> trusted = target.store().trustedKeys(target.host(), target.port());
        for (PublicKey known : trusted) {
            if (KeyUtils.compareKeys(known, serverKey)) {
                return true;
            }
        }
        for (PublicKey known : trusted) {
            if (type.equals(Fingerprints.keyType(known))) {
                ConnectionNotes.of(session).rejection = (new SshFailure(SshFailure.Kind.HOST_KEY_CHANGED,
                        "WARNING: the host key for " + where + " has changed. Someone may be intercepting"
                                + " the connection, or the server was reinstalled. Keyport refused to connect and"
                                + " sent no credentials.\n"
                                + "Trusted key: " + type + " " + Fingerprints.sha256(known) + " (in " + target.store().describe() + ")\n"
                                + "Offered key: " + type + " " + Fingerprints.sha256(serverKey) + "\n"
                                + "Check with the server's administrator before replacing the trusted key."));
                return false;
            }
        }
        HostKeyInfo info = new HostKeyInfo(target.host(), target.port(), type, Fingerprints.sha256(serverKey), !trusted.isEmpty());
        if (target.policy() == HostKeyPolicy.STRICT) {
            ConnectionNotes.of(session).rejection = (new SshFailure(SshFailure.Kind.HOST_KEY_REJECTED,
                    "No trusted host key for " + where + " in " + target.store().describe() + " and strict host key checking is on;"
                            + " nothing was sent. The server offered " + type + " " + info.fingerprint() + "."));
            return false;
        }
        HostKeyAnswer answer;
        if (target.policy() == HostKeyPolicy.ACCEPT_NEW) {
            answer = HostKeyAnswer.TRUST_AND_SAVE;
        } else {
            try {
                answer = target.prompter().confirmUnknownHostKey(info);
            } catch (RuntimeException e) {
                answer = HostKeyAnswer.CANCEL;
            }
        }
        switch (answer) {
            case TRUST_AND_SAVE:
                try {
                    target.store().trust(target.host(), target.port(), serverKey);
                } catch (RuntimeException e) {
                    ConnectionNotes.of(session).rejection = (new SshFailure(SshFailure.Kind.HOST_KEY_REJECTED,
                            "Could not save the host key for " + where + ": " + e.getMessage()));
                    return false;
                }
                return true;
            case TRUST_ONCE:
                return true;
            default:
                ConnectionNotes.of(session).rejection = (new SshFailure(SshFailure.Kind.HOST_KEY_REJECTED,
                        "Host key for " + where + " (" + type + " " + info.fingerprint() + ") was not trusted;"
                                + " nothing was sent. Connect again and accept the key if you recognise it."));
                return false;
        }
    }
}
