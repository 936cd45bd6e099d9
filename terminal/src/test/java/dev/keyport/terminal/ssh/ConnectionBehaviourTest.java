package dev.keyport.terminal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.SessionOptions;
import dev.keyport.terminal.SessionState;
import dev.keyport.terminal.SessionStateListener;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/** Jump hosts, keepalive, exec, ssh-copy-id, legacy algorithms and state events against real sshd instances. */
class ConnectionBehaviourTest {

    @TempDir
    static Path dir;
    private static OpenSshServer alpha;
    private static OpenSshServer beta;
    private static Path key;

    @BeforeAll
    static void start() throws Exception {
        // DEBUG1 logs each direct-tcpip request, which proves the route a jump chain took.
        alpha = OpenSshServer.start(dir.resolve("alpha"), List.of("LogLevel DEBUG1"));
        beta = OpenSshServer.start(dir.resolve("beta"), List.of("LogLevel DEBUG1"));
        key = alpha.authorizeNewKey("client");
        beta.authorize(Path.of(key + ".pub"));
    }

    @AfterAll
    static void stop() {
        alpha.close();
        beta.close();
    }

    private static ConnectionSpec rootAt(String name, OpenSshServer server) throws Exception {
        return new ConnectionSpec(name, "127.0.0.1", server.port(), "root",
                List.of(new Credential.PrivateKey("client", Files.readAllBytes(key))));
    }

