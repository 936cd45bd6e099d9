package dev.keyport.terminal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.LoginRefusedFailure;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.terminal.testing.ShellOutput;

class SshConnectorTest {

    private LocalSshServer server;
    private MemoryHostKeyStore hostKeys;

    @BeforeEach
    void startServer() throws IOException {
        server = LocalSshServer.start("tester", "correct horse");
        hostKeys = new MemoryHostKeyStore();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private ConnectionSpec keySpec() {
        return new ConnectionSpec("local", server.host(), server.port(), "tester",
                List.of(new Credential.PrivateKey("demo key", server.clientPrivateKeyFile())));
    }

    private ConnectionSpec passwordSpec(String password) {
        return new ConnectionSpec("local", server.host(), server.port(), "tester",
                List.of(new Credential.Password(password.toCharArray())));
    }

    private SshConnector connector(ScriptedPrompter prompter) {
        return new SshConnector(hostKeys, prompter);
    }

    @Test
    void keyLoginOpensAShellWithTheRequestedTerminal() throws Exception {
        hostKeys.trust(server.host(), server.port(), server.hostKey());
        try (SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
             SshConnection connection = ssh.connect(keySpec());
             ShellChannel shell = connection.openShell(100, 30)) {
            ShellOutput output = new ShellOutput(shell.output());
            shell.input().write("echo \"term=$TERM\"; stty size; echo keyport-$((6*7))\r".getBytes(StandardCharsets.UTF_8));
            shell.input().flush();
            String text = output.await("keyport-42", Duration.ofSeconds(20));
            assertThat(text).contains("term=xterm-256color").contains("30 100");
        }
    }

    @Test
    void windowChangeReachesTheServer() throws Exception {
        hostKeys.trust(server.host(), server.port(), server.hostKey());
        try (SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
             SshConnection connection = ssh.connect(keySpec());
             ShellChannel shell = connection.openShell(80, 24)) {
            ShellOutput output = new ShellOutput(shell.output());
            // Wait for the shell to evaluate something (the PTY echoes typed text before the shell runs,
            // and the demo shell sets its start-up size when it starts).
            shell.input().write("echo ready-$((1+1))\r".getBytes(StandardCharsets.UTF_8));
            shell.input().flush();
            output.await("ready-2", Duration.ofSeconds(20));
            shell.resize(132, 43);
            // The server applies the new size asynchronously; ask again until it shows (20 s at most).
            String text = "";
            for (int attempt = 0; attempt < 20 && !text.contains("43 132"); attempt++) {
                shell.input().write("stty size\r".getBytes(StandardCharsets.UTF_8));
                shell.input().flush();
                try {
                    text = output.await("43 132", Duration.ofSeconds(1));
                } catch (AssertionError notYet) {
                    text = "";
                }
            }
            assertThat(text).contains("43 132");
        }
    }

    @Test
    void passwordLoginWorksAndAWrongPasswordSaysPermissionDenied() throws Exception {
        hostKeys.trust(server.host(), server.port(), server.hostKey());
        try (SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
            try (SshConnection ok = ssh.connect(passwordSpec("correct horse"))) {
                assertThat(ok.isOpen()).isTrue();
            }
            assertThatThrownBy(() -> ssh.connect(passwordSpec("wrong")))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("Permission denied for tester@127.0.0.1:" + server.port() + " (tried: password)")
                    .satisfies(e -> assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.AUTH_FAILED));
        }
    }

