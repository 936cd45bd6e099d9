package dev.keyport.terminal.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;

import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.HostKeyChangedFailure;
import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.HostKeyPolicy;
import dev.keyport.terminal.HostKeyStore;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;

/**
 * Checks the server's key during key exchange, before any credential is sent. A known key passes;
 * a key for a host with no trusted key is handled by the policy (asked, saved, or refused); a key for
 * a host that has any trusted key (of any type, in any store) that does not match one of them is a
 * changed key, refused under every policy without asking, with both fingerprints (replacing a trusted
 * key is a separate, deliberate action: {@link HostKeyChange}).
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
        List<PublicKey> trusted;
        try {
            trusted = target.store().trustedKeys(target.host(), target.port());
        } catch (RuntimeException e) {
            ConnectionNotes.of(session).rejection = new SshFailure(SshFailure.Kind.HOST_KEY_REJECTED, "Could not read the keys trusted for "
                    + where + " from " + target.store().describe() + " (" + e.getMessage() + "); nothing was sent. Try again.", e);
            return false;
        }
        for (PublicKey known : trusted) {
            if (KeyUtils.compareKeys(known, serverKey)) {
                return true;
            }
        }
        if (!trusted.isEmpty()) {
            // Any trusted key, of any type and from any store, pins the host: OpenSSH refuses here too. A server
            // that also has a key of a trusted type is asked for that type first (HostKeyAlgorithmOrder).
            ConnectionNotes.of(session).rejection = changed(target, serverKey, trusted);
            return false;
        }
        HostKeyInfo info = new HostKeyInfo(target.host(), target.port(), type, Fingerprints.sha256(serverKey));
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

    private static HostKeyChangedFailure changed(Target target, PublicKey offered, List<PublicKey> trusted) {
        String host = target.host();
        int port = target.port();
        String type = Fingerprints.keyType(offered);
        List<HostKeyChange.Trusted> pinned = trusted.stream()
                .map(k -> new HostKeyChange.Trusted(Fingerprints.keyType(k), Fingerprints.sha256(k), target.store().whereTrusted(host, port, k)))
                .toList();
        HostKeyChange change = new HostKeyChange(host, port, pinned, offered);
        StringBuilder message = new StringBuilder("WARNING: the host key for " + host + ":" + port + " has changed. Someone may be"
                + " intercepting the connection, or the server was reinstalled. Keyport refused to connect and sent no credentials.\n");
        for (HostKeyChange.Trusted k : pinned) {
            message.append("Trusted key: ").append(k.keyType()).append(' ').append(k.fingerprint()).append(" (in ").append(k.where()).append(")\n");
        }
        message.append("Offered key: ").append(type).append(' ').append(change.offeredFingerprint()).append('\n');
        if (pinned.stream().noneMatch(k -> k.keyType().equals(type))) {
            message.append("The server offered a key of another type than the trusted one; a server that really has the trusted key"
                    + " would have been asked for it first.\n");
        }
        message.append(target.store().replaceAdvice(host, port));
        return new HostKeyChangedFailure(change, message.toString());
    }
}
