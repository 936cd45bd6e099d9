package dev.keyport.app.services;

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

import dev.keyport.terminal.Credential;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * A host saved with "SSH agent only" logs in with the key of a real ssh-agent (started here, on a temp
 * socket, filled with ssh-add) on a real OpenSSH sshd, and is never asked for a password.
 */
class AgentLoginTest {

    @TempDir
    static Path dir;
    private static OpenSshServer server;
    private static Process agent;
    private static Path socket;

    @BeforeAll
    static void start() throws Exception {
        OpenSshServer.requireInstalled();
        server = OpenSshServer.start(dir.resolve("sshd"), List.of());
        Path key = server.authorizeNewKey("agent_key");
        socket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        OpenSshServer.run("env", "SSH_AUTH_SOCK=" + socket, "ssh-add", key.toString());
    }

    @AfterAll
    static void stop() {
        server.close();
        agent.destroy();
    }

    @Test
    void aHostSavedWithAgentOnlyLogsInWithTheAgentsKeyAndAsksNoPassword() throws Exception {
        try (Vault vault = Vault.create(dir.resolve("vault"), "pw".toCharArray(), KdfParameters.FLOOR)) {
            Host host = Host.create("agent box", "127.0.0.1", server.port(), "root", new HostAuth.Agent());
            vault.hosts().save(host);
            Host stored = vault.hosts().find(host.id()).orElseThrow();
            assertThat(stored.auth()).isEqualTo(new HostAuth.Agent());

            CredentialResolver resolver = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());
            assertThat(resolver.specFor(stored).credentials()).containsExactly(new Credential.Agent());
            ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, "nobody should ask for this");
            try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), prompter, Optional.of(socket));
                 SshConnection connection = ssh.connect(resolver.specFor(stored))) {
                assertThat(connection.exec("echo agent-login", null, Duration.ofSeconds(20)).stdoutText()).isEqualTo("agent-login\n");
            }
            assertThat(prompter.secretQuestions).isEmpty();

            try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), prompter, Optional.empty())) {
                assertThatThrownBy(() -> ssh.connect(resolver.specFor(stored))).isInstanceOf(SshFailure.class)
                        .hasMessageStartingWith("agent box logs in with the ssh-agent's keys, but no ssh-agent is reachable");
            }
        }
    }
}
