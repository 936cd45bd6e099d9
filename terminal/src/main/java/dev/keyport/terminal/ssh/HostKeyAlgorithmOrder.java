package dev.keyport.terminal.ssh;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.signature.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the server for a host key of a type already trusted for it, as OpenSSH does: before the key
 * exchange starts, the host-key algorithms whose key type is trusted for this host and port move to the
 * front of this session's proposal (their relative order kept). A server with an ECDSA and an ed25519
 * key, of which only the ECDSA one is trusted, then shows its ECDSA key and is not mistaken for a changed
 * server. Runs when sshd-core has created the session and before it sends its KEXINIT.
 */
final class HostKeyAlgorithmOrder implements SessionListener {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyAlgorithmOrder.class);

    @Override
    public void sessionCreated(Session session) {
        if (!(session instanceof ClientSession client) || client.getConnectionContext() == null) {
            return;
        }
        TrustingServerKeyVerifier.Target target = client.getConnectionContext().getAttribute(TrustingServerKeyVerifier.TARGET);
        if (target == null) {
            return;
        }
        List<PublicKey> trusted;
        try {
            trusted = target.store().trustedKeys(target.host(), target.port());
        } catch (RuntimeException e) {
            LOG.debug("Could not read the trusted keys of {}:{} to order host key algorithms", target.host(), target.port());
            return; // the verifier reads them again and says what went wrong
        }
        if (trusted.isEmpty()) {
            return;
        }
        Set<String> types = trusted.stream().map(KeyUtils::getKeyType).collect(Collectors.toSet());
        client.setSignatureFactories(preferring(types, client.getSignatureFactories()));
    }

    /** The algorithms for key types in {@code types} first, then the rest; each group in its original order. */
    static List<NamedFactory<Signature>> preferring(Set<String> types, List<NamedFactory<Signature>> algorithms) {
        List<NamedFactory<Signature>> first = new ArrayList<>();
        List<NamedFactory<Signature>> rest = new ArrayList<>();
        for (NamedFactory<Signature> algorithm : algorithms) {
            (types.contains(KeyUtils.getCanonicalKeyType(algorithm.getName())) ? first : rest).add(algorithm);
        }
        first.addAll(rest);
        return first;
    }
}