    @Test
    void twoJumpHostsEachCheckedAndAuthenticatedCarryTheConnection() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, null);
        MemoryHostKeyStore hostKeys = new MemoryHostKeyStore();
        ConnectionSpec target = rootAt("target", alpha).withJumps(List.of(rootAt("alpha", alpha), rootAt("beta", beta)));
        try (SshConnector ssh = new SshConnector(hostKeys, prompter); SshConnection connection = ssh.connect(target)) {
            ExecResult result = connection.exec("echo through-the-chain", null, Duration.ofSeconds(20));
            assertThat(result.stdoutText()).isEqualTo("through-the-chain\n");
        }
        // One host-key question per distinct server (alpha is trusted once, then known when reached again through beta).
        assertThat(prompter.hostKeyQuestions).extracting(q -> q.port()).containsExactly(alpha.port(), beta.port());
        assertThat(alpha.log()).contains("target 127.0.0.1 port " + beta.port());
        assertThat(beta.log()).contains("target 127.0.0.1 port " + alpha.port());
    }

    @Test
    void aFailingJumpHostIsNamedInTheMessage() throws Exception {
        Path stranger = OpenSshAuthenticationTest.makeKey(Files.createDirectories(dir.resolve("stranger")), "ed25519", "openssh", false);
        ConnectionSpec badBeta = new ConnectionSpec("beta", "127.0.0.1", beta.port(), "root",
                List.of(new Credential.PrivateKey("stranger", Files.readAllBytes(stranger))));
        ConnectionSpec target = rootAt("target", alpha).withJumps(List.of(rootAt("alpha", alpha), badBeta));
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null))) {
            assertThatThrownBy(() -> ssh.connect(target))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("Jump host beta (hop 2 of 2 on the way to target): Permission denied for root@127.0.0.1:"
                            + beta.port() + " (tried: publickey ed25519 'stranger')");
        }
    }

    @Test
    void stateEventsFollowTheConnectionAndExecReportsExitStatusAndBothStreams() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        SessionStateListener listener = (target, state, reason) -> events.add(state + reason.map(r -> ": " + r).orElse(""));
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null))) {
            SshConnection connection = ssh.connect(rootAt("alpha", alpha), listener);
            ExecResult result = connection.exec("echo out; echo err >&2; exit 3", null, Duration.ofSeconds(20));
            assertThat(result.exitStatus()).isEqualTo(3);
            assertThat(result.stdoutText()).isEqualTo("out\n");
            assertThat(result.stderrText()).isEqualTo("err\n");
            ExecResult piped = connection.exec("wc -c", "12345".getBytes(), Duration.ofSeconds(20));
            assertThat(piped.stdoutText().trim()).isEqualTo("5");
            connection.close();
        }
        awaitSize(events, 4);
        assertThat(events).startsWith("CONNECTING", "AUTHENTICATING", "CONNECTED");
        assertThat(events.get(3)).startsWith("DISCONNECTED");
    }

    @Test
    void aFrozenServerIsNoticedWithinTheKeepaliveWindowAndAKilledOneAtOnce() throws Exception {
        for (boolean freeze : List.of(true, false)) {
            try (OpenSshServer victim = OpenSshServer.start(dir.resolve(freeze ? "frozen" : "killed"), List.of())) {
                victim.authorize(Path.of(key + ".pub"));
                ConnectionSpec spec = rootAt("victim", victim).withOptions(SessionOptions.DEFAULTS.withKeepAlive(Duration.ofSeconds(1), 2));
                CompletableFuture<String> disconnected = new CompletableFuture<>();
                SessionStateListener listener = (target, state, reason) -> {
                    if (state == SessionState.DISCONNECTED) {
                        disconnected.complete(reason.orElse(""));
                    }
                };
                try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null));
                     SshConnection connection = ssh.connect(spec, listener)) {
                    ShellChannel shell = connection.openShell(80, 24);
                    long start = System.nanoTime();
                    if (freeze) {
                        victim.freeze();
                    } else {
                        victim.kill();
                    }
                    String reason = disconnected.get(10, TimeUnit.SECONDS);
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                    // Window: interval x (count max + 1) = 3 s; a killed server closes TCP and is seen at once.
                    assertThat(millis).as(freeze ? "frozen" : "killed").isLessThan(freeze ? 4_500 : 1_500);
                    assertThat(reason).isNotBlank();
                    assertThat(connection.isOpen()).isFalse();
                    assertThat(shell.isOpen()).isFalse();
                    System.out.println((freeze ? "frozen" : "killed") + " server noticed after " + millis + " ms: " + reason);
                }
            }
        }
    }

    @Test
    void installPublicKeyCreatesTheFileOnceWithOwnerOnlyPermissionsAndTheKeyThenLogsIn() throws Exception {
        String user = OpenSshAuthenticationTest.USER;
        OpenSshServer.run("sh", "-c", "id " + user + " >/dev/null 2>&1 || useradd -m -s /bin/sh " + user);
        OpenSshServer.run("sh", "-c", "echo '" + user + ":" + OpenSshAuthenticationTest.PASSWORD + "' | chpasswd; rm -rf ~" + user + "/.ssh");
        try (OpenSshServer server = OpenSshServer.start(dir.resolve("copy-id"), List.of("PasswordAuthentication yes",
                "AuthorizedKeysFile .ssh/authorized_keys"));
             SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, null))) {
            Path newKey = OpenSshAuthenticationTest.makeKey(Files.createDirectories(dir.resolve("copy-id-key")), "ecdsa-256", "openssh", false);
            String publicKey = Files.readString(Path.of(newKey + ".pub"));
            ConnectionSpec withPassword = new ConnectionSpec("copy", "127.0.0.1", server.port(), user,
                    List.of(new Credential.Password(OpenSshAuthenticationTest.PASSWORD.toCharArray())));
            try (SshConnection connection = ssh.connect(withPassword)) {
                assertThat(connection.installPublicKey(publicKey)).isTrue();
                assertThat(connection.installPublicKey(publicKey)).isFalse();
            }
            Path home = Path.of(OpenSshServer.run("sh", "-c", "getent passwd " + user + " | cut -d: -f6").trim());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".ssh")))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".ssh/authorized_keys")))).isEqualTo("rw-------");
            assertThat(Files.readAllLines(home.resolve(".ssh/authorized_keys"))).containsExactly(publicKey.strip());
            ConnectionSpec withKey = new ConnectionSpec("copy", "127.0.0.1", server.port(), user,
                    List.of(new Credential.PrivateKey("new", Files.readAllBytes(newKey))));
            try (SshConnection connection = ssh.connect(withKey)) {
                assertThat(connection.exec("id -un", null, Duration.ofSeconds(20)).stdoutText()).isEqualTo(user + "\n");
            }
        }
    }

    @Test
    void aServerOfferingOnlySshRsaIsRefusedClearlyAndAcceptedWithTheLegacySwitch() throws Exception {
        Path serverDir = Files.createDirectories(dir.resolve("legacy"));
        Path rsaHostKey = serverDir.resolve("ssh_host_rsa_key");
        OpenSshServer.run("ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", rsaHostKey.toString());
        try (OpenSshServer server = OpenSshServer.start(serverDir, List.of("HostKey " + rsaHostKey, "HostKeyAlgorithms ssh-rsa",
                "PubkeyAcceptedAlgorithms +ssh-rsa"))) {
            server.authorize(Path.of(key + ".pub"));
            ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null);
            try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), prompter)) {
                assertThatThrownBy(() -> ssh.connect(rootAt("old box", server)))
                        .isInstanceOf(SshFailure.class)
                        .hasMessageStartingWith("No common host key algorithm with 127.0.0.1:" + server.port()
                                + ": the server offers only ssh-rsa; Keyport offers ")
                        .hasMessageContaining("turn on \"legacy algorithms\"")
                        .satisfies(e -> assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.NEGOTIATION_FAILED));
                assertThat(prompter.hostKeyQuestions).isEmpty();

                ConnectionSpec legacy = rootAt("old box", server).withOptions(SessionOptions.DEFAULTS.withLegacyAlgorithms(true));
                try (SshConnection connection = ssh.connect(legacy)) {
                    assertThat(connection.exec("echo legacy-ok", null, Duration.ofSeconds(20)).stdoutText()).isEqualTo("legacy-ok\n");
                }
                assertThat(prompter.hostKeyQuestions).singleElement().satisfies(q -> assertThat(q.keyType()).isEqualTo("ssh-rsa"));
            }
        }
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
