package dev.keyport.terminal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.HostKeyChangedFailure;
import dev.keyport.terminal.HostKeyPolicy;
import dev.keyport.terminal.SessionOptions;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.terminal.knownhosts.CombinedHostKeyStore;
import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/**
 * Any trusted key pins its host: a key that matches none of them (of any type, in any store) is a
 * changed key, refused before authentication whatever the policy, with both fingerprints; a server that
 * has a key of a trusted type is asked for it first; replacing the key is explicit and exact.
 */
class HostKeyTrustTest {

    private static final String USER = "tester";
    private static final String PASSWORD = "correct horse";

    @TempDir
    Path dir;

    private static ConnectionSpec passwordSpec(String host, int port, HostKeyPolicy policy) {
        return new ConnectionSpec("db", host, port, USER, List.of(new Credential.Password(PASSWORD.toCharArray())))
                .withOptions(SessionOptions.DEFAULTS.withHostKeyPolicy(policy));
    }

    private static PublicKey newKey(String type, int bits) throws Exception {
        return KeyUtils.generateKeyPair(type, bits).getPublic();
    }

    @ParameterizedTest
    @EnumSource(HostKeyPolicy.class)
    void aKeyOfAnotherTypeThanTheTrustedOneIsRefusedBeforeAuthenticationUnderEveryPolicy(HostKeyPolicy policy) throws Exception {
        try (LocalSshServer server = LocalSshServer.start(USER, PASSWORD)) {
            MemoryHostKeyStore store = new MemoryHostKeyStore();
            PublicKey trustedEcdsa = newKey(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            store.trust(server.host(), server.port(), trustedEcdsa);
            ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, PASSWORD);

            try (SshConnector ssh = new SshConnector(store, prompter)) {
                assertThatThrownBy(() -> ssh.connect(passwordSpec(server.host(), server.port(), policy)))
                        .isInstanceOf(HostKeyChangedFailure.class)
                        .hasMessageContaining("host key for 127.0.0.1:" + server.port() + " has changed")
                        .hasMessageContaining("Trusted key: ecdsa-sha2-nistp256 " + Fingerprints.sha256(trustedEcdsa))
                        .hasMessageContaining("Offered key: ssh-ed25519 " + Fingerprints.sha256(server.hostKey()))
                        .hasMessageContaining("sent no credentials")
                        .satisfies(e -> {
                            assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.HOST_KEY_CHANGED);
                            HostKeyChange change = HostKeyChange.of(e).orElseThrow();
                            assertThat(change.offeredKey()).isEqualTo(server.hostKey());
                            assertThat(change.trusted()).singleElement().satisfies(t ->
                                    assertThat(t.fingerprint()).isEqualTo(Fingerprints.sha256(trustedEcdsa)));
                        });
            }
            assertThat(server.authAttempts()).isZero();
            assertThat(prompter.hostKeyQuestions).isEmpty();
            assertThat(prompter.secretQuestions).isEmpty();
            assertThat(store.trustedKeys(server.host(), server.port())).containsExactly(trustedEcdsa);
        }
    }

    @Test
    void aKeyTrustedOnlyInAReadOnlyKnownHostsFilePinsTheHostToo() throws Exception {
        try (LocalSshServer server = LocalSshServer.start(USER, PASSWORD)) {
            PublicKey trustedEcdsa = newKey(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(trustedEcdsa) + "\n");
            MemoryHostKeyStore vault = new MemoryHostKeyStore();
            CombinedHostKeyStore store = new CombinedHostKeyStore(vault, List.of(KnownHostsFile.readOnly(knownHosts)));

            try (SshConnector ssh = new SshConnector(store, new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, PASSWORD))) {
                assertThatThrownBy(() -> ssh.connect(passwordSpec(server.host(), server.port(), HostKeyPolicy.ACCEPT_NEW)))
                        .isInstanceOf(HostKeyChangedFailure.class)
                        .hasMessageContaining(Fingerprints.sha256(trustedEcdsa) + " (in " + knownHosts + ")")
                        .hasMessageContaining(Fingerprints.sha256(server.hostKey()))
                        .hasMessageContaining("ssh-keygen -f " + knownHosts + " -R '[127.0.0.1]:" + server.port() + "'");
            }
            assertThat(server.authAttempts()).isZero();
            assertThat(vault.trustedKeys(server.host(), server.port())).isEmpty();
        }
    }

    @Test
    void aServerWithTwoKeysIsAskedForTheTypeThatIsTrusted() throws Exception {
        KeyPair ecdsa = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        KeyPair ed25519 = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        AtomicInteger logins = new AtomicInteger();
        SshServer server = SshServer.setUpDefaultServer();
        AlgorithmPolicy.applyModernDefaults(server);
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(ecdsa, ed25519));
        server.setPasswordAuthenticator((user, password, session) -> logins.incrementAndGet() > 0 && PASSWORD.equals(password));
        server.start();
        try {
            for (KeyPair trusted : List.of(ecdsa, ed25519)) {
                MemoryHostKeyStore store = new MemoryHostKeyStore();
                store.trust("127.0.0.1", server.getPort(), trusted.getPublic());
                try (SshConnector ssh = new SshConnector(store, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
                     SshConnection connection = ssh.connect(passwordSpec("127.0.0.1", server.getPort(), HostKeyPolicy.STRICT))) {
                    assertThat(connection.isOpen()).as("logged in with only the %s key trusted", KeyUtils.getKeyType(trusted)).isTrue();
                }
                assertThat(store.trustedKeys("127.0.0.1", server.getPort())).containsExactly(trusted.getPublic());
            }
            assertThat(logins.get()).isEqualTo(2);
        } finally {
            server.stop(true);
        }
    }

    @Test
    void replacingTrustsExactlyTheOfferedKeyAndTheNextConnectionLogsIn() throws Exception {
        try (LocalSshServer server = LocalSshServer.start(USER, PASSWORD)) {
            MemoryHostKeyStore store = new MemoryHostKeyStore();
            PublicKey old = newKey(KeyPairProvider.SSH_ED25519, 256);
            store.trust(server.host(), server.port(), old);
            try (SshConnector ssh = new SshConnector(store, new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
                HostKeyChange change = HostKeyChange.of(catchFailure(() -> ssh.connect(passwordSpec(server.host(), server.port(), HostKeyPolicy.ASK))))
                        .orElseThrow();
                assertThat(server.authAttempts()).isZero();

                ssh.replaceTrustedKey(change);

                assertThat(store.trustedKeys(server.host(), server.port())).containsExactly(server.hostKey());
                ssh.connect(passwordSpec(server.host(), server.port(), HostKeyPolicy.STRICT)).close();
            }
            assertThat(server.authAttempts()).isEqualTo(1);
        }
    }

    @Test
    void replacingIsRefusedWhileAReadOnlyKnownHostsFileStillTrustsTheOldKey() throws Exception {
        try (LocalSshServer server = LocalSshServer.start(USER, PASSWORD)) {
            PublicKey old = newKey(KeyPairProvider.SSH_ED25519, 256);
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(old) + "\n");
            String before = Files.readString(knownHosts);
            MemoryHostKeyStore vault = new MemoryHostKeyStore();
            CombinedHostKeyStore store = new CombinedHostKeyStore(vault, List.of(KnownHostsFile.readOnly(knownHosts)));
            try (SshConnector ssh = new SshConnector(store, new ScriptedPrompter(HostKeyAnswer.CANCEL, null))) {
                HostKeyChange change = HostKeyChange.of(catchFailure(() -> ssh.connect(passwordSpec(server.host(), server.port(), HostKeyPolicy.ASK))))
                        .orElseThrow();
                assertThatThrownBy(() -> ssh.replaceTrustedKey(change))
                        .isInstanceOf(SshFailure.class)
                        .hasMessageContaining(knownHosts + " also trusts 1 key for 127.0.0.1:" + server.port())
                        .hasMessageContaining("ssh-keygen -f " + knownHosts + " -R '[127.0.0.1]:" + server.port() + "'");
            }
            assertThat(vault.trustedKeys(server.host(), server.port())).isEmpty();
            assertThat(Files.readString(knownHosts)).isEqualTo(before);
        }
    }

    @Test
    void realSshdOfferingAnotherTypeThanTheTrustedKeyGetsNoAuthenticationAttempt() throws Exception {
        String user = "kp3user";
        String password = "Kp3-correct-horse";
        OpenSshServer.run("sh", "-c", "id " + user + " >/dev/null 2>&1 || useradd -m -s /bin/sh " + user);
        OpenSshServer.run("sh", "-c", "echo '" + user + ":" + password + "' | chpasswd");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of("PasswordAuthentication yes"))) {
            Path key = sshd.authorizeNewKey("client");
            MemoryHostKeyStore store = new MemoryHostKeyStore();
            PublicKey trustedEcdsa = newKey(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
            store.trust("127.0.0.1", sshd.port(), trustedEcdsa);
            ConnectionSpec spec = new ConnectionSpec("db", "127.0.0.1", sshd.port(), user,
                    List.of(new Credential.PrivateKey("client", Files.readAllBytes(key)), new Credential.Password(password.toCharArray())))
                    .withOptions(SessionOptions.DEFAULTS.withHostKeyPolicy(HostKeyPolicy.ACCEPT_NEW));
            try (SshConnector ssh = new SshConnector(store, new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, password))) {
                assertThatThrownBy(() -> ssh.connect(spec))
                        .isInstanceOf(HostKeyChangedFailure.class)
                        .hasMessageContaining(Fingerprints.sha256(trustedEcdsa))
                        .hasMessageContaining(sshd.hostPublicKey().split(" ")[0]);
            }
            assertThat(store.trustedKeys("127.0.0.1", sshd.port())).containsExactly(trustedEcdsa);
            String log = sshd.log();
            assertThat(log).contains("Connection from 127.0.0.1");
            assertThat(log).doesNotContain("Accepted ").doesNotContain("Failed ").doesNotContain("Postponed ")
                    .doesNotContain("authenticating user").doesNotContain(user);
        }
    }

    @Test
    void realSshdWithAnEcdsaAndAnEd25519KeyShowsWhicheverIsTrusted() throws Exception {
        Path sshdDir = dir.resolve("sshd2");
        Files.createDirectories(sshdDir);
        Path ecdsaHostKey = sshdDir.resolve("ssh_host_ecdsa_key");
        OpenSshServer.run(OpenSshServer.SSH_KEYGEN.toString(), "-q", "-t", "ecdsa", "-N", "", "-f", ecdsaHostKey.toString());
        try (OpenSshServer sshd = OpenSshServer.start(sshdDir, List.of("HostKey " + ecdsaHostKey))) {
            Path key = sshd.authorizeNewKey("client");
            for (String publicKey : List.of(Files.readString(Path.of(ecdsaHostKey + ".pub")).trim(), sshd.hostPublicKey())) {
                PublicKey trusted = PublicKeyEntry.parsePublicKeyEntry(publicKey).resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
                MemoryHostKeyStore store = new MemoryHostKeyStore();
                store.trust("127.0.0.1", sshd.port(), trusted);
                ConnectionSpec spec = new ConnectionSpec("db", "127.0.0.1", sshd.port(), System.getProperty("user.name"),
                        List.of(new Credential.PrivateKey("client", Files.readAllBytes(key))))
                        .withOptions(SessionOptions.DEFAULTS.withHostKeyPolicy(HostKeyPolicy.STRICT));
                try (SshConnector ssh = new SshConnector(store, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
                     SshConnection connection = ssh.connect(spec)) {
                    assertThat(connection.isOpen()).as("logged in with only the %s key trusted", KeyUtils.getKeyType(trusted)).isTrue();
                }
            }
        }
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private static Throwable catchFailure(Attempt attempt) {
        try {
            attempt.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("expected the connection to be refused");
    }
}