    @Test
    void aServerThatTakesOnlyKeysSaysSoWhenKeyportHasNoKeyAndAsksForNoPassword() throws Exception {
        // the demo server: its own key and nothing else; quick connect offers the agent (none here) and a password to ask for
        try (LocalSshServer keysOnly = LocalSshServer.start()) {
            hostKeys.trust(keysOnly.host(), keysOnly.port(), keysOnly.hostKey());
            ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.CANCEL, "a password nobody should be asked for");
            try (SshConnector ssh = new SshConnector(hostKeys, prompter, java.util.Optional.empty())) {
                ConnectionSpec quick = new ConnectionSpec("127.0.0.1:" + keysOnly.port(), keysOnly.host(), keysOnly.port(), "someone",
                        List.of(Credential.Password.askWhenNeeded()));
                assertThatThrownBy(() -> ssh.connect(quick))
                        .isInstanceOf(LoginRefusedFailure.class)
                        .hasMessage("Permission denied for someone@127.0.0.1:" + keysOnly.port() + ". The server accepts only: publickey."
                                + " Keyport had no key to offer for this host: choose a key or identity in the host's settings"
                                + " (or add your key to an SSH agent).")
                        .satisfies(e -> assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.AUTH_FAILED));
            }
            assertThat(prompter.secretQuestions).as("the server never offered the password method").isEmpty();
            assertThat(keysOnly.authAttempts()).isZero();
        }
    }

    @Test
    void aServerThatTakesPasswordsStillAsksForOneWhenKeyportHasNoKey() throws Exception {
        hostKeys.trust(server.host(), server.port(), server.hostKey());
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.CANCEL, "wrong");
        try (SshConnector ssh = new SshConnector(hostKeys, prompter, java.util.Optional.empty())) {
            ConnectionSpec quick = new ConnectionSpec("quick", server.host(), server.port(), "tester",
                    List.of(Credential.Password.askWhenNeeded()));
            assertThatThrownBy(() -> ssh.connect(quick))
                    .isInstanceOf(SshFailure.class)
                    .isNotInstanceOf(LoginRefusedFailure.class)
                    .hasMessage("Permission denied for tester@127.0.0.1:" + server.port() + " (tried: password)."
                            + " Check the user name and the key or password saved for this host.");
        }
        assertThat(prompter.secretQuestions).containsExactly("Password for tester@127.0.0.1:" + server.port() + ":");
    }

    @Test
    void aServerThatTakesOnlyPasswordsSaysSoWhenTheHostHasOnlyAKey() throws Exception {
        org.apache.sshd.server.SshServer passwordsOnly = org.apache.sshd.server.SshServer.setUpDefaultServer();
        AlgorithmPolicy.applyModernDefaults(passwordsOnly);
        passwordsOnly.setHost("127.0.0.1");
        passwordsOnly.setPort(0);
        KeyPair hostKey = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ssh-ed25519", 256);
        passwordsOnly.setKeyPairProvider(org.apache.sshd.common.keyprovider.KeyPairProvider.wrap(hostKey));
        passwordsOnly.setPublickeyAuthenticator(null);
        passwordsOnly.setKeyboardInteractiveAuthenticator(null);
        passwordsOnly.setPasswordAuthenticator((user, password, session) -> false);
        passwordsOnly.start();
        try (SshConnector ssh = new SshConnector(hostKeys, new ScriptedPrompter(HostKeyAnswer.CANCEL, null), java.util.Optional.empty())) {
            hostKeys.trust("127.0.0.1", passwordsOnly.getPort(), hostKey.getPublic());
            ConnectionSpec withKey = new ConnectionSpec("db", "127.0.0.1", passwordsOnly.getPort(), "tester",
                    List.of(new Credential.PrivateKey("demo key", server.clientPrivateKeyFile())));
            assertThatThrownBy(() -> ssh.connect(withKey))
                    .isInstanceOf(LoginRefusedFailure.class)
                    .hasMessage("Permission denied for tester@127.0.0.1:" + passwordsOnly.getPort() + ". The server accepts only: password,"
                            + " keyboard-interactive. Keyport had no password to offer for this host: set a password, or choose an identity that has one,"
                            + " in the host's settings.");
        } finally {
            passwordsOnly.stop(false);
        }
    }

    @Test
    void passwordIsAskedWhenNotStored() throws Exception {
        hostKeys.trust(server.host(), server.port(), server.hostKey());
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.CANCEL, "correct horse");
        try (SshConnector ssh = connector(prompter);
             SshConnection connection = ssh.connect(new ConnectionSpec("local", server.host(), server.port(), "tester",
                     List.of(Credential.Password.askWhenNeeded())))) {
            assertThat(connection.isOpen()).isTrue();
            assertThat(prompter.secretQuestions).containsExactly("Password for tester@127.0.0.1:" + server.port() + ":");
        }
    }

    @Test
    void refusedConnectionSaysSoWithHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
            ConnectionSpec spec = new ConnectionSpec("nowhere", "127.0.0.1", closedPort, "tester", List.of());
            assertThatThrownBy(() -> ssh.connect(spec))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("Connection refused: 127.0.0.1:" + closedPort);
        }
    }

    @Test
    void aPortThatAcceptsButNeverSpeaksSshTimesOutWithinTheConnectTimeoutAndNeverReadsAsLoggingIn() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
             SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
            List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    held.add(silent.accept()); // held so it is not collected and reset
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ConnectionSpec spec = new ConnectionSpec("tarpit", "127.0.0.1", silent.getLocalPort(), "tester", List.of(),
                    Duration.ofSeconds(1));
            long start = System.nanoTime();
            List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> ssh.connect(spec, (target, state, reason) -> states.add(state.name())))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("Connection timed out: 127.0.0.1:" + silent.getLocalPort() + " accepted the connection but sent no SSH greeting within 1 s")
                    .satisfies(e -> assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.TIMEOUT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(states).as("no 'logging in' while the server has not even greeted").containsExactly("CONNECTING", "DISCONNECTED");
        }
    }

    @Test
    void unknownHostKeyIsShownWithItsFingerprintAndCancelSendsNoCredentials() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.CANCEL, null);
        try (SshConnector ssh = connector(prompter)) {
            assertThatThrownBy(() -> ssh.connect(passwordSpec("correct horse")))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageContaining("was not trusted; nothing was sent")
                    .satisfies(e -> assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.HOST_KEY_REJECTED));
        }
        assertThat(prompter.hostKeyQuestions).singleElement().satisfies(info -> {
            assertThat(info.keyType()).isEqualTo("ssh-ed25519");
            assertThat(info.fingerprint()).isEqualTo(Fingerprints.sha256(server.hostKey())).startsWith("SHA256:");
            assertThat(info.port()).isEqualTo(server.port());
        });
        assertThat(server.authAttempts()).isZero();
        assertThat(hostKeys.trustedKeys(server.host(), server.port())).isEmpty();
    }

    @Test
    void acceptedHostKeyIsSavedAndNotAskedAgain() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, null);
        try (SshConnector ssh = connector(prompter)) {
            ssh.connect(keySpec()).close();
            ssh.connect(keySpec()).close();
        }
        assertThat(prompter.hostKeyQuestions).hasSize(1);
        assertThat(hostKeys.trustedKeys(server.host(), server.port())).containsExactly(server.hostKey());
    }

    @Test
    void changedHostKeyIsRefusedWithoutAskingAndWithoutSendingCredentials() throws Exception {
        try (LocalSshServer impostor = LocalSshServer.start("tester", "correct horse")) {
            // The person trusted the real server's key for this address; a different key answers there now.
            hostKeys.trust(impostor.host(), impostor.port(), server.hostKey());
            ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, "correct horse");
            try (SshConnector ssh = connector(prompter)) {
                ConnectionSpec spec = new ConnectionSpec("db", impostor.host(), impostor.port(), "tester",
                        List.of(new Credential.Password("correct horse".toCharArray())));
                assertThatThrownBy(() -> ssh.connect(spec))
                        .isInstanceOf(SshFailure.class)
                        .hasMessageContaining("host key for 127.0.0.1:" + impostor.port() + " has changed")
                        .hasMessageContaining(Fingerprints.sha256(server.hostKey()))
                        .hasMessageContaining(Fingerprints.sha256(impostor.hostKey()))
                        .hasMessageContaining("sent no credentials");
            }
            assertThat(prompter.hostKeyQuestions).isEmpty();
            assertThat(prompter.secretQuestions).isEmpty();
            assertThat(impostor.authAttempts()).isZero();
        }
    }

    @Test
    void clientOffersNoSha1NoCbcAndIgnoresSshConfig() {
        try (SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
            List<String> offered = new ArrayList<>();
            offered.addAll(NamedResource.getNameList(ssh.client().getKeyExchangeFactories()));
            offered.addAll(NamedResource.getNameList(ssh.client().getCipherFactories()));
            offered.addAll(NamedResource.getNameList(ssh.client().getMacFactories()));
            offered.addAll(NamedResource.getNameList(ssh.client().getSignatureFactories()));
            assertThat(offered).isNotEmpty()
                    .noneMatch(name -> name.contains("sha1") || name.contains("cbc") || name.equals("ssh-rsa") || name.contains("md5"))
                    .contains("curve25519-sha256", "aes256-gcm@openssh.com", "hmac-sha2-256-etm@openssh.com", "ssh-ed25519", "rsa-sha2-512");
            assertThat(ssh.client().getHostConfigEntryResolver()).isSameAs(HostConfigEntryResolver.EMPTY);
            assertThat(ssh.client().getKeyExchangeFactories().get(0).getName()).isEqualTo("mlkem768x25519-sha256");
            assertThat(NamedResource.getNameList(ssh.client().getCipherFactories())).startsWith("aes128-gcm@openssh.com")
                    .endsWith("chacha20-poly1305@openssh.com");
        }
    }

    @Test
    void wrongKeyPassphraseSaysSoAndTheRightOneLogsIn() throws Exception {
        hostKeys.trust(server.host(), server.port(), server.hostKey());
        byte[] encrypted = encryptedClientKey("right passphrase");
        try (SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, "wrong passphrase"))) {
            ConnectionSpec spec = new ConnectionSpec("local", server.host(), server.port(), "tester",
                    List.of(new Credential.PrivateKey("work laptop", encrypted.clone())));
            assertThatThrownBy(() -> ssh.connect(spec)).isInstanceOf(SshFailure.class)
                    .hasMessage("Wrong passphrase for key 'work laptop'");
        }
        try (SshConnector ssh = connector(new ScriptedPrompter(HostKeyAnswer.CANCEL, "right passphrase"));
             SshConnection connection = ssh.connect(new ConnectionSpec("local", server.host(), server.port(), "tester",
                     List.of(new Credential.PrivateKey("work laptop", encrypted.clone()))))) {
            assertThat(connection.isOpen()).isTrue();
        }
    }

    /** The server's accepted client key, re-encoded as a bcrypt-encrypted OpenSSH key. */
    private byte[] encryptedClientKey(String passphrase) throws Exception {
        KeyPair pair = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("plain"),
                new ByteArrayInputStream(server.clientPrivateKeyFile()), FilePasswordProvider.EMPTY).iterator().next();
        OpenSSHKeyEncryptionContext options = new OpenSSHKeyEncryptionContext();
        options.setPassword(passphrase);
        options.setCipherName("AES");
        options.setCipherType("256");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, "work laptop", options, out);
            return out.toByteArray();
        }
    }
}
