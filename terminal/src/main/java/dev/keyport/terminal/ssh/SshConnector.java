package dev.keyport.terminal.ssh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StreamCorruptedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.HostKeyStore;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;
import dev.keyport.terminal.UserPrompter;

/**
 * Keyport's one SSH client. Opens authenticated sessions from a {@link ConnectionSpec}; blocking,
 * so call it from a background thread. Close it once when the application exits.
 */
public final class SshConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);
    /** Authentication may wait on the person (host key, password), so it gets a generous limit. */
    private static final Duration AUTH_TIMEOUT = Duration.ofMinutes(5);

    private final SshClient client;
    private final HostKeyStore hostKeys;
    private final UserPrompter prompter;

    public SshConnector(HostKeyStore hostKeys, UserPrompter prompter) {
        this.hostKeys = hostKeys;
        this.prompter = prompter;
        this.client = SshClient.setUpDefaultClient();
        AlgorithmPolicy.applyModernDefaults(client);
        // sshd-core would otherwise read ~/.ssh/config silently and trust any server key.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setServerKeyVerifier(new TrustingServerKeyVerifier());
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        CoreModuleProperties.AUTH_TIMEOUT.set(client, AUTH_TIMEOUT);
        client.start();
    }

    /**
     * Connects, checks the host key and authenticates.
     *
     * @throws SshFailure with a message a person can act on
     */
    public SshConnection connect(ConnectionSpec spec) throws SshFailure {
        AttributeRepository context = AttributeRepository.ofKeyValuePair(TrustingServerKeyVerifier.TARGET,
                new TrustingServerKeyVerifier.Target(spec.host(), spec.port(), hostKeys, prompter));
        ClientSession session;
        try {
            ConnectFuture future = client.connect(spec.username(), spec.host(), spec.port(), context, null);
            session = future.verify(spec.connectTimeout()).getSession();
        } catch (IOException | RuntimeException e) {
            throw connectFailure(spec, e);
        }
        try {
            List<String> tried = offerCredentials(session, spec);
            try {
                session.auth().verify(AUTH_TIMEOUT);
            } catch (IOException | RuntimeException e) {
                Optional<SshFailure> rejection = Optional.ofNullable(session.getAttribute(TrustingServerKeyVerifier.REJECTION));
                if (rejection.isPresent()) {
                    throw rejection.get();
                }
                if (!session.isOpen() && !session.isAuthenticated() && tried.isEmpty()) {
                    throw new SshFailure(Kind.DISCONNECTED, "The server at " + spec.hostAndPort() + " closed the connection during login", e);
                }
                throw new SshFailure(Kind.AUTH_FAILED, "Permission denied for " + spec.target()
                        + " (tried: " + (tried.isEmpty() ? "nothing: no key or password is set for this host" : String.join(", ", tried)) + ")."
                        + " Check the user name and the key or password saved for this host.");
            }
            return new SshConnection(spec, session);
        } catch (SshFailure e) {
            session.close(true);
            throw e;
        } finally {
            spec.credentials().forEach(Credential::wipe);
        }
    }

    private List<String> offerCredentials(ClientSession session, ConnectionSpec spec) throws SshFailure {
        List<String> tried = new ArrayList<>();
        for (Credential credential : spec.credentials()) {
            if (credential instanceof Credential.PrivateKey key) {
                for (KeyPair pair : loadKey(key)) {
                    session.addPublicKeyIdentity(pair);
                }
                tried.add("publickey '" + key.label() + "'");
            } else if (credential instanceof Credential.Password password) {
                session.setPasswordIdentityProvider(ctx -> askedPassword(spec, password));
                session.setUserInteraction(new PasswordInteraction(spec, password));
                tried.add("password");
            }
        }
        return tried;
    }

    private List<String> askedPassword(ConnectionSpec spec, Credential.Password password) {
        char[] secret = password.password();
        if (secret != null) {
            return List.of(new String(secret));
        }
        Optional<char[]> answer = prompter.askSecret("Password for " + spec.displayName(), "Password for " + spec.target() + ":");
        if (answer.isEmpty()) {
            return List.of();
        }
        char[] typed = answer.get();
        String value = new String(typed);
        Arrays.fill(typed, '\0');
        return List.of(value);
    }

    /** Keyboard-interactive "Password:" prompts answered with the same password. */
    private final class PasswordInteraction implements UserInteraction {
        private final ConnectionSpec spec;
        private final Credential.Password password;

        PasswordInteraction(ConnectionSpec spec, Credential.Password password) {
            this.spec = spec;
            this.password = password;
        }

        @Override
        public String[] interactive(ClientSession session, String name, String instruction, String lang, String[] prompt, boolean[] echo) {
            String[] answers = new String[prompt.length];
            for (int i = 0; i < prompt.length; i++) {
                List<String> pw = askedPassword(spec, password);
                if (pw.isEmpty()) {
                    return null;
                }
                answers[i] = pw.get(0);
            }
            return answers;
        }

        @Override
        public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
            return null;
        }
    }

    private Iterable<KeyPair> loadKey(Credential.PrivateKey key) throws SshFailure {
        FilePasswordProvider passphrase = new FilePasswordProvider() {
            @Override
            public String getPassword(SessionContext session, NamedResource resource, int retryIndex) throws IOException {
                Optional<char[]> answer = prompter.askSecret("Passphrase for key " + key.label(),
                        "Enter the passphrase for key '" + key.label() + "':");
                if (answer.isEmpty()) {
                    throw new SshFailure(Kind.CANCELLED, "No passphrase given for key '" + key.label() + "'");
                }
                char[] typed = answer.get();
                String value = new String(typed);
                Arrays.fill(typed, '\0');
                return value;
            }
        };
        try {
            Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName(key.label()),
                    new ByteArrayInputStream(key.material()), passphrase);
            if (pairs == null || !pairs.iterator().hasNext()) {
                throw new SshFailure(Kind.KEY_UNREADABLE, "Key '" + key.label() + "' is not a private key Keyport can read"
                        + " (OpenSSH, PEM or PKCS#8 expected)");
            }
            return pairs;
        } catch (SshFailure e) {
            throw e;
        } catch (StreamCorruptedException e) {
            throw new SshFailure(Kind.KEY_UNREADABLE, "Wrong passphrase for key '" + key.label() + "'");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (detail.toLowerCase().contains("decrypt") || detail.toLowerCase().contains("passphrase") || detail.toLowerCase().contains("password")) {
                throw new SshFailure(Kind.KEY_UNREADABLE, "Wrong passphrase for key '" + key.label() + "'");
            }
            throw new SshFailure(Kind.KEY_UNREADABLE, "Key '" + key.label() + "' could not be read: " + detail);
        }
    }

    static SshFailure connectFailure(ConnectionSpec spec, Throwable e) {
        Throwable root = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof UnresolvedAddressException
                    || t instanceof SocketTimeoutException || t instanceof TimeoutException || t instanceof NoRouteToHostException
                    || t instanceof InterruptedIOException) {
                break;
            }
        }
        String where = spec.hostAndPort();
        String message = String.valueOf(root.getMessage()).toLowerCase();
        if (root instanceof UnknownHostException || root instanceof UnresolvedAddressException) {
            return new SshFailure(Kind.UNKNOWN_HOST, "Unknown host: " + spec.host() + ". Check the address for typos.", e);
        }
        if (root instanceof ConnectException && message.contains("refused")) {
            return new SshFailure(Kind.REFUSED, "Connection refused: " + where
                    + ". Is an SSH server running there, and is the port right?", e);
        }
        if (root instanceof NoRouteToHostException || message.contains("unreachable")) {
            return new SshFailure(Kind.UNREACHABLE, "Host unreachable: " + where + ". Check your network or VPN.", e);
        }
        if (root instanceof SocketTimeoutException || root instanceof TimeoutException || root instanceof InterruptedIOException
                || message.contains("timeout") || message.contains("timed out")) {
            return new SshFailure(Kind.TIMEOUT, "Connection timed out: " + where + " did not answer within "
                    + spec.connectTimeout().toSeconds() + " s. Check the address and any firewall.", e);
        }
        return new SshFailure(Kind.UNREACHABLE, "Could not connect to " + where + ": " + root.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the SSH client failed", e);
        }
    }

    /** The client itself, for tests that check the algorithm policy really in force. */
    SshClient client() {
        return client;
    }
}
