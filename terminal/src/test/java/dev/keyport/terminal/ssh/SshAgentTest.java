package dev.keyport.terminal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.SessionOptions;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/** Keys held by a real ssh-agent started by the test, used over its Unix socket; forwarding is opt-in. */
class SshAgentTest {

    @TempDir
    static Path dir;
    private static OpenSshServer server;
    private static Process agent;
    private static Path socket;
    private static String fingerprint;
    private static Path strangerSocket;
    private static Process strangerAgent;

    @BeforeAll
    static void start() throws Exception {
        server = OpenSshServer.start(dir.resolve("sshd"), List.of());
        Path key = server.authorizeNewKey("agent_key");
        fingerprint = OpenSshServer.run("ssh-keygen", "-l", "-f", key + ".pub").split(" ")[1];
        socket = dir.resolve("agent.sock");
        agent = startAgent(socket);
        OpenSshServer.run("env", "SSH_AUTH_SOCK=" + socket, "ssh-add", key.toString());
        // A second agent holding a key the server does not know.
        strangerSocket = dir.resolve("stranger.sock");
        strangerAgent = startAgent(strangerSocket);
        Path stranger = OpenSshAuthenticationTest.makeKey(Files.createDirectories(dir.resolve("s")), "ecdsa-256", "openssh", false);
        OpenSshServer.run("env", "SSH_AUTH_SOCK=" + strangerSocket, "ssh-add", stranger.toString());
    }

    private static Process startAgent(Path sock) throws Exception {
        Process p = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100 && !Files.exists(sock); i++) {
            Thread.sleep(50);
        }
        return p;
    }

    @AfterAll
    static void stop() {
        server.close();
        agent.destroy();
        strangerAgent.destroy();
    }

    private static ConnectionSpec spec(SessionOptions options) {
        return new ConnectionSpec("agent", "127.0.0.1", server.port(), "root", List.of()).withOptions(options);
    }

    @Test
    void aKeyHeldByTheAgentLogsInWithoutAnyStoredCredential() throws Exception {
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null), Optional.of(socket));
             SshConnection connection = ssh.connect(spec(SessionOptions.DEFAULTS))) {
            assertThat(connection.exec("echo via-agent", null, Duration.ofSeconds(20)).stdoutText()).isEqualTo("via-agent\n");
        }
        assertThat(server.log()).contains("Accepted publickey for root").contains(fingerprint);
    }

    @Test
    void agentForwardingIsOffUnlessTheHostOptsIn() throws Exception {
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null), Optional.of(socket))) {
            try (SshConnection plain = ssh.connect(spec(SessionOptions.DEFAULTS))) {
                ExecResult result = plain.exec("ssh-add -l", null, Duration.ofSeconds(20));
                assertThat(result.exitStatus()).as("no agent on the server side").isEqualTo(2);
            }
            try (SshConnection forwarded = ssh.connect(spec(SessionOptions.DEFAULTS.withAgent(true, true)))) {
                ExecResult result = forwarded.exec("ssh-add -l", null, Duration.ofSeconds(20));
                assertThat(result.exitStatus()).isZero();
                assertThat(result.stdoutText()).contains(fingerprint).contains("agent_key");
            }
        }
    }

    @Test
    void agentUseCanBeTurnedOffPerHostAndAnUnknownAgentKeyIsNamedInTheFailure() throws Exception {
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null), Optional.of(socket))) {
            assertThatThrownBy(() -> ssh.connect(spec(SessionOptions.DEFAULTS.withAgent(false, false))))
                    .isInstanceOf(SshFailure.class).hasMessageStartingWith("Permission denied for root@127.0.0.1:" + server.port()
                            + ". The server accepts only: publickey. Keyport had no key to offer for this host");
        }
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null),
                Optional.of(strangerSocket))) {
            assertThatThrownBy(() -> ssh.connect(spec(SessionOptions.DEFAULTS)))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("Permission denied for root@127.0.0.1:" + server.port() + " (tried: publickey ecdsa-p256 from ssh-agent)");
        }
    }

    private static ConnectionSpec agentOnly() {
        return new ConnectionSpec("agent host", "127.0.0.1", server.port(), "root", List.of(new dev.keyport.terminal.Credential.Agent()));
    }

    @Test
    void anAgentOnlyHostLogsInWithTheAgentsKey() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, "a password nobody should be asked for");
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), prompter, Optional.of(socket));
             SshConnection connection = ssh.connect(agentOnly())) {
            assertThat(connection.exec("echo agent-only", null, Duration.ofSeconds(20)).stdoutText()).isEqualTo("agent-only\n");
        }
        assertThat(prompter.secretQuestions).isEmpty();
    }

    @Test
    void anAgentOnlyHostTriesNoPasswordWhenTheServerRefusesTheAgentsKeys() throws Exception {
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, "a password nobody should be asked for");
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), prompter, Optional.of(strangerSocket))) {
            assertThatThrownBy(() -> ssh.connect(agentOnly().withOptions(SessionOptions.DEFAULTS)))
                    .isInstanceOf(SshFailure.class)
                    .hasMessage("Permission denied for root@127.0.0.1:" + server.port() + " (tried: publickey ecdsa-p256 from ssh-agent)."
                            + " This host logs in with the ssh-agent's keys only, and the server accepted none of them. Add the right key"
                            + " with ssh-add, or install its public key on the server.");
        }
        assertThat(prompter.secretQuestions).isEmpty();
    }

    @Test
    void anAgentOnlyHostSaysSoWhenNoAgentRunsOrItHoldsNoKeyAndSendsNothing() throws Exception {
        int before = server.log().split("Connection from", -1).length;
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null), Optional.empty())) {
            assertThatThrownBy(() -> ssh.connect(agentOnly()))
                    .isInstanceOfSatisfying(SshFailure.class, e -> assertThat(e.kind()).isEqualTo(SshFailure.Kind.KEY_UNREADABLE))
                    .hasMessage("agent host logs in with the ssh-agent's keys, but no ssh-agent is reachable (SSH_AUTH_SOCK is not set,"
                            + " or names no socket). Start ssh-agent, add your key with ssh-add and start Keyport from that session, or"
                            + " choose another login for this host.");
        }
        Path emptySocket = dir.resolve("empty.sock");
        Process empty = startAgent(emptySocket);
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null), Optional.of(emptySocket))) {
            assertThatThrownBy(() -> ssh.connect(agentOnly()))
                    .isInstanceOf(SshFailure.class)
                    .hasMessage("agent host logs in with the ssh-agent's keys, but the agent at " + emptySocket
                            + " holds no key. Add one with ssh-add, then connect again.");
        } finally {
            empty.destroy();
        }
        assertThat(server.log().split("Connection from", -1).length).as("nothing reached the server").isEqualTo(before);
    }
}
