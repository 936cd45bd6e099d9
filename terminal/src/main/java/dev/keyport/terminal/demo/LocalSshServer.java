package dev.keyport.terminal.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.shell.InteractiveProcessShellFactory;
import org.apache.sshd.server.shell.ShellFactory;

import dev.keyport.terminal.ssh.AlgorithmPolicy;

/**
 * An SSH server inside this JVM, bound to 127.0.0.1 on a free port, running the local user's shell.
 * It backs Keyport's demo mode and its tests. By default it accepts exactly one key, generated
 * here and never written to disk, so no other local user can get a shell through it.
 */
public final class LocalSshServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final KeyPair clientKey;
    private final AtomicInteger authAttempts = new AtomicInteger();

    private LocalSshServer(SshServer server, KeyPair hostKey, KeyPair clientKey) {
        this.server = server;
        this.hostKey = hostKey;
        this.clientKey = clientKey;
    }

    /** Starts a server that accepts only the key it generates for its own client. */
    public static LocalSshServer start() throws IOException {
        return start(null, null);
    }

    /**
     * Starts a server that accepts its own generated key and, when {@code passwordUser} is given,
     * that user's password too (tests use this for password scenarios).
     */
    public static LocalSshServer start(String passwordUser, String password) throws IOException {
        return start(passwordUser, password, null);
    }

    /**
     * Like {@link #start(String, String)}, and when {@code oneTimeCode} is given, also keyboard-interactive
     * login that asks in one round for the password (hidden) and a verification code (shown), as
     * servers with a second factor do. Tests use this.
     */
    public static LocalSshServer start(String passwordUser, String password, String oneTimeCode) throws IOException {
        KeyPair hostKey = generateEd25519();
        KeyPair clientKey = generateEd25519();
        SshServer server = SshServer.setUpDefaultServer();
        AlgorithmPolicy.applyModernDefaults(server);
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        LocalSshServer local = new LocalSshServer(server, hostKey, clientKey);
        server.setPublickeyAuthenticator((username, key, session) -> {
            local.authAttempts.incrementAndGet();
            return KeyUtils.compareKeys(clientKey.getPublic(), key);
        });
        if (passwordUser != null) {
            server.setPasswordAuthenticator((username, pw, session) -> {
                local.authAttempts.incrementAndGet();
                return passwordUser.equals(username) && password.equals(pw);
            });
        } else {
            server.setPasswordAuthenticator(null);
        }
        if (passwordUser != null && oneTimeCode != null) {
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(new KeyboardInteractiveAuthenticator() {
                @Override
                public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods) {
                    InteractiveChallenge challenge = new InteractiveChallenge();
                    challenge.setInteractionName("Two-step login");
                    challenge.setInteractionInstruction("Log in with your password and the code from your authenticator app.");
                    challenge.addPrompt("Password: ", false);
                    challenge.addPrompt("Verification code: ", true);
                    return challenge;
                }

                @Override
                public boolean authenticate(ServerSession session, String username, List<String> responses) {
                    local.authAttempts.incrementAndGet();
                    return passwordUser.equals(username) && responses.size() == 2
                            && password.equals(responses.get(0)) && oneTimeCode.equals(responses.get(1));
                }
            });
        } else {
            server.setKeyboardInteractiveAuthenticator(null);
        }
        server.setShellFactory(shellFactory());
        server.start();
        return local;
    }

    /** A shell behind a real PTY where possible (typing echoes, full-screen programs work); pipes elsewhere. */
    private static ShellFactory shellFactory() {
        String shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
        if (PtyShellCommand.available()) {
            return channel -> new PtyShellCommand(shell);
        }
        return InteractiveProcessShellFactory.INSTANCE;
    }

    private static KeyPair generateEd25519() throws IOException {
        try {
            return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot generate an ed25519 key (is BouncyCastle on the class path?)", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** The server's host key, for pinning it as trusted. */
    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /** The one client key this server accepts. */
    public PublicKey clientPublicKey() {
        return clientKey.getPublic();
    }

    /** The accepted client key as an unencrypted OpenSSH private key file, in memory only. */
    public byte[] clientPrivateKeyFile() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "keyport-demo", null, out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new UncheckedIOException(new IOException("Cannot encode the demo key", e));
        }
    }

    /** How many SSH connections are open right now. */
    public int openSessions() {
        return server.getActiveSessions().size();
    }

    /** How many times a client tried to authenticate (any method); proves whether credentials were sent. */
    public int authAttempts() {
        return authAttempts.get();
    }

    @Override
    public void close() throws IOException {
        // Graceful: an immediate stop can leave a pending NIO read completing on a shut-down executor.
        server.stop(false);
    }
}
