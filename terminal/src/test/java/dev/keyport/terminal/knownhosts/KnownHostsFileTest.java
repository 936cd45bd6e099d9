package dev.keyport.terminal.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.HostKeyPolicy;
import dev.keyport.terminal.SessionOptions;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.Fingerprints;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/** known_hosts files as OpenSSH writes and reads them, against one real sshd shared by the class. */
class KnownHostsFileTest {

    @TempDir
    static Path shared;
    @TempDir
    Path dir;

    private static OpenSshServer server;
    private static Path clientKey;

    @BeforeAll
    static void startServer() throws Exception {
        server = OpenSshServer.start(shared.resolve("sshd"), List.of());
        clientKey = server.authorizeNewKey("client_key");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static ConnectionSpec spec(HostKeyPolicy policy) throws IOException {
        return new ConnectionSpec("interop", "127.0.0.1", server.port(), "root",
                List.of(new Credential.PrivateKey("client key", Files.readAllBytes(clientKey))))
                .withOptions(SessionOptions.DEFAULTS.withHostKeyPolicy(policy));
    }

    private static PublicKey hostKey() throws Exception {
        return AuthorizedKeyEntry.parseAuthorizedKeyEntry(server.hostPublicKey()).resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    }

    private static void connectOnce(KnownHostsFile store, HostKeyPolicy policy, ScriptedPrompter prompter) throws Exception {
        try (SshConnector ssh = new SshConnector(store, prompter); SshConnection connection = ssh.connect(spec(policy))) {
            assertThat(connection.isOpen()).isTrue();
        }
    }

    @Test
    void entriesFromRealSshKeyscanAreTrustedPlainAndAfterRealSshKeygenHashesThem() throws Exception {
        Path file = dir.resolve("known_hosts");
        String scanned = OpenSshServer.run("sh", "-c", "ssh-keyscan -p " + server.port() + " -t ed25519 127.0.0.1 2>/dev/null");
        Files.writeString(file, scanned);
        assertThat(Files.readString(file)).startsWith("[127.0.0.1]:" + server.port() + " ssh-ed25519 ");
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.CANCEL, null);

        connectOnce(KnownHostsFile.of(file, false), HostKeyPolicy.STRICT, prompter);

        OpenSshServer.run("ssh-keygen", "-H", "-f", file.toString());
        assertThat(Files.readString(file)).startsWith("|1|").doesNotContain("127.0.0.1");
        connectOnce(KnownHostsFile.of(file, false), HostKeyPolicy.STRICT, prompter);
        assertThat(prompter.hostKeyQuestions).isEmpty();
    }

