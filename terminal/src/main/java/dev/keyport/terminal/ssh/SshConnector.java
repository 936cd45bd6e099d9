package dev.keyport.terminal.ssh;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StreamCorruptedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.PasswordAuthenticationReporter;
import org.apache.sshd.client.auth.pubkey.PublicKeyAuthenticationReporter;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientConnectionServiceFactory;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.client.session.forward.ExplicitPortForwardingTracker;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.auth.UserAuthMethodFactory;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.common.util.threads.SshThreadPoolExecutor;
import org.apache.sshd.core.CoreModuleProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.HostKeyStore;
import dev.keyport.terminal.LoginRefusedFailure;
import dev.keyport.terminal.SessionState;
import dev.keyport.terminal.SessionStateListener;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.terminal.tunnel.Tunnels;

/**
 * Keyport's SSH client. Opens authenticated sessions from a {@link ConnectionSpec}, through its
 * jump hosts if it has any; blocking, so call it from a background thread. Close it once when the
 * application exits.
 */
public final class SshConnector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshConnector.class);
    /** Authentication may wait on the person (host key, password), so it gets a generous limit. */
    private static final Duration AUTH_TIMEOUT = Duration.ofMinutes(5);

    /**
     * Set up on a thread of its own while the connector is made: the SSH classes' first use costs a few
     * hundred milliseconds, which the window, made right after the master password, need not wait for.
     * The first connection waits for it instead, if it comes that early.
     */
    private final CompletableFuture<SshClient> client;
    private final HostKeyStore hostKeys;
    private final UserPrompter prompter;
    private final Optional<java.nio.file.Path> agentSocket;
    private SshClient legacyClient;

    /** A connector whose hosts may use the ssh-agent at {@code SSH_AUTH_SOCK}. */
    public SshConnector(HostKeyStore hostKeys, UserPrompter prompter) {
        this(hostKeys, prompter, AgentKeys.fromEnvironment());
    }

    /** A connector with an explicit ssh-agent socket (or none). */
    public SshConnector(HostKeyStore hostKeys, UserPrompter prompter, Optional<java.nio.file.Path> agentSocket) {
        this.hostKeys = hostKeys;
        this.prompter = prompter;
        this.agentSocket = agentSocket;
        this.client = CompletableFuture.supplyAsync(() -> newClient(false), work -> {
            Thread setup = new Thread(work, "keyport-ssh-setup");
            setup.setDaemon(true);
            setup.start();
        });
    }

    /** The client for modern algorithms, once set up (waits for it the first time). */
    private SshClient modernClient() {
        try {
            return client.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private static SshClient newClient(boolean legacy) {
        SshClient client = SshClient.setUpDefaultClient();
        // I/O threads below the UI's priority: during a flood the screen keeps its frames (see BackgroundPriority)
        int workers = Runtime.getRuntime().availableProcessors() + 1;
        client.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory(() -> new SshThreadPoolExecutor(workers, workers, 0L,
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), BackgroundPriority.threadFactory("keyport-ssh-io-", true))));
        if (legacy) {
            AlgorithmPolicy.applyLegacy(client);
        } else {
            AlgorithmPolicy.applyModernDefaults(client);
        }
        // sshd-core would otherwise read ~/.ssh/config silently and trust any server key.
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setServerKeyVerifier(new TrustingServerKeyVerifier());
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        // notes what the server accepts, so a refused login can say so
        client.setServiceFactories(List.of(new ServerAuthMethods(), ClientConnectionServiceFactory.INSTANCE));
        client.setAgentFactory(new AgentKeys());
        // -R connections are carried by Keyport's own forwarded-tcpip channel (half-close, counters)
        client.setChannelFactories(List.of(Tunnels.forwardedTcpipChannels()));
        client.addSessionListener(new NegotiationWatcher());
        client.addSessionListener(new HostKeyAlgorithmOrder());
        CoreModuleProperties.TCP_NODELAY.set(client, true);
        CoreModuleProperties.AUTH_TIMEOUT.set(client, AUTH_TIMEOUT);
        client.start();
        return client;
    }

    private synchronized SshClient clientFor(ConnectionSpec hop) {
        if (!hop.options().legacyAlgorithms()) {
            return modernClient();
        }
        if (legacyClient == null) {
            LOG.warn("Legacy SSH algorithms (SHA-1, CBC) enabled for {}", hop.displayName());
            legacyClient = newClient(true);
        }
        return legacyClient;
    }

    /** Connects, checks the host key and authenticates. */
    public SshConnection connect(ConnectionSpec spec) throws SshFailure {
        return connect(spec, SessionStateListener.NONE);
    }

    /**
     * Connects through the jump hosts (each checked and authenticated on its own), then to the
     * host itself, reporting state changes to {@code listener}.
     *
     * @throws SshFailure with a message a person can act on; a failing jump host is named
     */
    public SshConnection connect(ConnectionSpec spec, SessionStateListener listener) throws SshFailure {
        return connect(spec, listener, prompter);
    }

    /**
     * As {@link #connect(ConnectionSpec, SessionStateListener)}, asking the person through {@code askWith}
     * for this connection only (the application uses it to tell which connection is waiting on a prompt).
     */
    public SshConnection connect(ConnectionSpec spec, SessionStateListener listener, UserPrompter askWith) throws SshFailure {
        String target = spec.target();
        listener.stateChanged(target, SessionState.CONNECTING, Optional.empty());
        List<ConnectionSpec> hops = spec.hops();
        List<AutoCloseable> chain = new ArrayList<>();
        try {
            ClientSession previous = null;
            ClientSession session = null;
            for (int i = 0; i < hops.size(); i++) {
                ConnectionSpec hop = hops.get(i);
                boolean last = i == hops.size() - 1;
                String dialHost = hop.host();
                int dialPort = hop.port();
                if (previous != null) {
                    ExplicitPortForwardingTracker tunnel;
                    try {
                        tunnel = previous.createLocalPortForwardingTracker(new SshdSocketAddress("127.0.0.1", 0),
                                new SshdSocketAddress(hop.host(), hop.port()));
                    } catch (IOException | RuntimeException e) {
                        throw new SshFailure(Kind.CHANNEL_OPEN_FAILED, "Jump host " + hops.get(i - 1).displayName()
                                + " could not open a tunnel to " + hop.hostAndPort() + ": " + e.getMessage(), e);
                    }
                    chain.add(tunnel);
                    dialHost = tunnel.getBoundAddress().getHostName();
                    dialPort = tunnel.getBoundAddress().getPort();
                }
                try {
                    session = open(hop, dialHost, dialPort, last ? listener : SessionStateListener.NONE, target, previous != null, askWith);
                } catch (SshFailure e) {
                    if (last) {
                        throw e;
                    }
                    throw new SshFailure(e.kind(), "Jump host " + hop.displayName() + " (hop " + (i + 1) + " of " + (hops.size() - 1)
                            + " on the way to " + spec.displayName() + "): " + e.getMessage(), e);
                }
                chain.add(session);
                previous = session;
            }
            SshConnection connection = new SshConnection(spec, session, chain.subList(0, chain.size() - 1),
                    spec.options().forwardAgent() && agentSocket.isPresent());
            watchDisconnect(session, target, listener);
            listener.stateChanged(target, SessionState.CONNECTED, Optional.empty());
            return connection;
        } catch (SshFailure e) {
            Collections.reverse(chain);
            for (AutoCloseable c : chain) {
                closeQuietly(c);
            }
            listener.stateChanged(target, SessionState.DISCONNECTED, Optional.of(e.getMessage()));
            throw e;
        } finally {
            for (ConnectionSpec hop : hops) {
                hop.credentials().forEach(Credential::wipe);
            }
        }
    }

    /**
     * AUTHENTICATING once the server has greeted, its key was accepted and the keys are established
     * (not when the TCP connection opens: a server that never greets must not read as "logging in").
     */
    private static void tellWhenKeysAreEstablished(ClientSession session, SessionStateListener listener, String target) {
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable tell = () -> {
            if (told.compareAndSet(false, true)) {
                listener.stateChanged(target, SessionState.AUTHENTICATING, Optional.empty());
            }
        };
        session.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
            @Override
            public void sessionEvent(org.apache.sshd.common.session.Session s, Event event) {
                if (event == Event.KeyEstablished || event == Event.KexCompleted) {
                    tell.run();
                }
            }
        });
        if (session.getKexState() == org.apache.sshd.common.kex.KexState.DONE) {
            tell.run(); // the first key exchange finished before the listener was added
        }
    }

    private ClientSession open(ConnectionSpec spec, String dialHost, int dialPort, SessionStateListener listener, String target,
                               boolean tunnelled, UserPrompter prompter) throws SshFailure {
        boolean agentOnly = spec.credentials().stream().anyMatch(Credential.Agent.class::isInstance);
        if (agentOnly) {
            checkAgentHasKeys(spec);
        }
        Map<AttributeRepository.AttributeKey<?>, Object> attributes = new java.util.HashMap<>();
        attributes.put(TrustingServerKeyVerifier.TARGET,
                new TrustingServerKeyVerifier.Target(spec.host(), spec.port(), hostKeys, prompter, spec.options().hostKeyPolicy()));
        if (agentOnly || spec.options().useAgent() || spec.options().forwardAgent()) {
            agentSocket.ifPresent(socket -> attributes.put(AgentKeys.SOCKET, socket));
        }
        attributes.put(ConnectionNotes.KEY, new ConnectionNotes());
        AttributeRepository context = AttributeRepository.ofAttributesMap(attributes);
        ClientSession session;
        try {
            ConnectFuture future = clientFor(spec).connect(spec.username(), dialHost, dialPort, context, null);
            session = future.verify(spec.connectTimeout()).getSession();
        } catch (IOException | RuntimeException e) {
            throw connectFailure(spec, e);
        }
        KeepAlive.watchGreeting(session, spec.connectTimeout());
        tellWhenKeysAreEstablished(session, listener, target);
        try {
            Set<String> tried = Collections.synchronizedSet(new LinkedHashSet<>());
            PasswordSource passwords = new PasswordSource(spec, prompter);
            try {
                if (agentOnly) {
                    // the agent's keys and nothing else: no password or keyboard-interactive prompt
                    session.setUserAuthFactories(List.of(org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory.INSTANCE));
                }
                offerCredentials(session, spec, tried, passwords, prompter);
                session.auth().verify(AUTH_TIMEOUT);
            } catch (IOException | RuntimeException e) {
                SshFailure rejection = ConnectionNotes.of(session).rejection;
                if (rejection != null) {
                    throw rejection;
                }
                SshFailure negotiation = ConnectionNotes.of(session).negotiation;
                if (negotiation != null) {
                    throw negotiation;
                }
                Optional<SshFailure> mismatch = NegotiationWatcher.fromException(spec.hostAndPort(), e);
                if (mismatch.isPresent()) {
                    throw mismatch.get();
                }
                if (e instanceof SshFailure) {
                    throw (SshFailure) e;
                }
                if (ConnectionNotes.of(session).noGreeting) {
                    throw new SshFailure(Kind.TIMEOUT, "Connection timed out: " + spec.hostAndPort() + " accepted the connection but sent no"
                            + " SSH greeting within " + spec.connectTimeout().toSeconds() + " s. Is this the SSH port?", e);
                }
                if (!session.isOpen() && !session.isAuthenticated() && tried.isEmpty()) {
                    String where = tunnelled ? spec.hostAndPort() + " (through the jump host)" : spec.hostAndPort();
                    throw new SshFailure(Kind.DISCONNECTED, "The server at " + where + " closed the connection before login"
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
                }
                if (agentOnly) {
                    throw new SshFailure(Kind.AUTH_FAILED, "Permission denied for " + spec.target() + " (tried: "
                            + (tried.isEmpty() ? "nothing" : String.join(", ", tried)) + "). This host logs in with the ssh-agent's keys"
                            + " only, and the server accepted none of them. Add the right key with ssh-add, or install its public key on"
                            + " the server.");
                }
                List<String> accepted = ConnectionNotes.of(session).serverMethods;
                if (tried.isEmpty() && !accepted.isEmpty() && !passwords.cancelled()) {
                    // nothing was sent: say what the server would have taken, not just "tried nothing"
                    throw new LoginRefusedFailure(spec.target(), accepted, lacking(accepted));
                }
                throw new SshFailure(Kind.AUTH_FAILED, "Permission denied for " + spec.target()
                        + " (tried: " + (tried.isEmpty() ? "nothing: no key, agent key or password is set for this host" : String.join(", ", tried)) + ")."
                        + " Check the user name and the key or password saved for this host.");
            } finally {
                passwords.wipe();
            }
            Duration keepAlive = spec.options().keepAliveInterval();
            if (!keepAlive.isZero()) {
                KeepAlive.start(session, keepAlive, spec.options().keepAliveCountMax(), spec.displayName());
            }
            return session;
        } catch (SshFailure e) {
            session.close(true);
            throw e;
        }
    }

    /** Nothing was tried, so Keyport had nothing for any method the server accepts that Keyport speaks. */
    private static LoginRefusedFailure.Lacking lacking(List<String> accepted) {
        boolean key = accepted.contains(UserAuthMethodFactory.PUBLIC_KEY);
        boolean password = accepted.contains(UserAuthMethodFactory.PASSWORD) || accepted.contains(UserAuthMethodFactory.KB_INTERACTIVE);
        if (key && password) {
            return LoginRefusedFailure.Lacking.KEY_OR_PASSWORD;
        }
        if (key) {
            return LoginRefusedFailure.Lacking.KEY;
        }
        return password ? LoginRefusedFailure.Lacking.PASSWORD : LoginRefusedFailure.Lacking.SUPPORTED_METHOD;
    }

    /** For a host that logs in with the agent only: an agent must run and hold a key, or nothing is sent. */
    private void checkAgentHasKeys(ConnectionSpec spec) throws SshFailure {
        if (agentSocket.isEmpty()) {
            throw new SshFailure(Kind.KEY_UNREADABLE, spec.displayName() + " logs in with the ssh-agent's keys, but no ssh-agent is"
                    + " reachable (SSH_AUTH_SOCK is not set, or names no socket). Start ssh-agent, add your key with ssh-add and start"
                    + " Keyport from that session, or choose another login for this host.");
        }
        Path socket = agentSocket.get();
        int keys;
        try (AgentKeys.UnixSocketAgent agent = new AgentKeys.UnixSocketAgent(socket)) {
            Iterator<?> identities = agent.getIdentities().iterator();
            keys = 0;
            while (identities.hasNext()) {
                identities.next();
                keys++;
            }
        } catch (IOException | RuntimeException e) {
            throw new SshFailure(Kind.KEY_UNREADABLE, spec.displayName() + " logs in with the ssh-agent's keys, but the agent at " + socket
                    + " does not answer (" + e.getMessage() + "). Start ssh-agent again and add your key with ssh-add.", e);
        }
        if (keys == 0) {
            throw new SshFailure(Kind.KEY_UNREADABLE, spec.displayName() + " logs in with the ssh-agent's keys, but the agent at " + socket
                    + " holds no key. Add one with ssh-add, then connect again.");
        }
    }

    private void watchDisconnect(ClientSession session, String target, SessionStateListener listener) {
        session.addSessionListener(new DisconnectWatcher(target, listener));
    }

    private void offerCredentials(ClientSession session, ConnectionSpec spec, Set<String> tried, PasswordSource passwords,
            UserPrompter prompter) throws SshFailure {
        Map<java.security.PublicKey, String> labels = new java.util.concurrent.ConcurrentHashMap<>();
        for (Credential credential : spec.credentials()) {
            if (credential instanceof Credential.PrivateKey key) {
                for (KeyPair pair : loadKey(key)) {
                    session.addPublicKeyIdentity(pair);
                    labels.put(pair.getPublic(), "publickey " + shortType(pair) + " '" + key.label() + "'");
                }
            } else if (credential instanceof Credential.Password password) {
                passwords.add(password);
            }
        }
        session.setPublicKeyAuthenticationReporter(new PublicKeyAuthenticationReporter() {
            @Override
            public void signalAuthenticationAttempt(ClientSession s, String service, KeyPair identity, String signature) {
                tried.add(labels.getOrDefault(identity.getPublic(), "publickey " + shortType(identity) + " from ssh-agent"));
            }
        });
        if (passwords.hasAny()) {
            // Only a stored password is handed over up front: sshd loads these identities as soon as
            // keyboard-interactive starts. A password to ask for is asked through
            // UserInteraction.resolveAuthPasswordAttempt, when the password method really needs it.
            session.setPasswordIdentityProvider(ctx -> passwords.stored().map(List::of).orElse(List.of()));
            session.setPasswordAuthenticationReporter(new PasswordAuthenticationReporter() {
                @Override
                public void signalAuthenticationAttempt(ClientSession s, String service, String oldPassword, boolean modified, String newPassword) {
                    tried.add("password");
                }
            });
        }
        session.setUserInteraction(new PromptingInteraction(spec, prompter, passwords, tried));
    }

    /** {@code ed25519}, {@code ecdsa-p256}, {@code rsa}: how the "tried:" list names key types. */
    static String shortType(KeyPair pair) {
        String type = KeyUtils.getKeyType(pair);
        if (type == null) {
            return "key";
        }
        switch (type) {
            case KeyPairProvider.SSH_ED25519:
                return "ed25519";
            case "ssh-rsa":
                return "rsa";
            default:
                return type.startsWith("ecdsa-sha2-nistp") ? "ecdsa-p" + type.substring("ecdsa-sha2-nistp".length()) : type;
        }
    }

    private Iterable<KeyPair> loadKey(Credential.PrivateKey key) throws SshFailure {
        java.util.concurrent.atomic.AtomicBoolean passphraseGiven = new java.util.concurrent.atomic.AtomicBoolean();
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
                java.util.Arrays.fill(typed, '\0');
                passphraseGiven.set(true);
                return value;
            }
        };
        try {
            Iterable<KeyPair> pairs = KeyCodec.loadKeyPairs(key.label(), key.material(), passphrase);
            if (pairs == null || !pairs.iterator().hasNext()) {
                throw new SshFailure(Kind.KEY_UNREADABLE, "Key '" + key.label() + "' is not a private key Keyport can read"
                        + " (OpenSSH, PEM, PKCS#8 or PuTTY PPK expected)");
            }
            return pairs;
        } catch (SshFailure e) {
            throw e;
        } catch (StreamCorruptedException e) {
            throw new SshFailure(Kind.KEY_UNREADABLE, "Wrong passphrase for key '" + key.label() + "'");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String lower = detail.toLowerCase();
            // Legacy PEM encryption (CBC, no MAC) sometimes "decrypts" with a wrong passphrase into garbage
            // that only fails later, as a DER error: after a passphrase, any unreadable result means it was wrong.
            if (passphraseGiven.get() || lower.contains("decrypt") || lower.contains("passphrase") || lower.contains("password") || lower.contains("mac")
                    || lower.contains("pad") || lower.contains("encrypted data") || lower.contains("finalising cipher")) {
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

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c instanceof ClientSession s) {
                s.close(true);
            } else {
                c.close();
            }
        } catch (Exception e) {
            LOG.debug("Closing failed", e);
        }
    }

    @Override
    public synchronized void close() {
        List<SshClient> clients = new ArrayList<>();
        SshClient modern = client.handle((set, failed) -> set).join(); // waits for a set-up still running
        if (modern != null) { // one whose set-up failed has nothing to stop
            clients.add(modern);
        }
        if (legacyClient != null) {
            clients.add(legacyClient);
        }
        for (SshClient c : clients) {
            try {
                // Graceful first: stop() closes immediately, and a read still pending then completes on
                // an executor that is already shut down (an uncaught IllegalStateException on an NIO thread).
                c.close(false).await(Duration.ofSeconds(5));
                c.stop();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Stopping the SSH client failed", e);
            }
        }
    }

    /**
     * Replaces every key trusted for the host of {@code change} with exactly the key it offered: the last
     * step of the confirmed "server key changed" flow (the person compared both fingerprints and said so).
     * Blocking (the store may be the vault).
     *
     * @throws SshFailure when the store cannot (a read-only known_hosts still trusts the old key); the message says what to do
     */
    public void replaceTrustedKey(dev.keyport.terminal.HostKeyChange change) throws SshFailure {
        try {
            hostKeys.replace(change.host(), change.port(), change.offeredKey());
        } catch (IllegalStateException | UnsupportedOperationException e) {
            throw new SshFailure(Kind.HOST_KEY_CHANGED, "The trusted key for " + change.hostAndPort() + " was not replaced: "
                    + e.getMessage(), e);
        }
        LOG.info("Replaced the trusted key of {} with {} {} after the person confirmed it", change.hostAndPort(),
                change.offeredType(), change.offeredFingerprint());
    }

    /** The client itself, for tests that check the algorithm policy really in force. */
    SshClient client() {
        return modernClient();
    }
}