    @Test
    void filesKeyportWritesAreAcceptedByRealSshWithStrictHostKeyChecking() throws Exception {
        for (boolean hashed : List.of(false, true)) {
            Path file = dir.resolve(hashed ? "hashed_known_hosts" : "plain_known_hosts");
            connectOnce(KnownHostsFile.of(file, hashed), HostKeyPolicy.ACCEPT_NEW, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
            assertThat(Files.readString(file)).startsWith(hashed ? "|1|" : "[127.0.0.1]:" + server.port() + " ssh-ed25519 ");

            String output = OpenSshServer.run("ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + file,
                    "-o", "GlobalKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                    "-i", clientKey.toString(), "-p", String.valueOf(server.port()), "root@127.0.0.1", "echo", "openssh-accepted");
            assertThat(output).contains("openssh-accepted");
            assertThat(Files.readString(file).lines()).hasSize(1);
        }
    }

    @Test
    void commentsInvalidLinesAndOtherHostsAreKeptWhenAKeyIsAdded() throws Exception {
        Path file = dir.resolve("known_hosts");
        String before = "# my hosts\n"
                + "this line is not a known_hosts entry\n"
                + "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"
                + "\n"
                + "@cert-authority *.corp ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        Files.writeString(file, before);

        connectOnce(KnownHostsFile.of(file, false), HostKeyPolicy.ACCEPT_NEW, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));

        String after = Files.readString(file);
        assertThat(after).startsWith(before + "\n");
        assertThat(after.substring(before.length() + 1)).isEqualTo("[127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(hostKey()) + "\n");
    }

    @Test
    void patternsNegationsPortsListsAndSeveralKeysPerHostMatchLikeOpenSsh() throws Exception {
        PublicKey key = hostKey();
        String k = PublicKeyEntry.toString(key);
        String other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, String.join("\n",
                "*.example.org,!bad.example.org " + k,
                "db?.internal " + k,
                "[10.0.0.5]:2222 " + k,
                "alpha,beta " + k,
                "alpha " + other,
                "@cert-authority *.ca.test " + k,
                "garbage"));
        KnownHostsFile store = KnownHostsFile.readOnly(file);

        assertThat(store.trustedKeys("www.example.org", 22)).containsExactly(key);
        assertThat(store.trustedKeys("bad.example.org", 22)).isEmpty();
        assertThat(store.trustedKeys("db1.internal", 22)).containsExactly(key);
        assertThat(store.trustedKeys("db12.internal", 22)).isEmpty();
        assertThat(store.trustedKeys("10.0.0.5", 2222)).containsExactly(key);
        assertThat(store.trustedKeys("10.0.0.5", 22)).isEmpty();
        assertThat(store.trustedKeys("beta", 22)).containsExactly(key);
        assertThat(store.trustedKeys("alpha", 22)).hasSize(2);
        assertThat(store.trustedKeys("x.ca.test", 22)).as("a CA key is not a host key").isEmpty();
        assertThat(store.certificateAuthorities("x.ca.test", 22)).containsExactly(key);
        assertThatThrownBy(() -> store.trust("new", 22, key)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void revokedKeyIsRefusedBeforeAnyAuthenticationEvenWhenAlsoTrusted() throws Exception {
        Path file = dir.resolve("known_hosts");
        String k = PublicKeyEntry.toString(hostKey());
        Files.writeString(file, "[127.0.0.1]:" + server.port() + " " + k + "\n@revoked * " + k + "\n");
        int logBefore = server.log().length();
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, "secret");

        try (SshConnector ssh = new SshConnector(KnownHostsFile.of(file, false), prompter)) {
            assertThatThrownBy(() -> ssh.connect(spec(HostKeyPolicy.ASK)))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageContaining("is marked @revoked in " + file)
                    .hasMessageContaining(Fingerprints.sha256(hostKey()))
                    .satisfies(e -> assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.HOST_KEY_REJECTED));
        }
        assertThat(prompter.hostKeyQuestions).isEmpty();
        assertNoAuthenticationLogged(server.log().substring(logBefore));
    }

    @Test
    void strictPolicyRefusesAnUnknownHostWithoutAsking() throws Exception {
        Path file = dir.resolve("known_hosts");
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, null);
        try (SshConnector ssh = new SshConnector(KnownHostsFile.of(file, false), prompter)) {
            assertThatThrownBy(() -> ssh.connect(spec(HostKeyPolicy.STRICT)))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("No trusted host key for 127.0.0.1:" + server.port())
                    .hasMessageContaining("strict host key checking is on");
        }
        assertThat(prompter.hostKeyQuestions).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void forgettingAHostRemovesOnlyItsPlainAndHashedEntriesAndKeepsEverythingElseByteForByte() throws Exception {
        String k = PublicKeyEntry.toString(hostKey());
        Path hashedSource = dir.resolve("hashed");
        Files.writeString(hashedSource, "[127.0.0.1]:" + server.port() + " " + k + "\n");
        OpenSshServer.run("ssh-keygen", "-H", "-f", hashedSource.toString());
        String hashedLine = Files.readString(hashedSource).strip();
        String keep = "# keep me\n\tnot an entry\n[127.0.0.1]:1 " + k + "\n@revoked [127.0.0.1]:" + server.port() + " " + k + "\n";
        Path file = dir.resolve("known_hosts");
        Files.writeString(file, "# keep me\n[127.0.0.1]:" + server.port() + " " + k + "\n\tnot an entry\n" + hashedLine + "\n[127.0.0.1]:1 " + k
                + "\n@revoked [127.0.0.1]:" + server.port() + " " + k + "\n");
        KnownHostsFile store = KnownHostsFile.of(file, false);
        assertThat(store.trustedKeys("127.0.0.1", server.port())).hasSize(2);

        assertThat(store.forget("127.0.0.1", server.port())).isEqualTo(2);

        assertThat(Files.readString(file)).isEqualTo(keep);
        assertThat(store.trustedKeys("127.0.0.1", server.port())).isEmpty();
        assertThat(store.trustedKeys("127.0.0.1", 1)).hasSize(1);
    }

    @Test
    void keysTrustedInOpenSshsFileAreTrustedReadOnlyAndNewKeysGoToKeyportsOwnStore() throws Exception {
        Path openSsh = dir.resolve("openssh_known_hosts");
        Files.writeString(openSsh, OpenSshServer.run("sh", "-c", "ssh-keyscan -p " + server.port() + " -t ed25519 127.0.0.1 2>/dev/null"));
        String before = Files.readString(openSsh);
        dev.keyport.terminal.testing.MemoryHostKeyStore vault = new dev.keyport.terminal.testing.MemoryHostKeyStore();
        CombinedHostKeyStore store = new CombinedHostKeyStore(vault, List.of(KnownHostsFile.readOnly(openSsh)));
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.CANCEL, null);

        try (SshConnector ssh = new SshConnector(store, prompter); SshConnection connection = ssh.connect(spec(HostKeyPolicy.ASK))) {
            assertThat(connection.isOpen()).isTrue();
        }
        assertThat(prompter.hostKeyQuestions).isEmpty();
        store.trust("other.example", 22, hostKey());
        assertThat(vault.trustedKeys("other.example", 22)).containsExactly(hostKey());
        assertThat(Files.readString(openSsh)).isEqualTo(before);
        assertThat(store.describe()).isEqualTo("the test's memory or " + openSsh);
    }

    /** sshd at LogLevel VERBOSE logs every publickey/password attempt; none may appear. */
    static void assertNoAuthenticationLogged(String log) {
        assertThat(log).doesNotContain("Accepted ").doesNotContain("Failed ").doesNotContain("Postponed ")
                .doesNotContain("authenticating user").doesNotContain("Invalid user");
    }
}
