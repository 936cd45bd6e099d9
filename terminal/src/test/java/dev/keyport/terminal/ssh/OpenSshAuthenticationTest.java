package dev.keyport.terminal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/**
 * Authentication against a real OpenSSH sshd with keys made by the real ssh-keygen and puttygen,
 * a throwaway user's password, and PAM keyboard-interactive. One sshd is shared by the class.
 */
class OpenSshAuthenticationTest {

    static final String USER = "kp3user";
    static final String PASSWORD = "Kp3-correct-horse";
    static final String PASSPHRASE = "key passphrase 3";

    @TempDir
    static Path dir;
    private static OpenSshServer server;
    private static final MemoryHostKeyStore HOST_KEYS = new MemoryHostKeyStore();

    @BeforeAll
    static void start() throws Exception {
        OpenSshServer.run("sh", "-c", "id " + USER + " >/dev/null 2>&1 || useradd -m -s /bin/sh " + USER);
        OpenSshServer.run("sh", "-c", "echo '" + USER + ":" + PASSWORD + "' | chpasswd");
        server = OpenSshServer.start(dir.resolve("sshd"), List.of("PasswordAuthentication yes", "MaxAuthTries 20"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SshConnector connector(String secret) {
        return new SshConnector(HOST_KEYS, new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, secret));
    }

    private static ConnectionSpec spec(String user, Credential... credentials) {
        return new ConnectionSpec("interop", "127.0.0.1", server.port(), user, List.of(credentials));
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("ed25519", "openssh", false), Arguments.of("ed25519", "openssh", true),
                Arguments.of("ecdsa-256", "openssh", false), Arguments.of("ecdsa-384", "openssh", true),
                Arguments.of("ecdsa-521", "openssh", false),
                Arguments.of("ecdsa-256", "PEM", false), Arguments.of("ecdsa-384", "PEM", true),
                Arguments.of("ecdsa-521", "PKCS8", false), Arguments.of("ecdsa-256", "PKCS8", true),
                Arguments.of("rsa", "openssh", true), Arguments.of("rsa", "PEM", false), Arguments.of("rsa", "PEM", true),
                Arguments.of("rsa", "PKCS8", false), Arguments.of("rsa", "PKCS8", true),
                Arguments.of("ed25519", "ppk3", true), Arguments.of("ecdsa-256", "ppk3", false),
                Arguments.of("rsa", "ppk2", false), Arguments.of("rsa", "ppk2", true));
    }

    /** Makes a key with the real ssh-keygen (or puttygen for PPK); returns the private key file. The public key is at .pub. */
    static Path makeKey(Path where, String type, String format, boolean encrypted) throws IOException, InterruptedException {
        String name = type + "-" + format + (encrypted ? "-enc" : "");
        Path key = where.resolve(name);
        String[] t = type.split("-");
        if (format.startsWith("ppk")) {
            Path pass = where.resolve(name + ".pass");
            Files.writeString(pass, encrypted ? PASSPHRASE + "\n" : "\n");
            List<String> cmd = new ArrayList<>(List.of("puttygen", "-t", t[0], "-o", key.toString(), "-C", name,
                    "--new-passphrase", pass.toString(), "--ppk-param", "version=" + format.substring(3)));
            if (t.length > 1) {
                cmd.addAll(List.of("-b", t[1]));
            } else if (t[0].equals("rsa")) {
                cmd.addAll(List.of("-b", "2048"));
            }
            OpenSshServer.run(cmd.toArray(String[]::new));
            OpenSshServer.run("puttygen", key.toString(), "--old-passphrase", pass.toString(), "-O", "public-openssh", "-o", key + ".pub");
            return key;
        }
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", t[0], "-N", encrypted ? PASSPHRASE : "", "-C", name,
                "-f", key.toString()));
        if (t.length > 1) {
            cmd.addAll(List.of("-b", t[1]));
        } else if (t[0].equals("rsa")) {
            cmd.addAll(List.of("-b", "2048"));
        }
        if (!format.equals("openssh")) {
            cmd.addAll(List.of("-m", format));
        }
        OpenSshServer.run(cmd.toArray(String[]::new));
        return key;
    }

    @ParameterizedTest(name = "{0} {1} encrypted={2}")
    @MethodSource("keys")
    void keyMadeByTheRealToolLogsInAndRunsACommand(String type, String format, boolean encrypted) throws Exception {
        Path key = makeKey(dir, type, format, encrypted);
        server.authorize(Path.of(key + ".pub"));
        String header = Files.readString(key).lines().findFirst().orElseThrow();
        if (format.equals("PEM")) {
            assertThat(header).matches("-----BEGIN (RSA|EC) PRIVATE KEY-----");
        } else if (format.equals("PKCS8")) {
            assertThat(header).isEqualTo(encrypted ? "-----BEGIN ENCRYPTED PRIVATE KEY-----" : "-----BEGIN PRIVATE KEY-----");
        } else if (format.startsWith("ppk")) {
            assertThat(header).startsWith("PuTTY-User-Key-File-" + format.substring(3) + ":");
        }
        ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, PASSPHRASE);
        try (SshConnector ssh = new SshConnector(HOST_KEYS, prompter);
             SshConnection connection = ssh.connect(spec("root", new Credential.PrivateKey(key.getFileName().toString(), Files.readAllBytes(key))))) {
            ExecResult result = connection.exec("echo logged-in-as-$(id -un)", null, Duration.ofSeconds(20));
            assertThat(result.exitStatus()).isZero();
            assertThat(result.stdoutText()).isEqualTo("logged-in-as-root\n");
        }
        assertThat(prompter.secretQuestions).hasSize(encrypted ? 1 : 0);
        // OpenSSH 9.2 no longer accepts ssh-rsa (SHA-1) signatures by default, so an accepted RSA key used rsa-sha2-*.
        String fingerprint = OpenSshServer.run("ssh-keygen", "-l", "-f", key + ".pub").split(" ")[1];
        assertThat(server.log()).contains("Accepted publickey for root").contains(fingerprint);
    }

    @Test
    void wrongPassphraseSaysSoForEncryptedPemPkcs8AndPpkKeys() throws Exception {
        Path wrongDir = Files.createDirectories(dir.resolve("wrong"));
        for (String[] kind : List.of(new String[] {"rsa", "PEM"}, new String[] {"ecdsa-256", "PKCS8"}, new String[] {"ed25519", "ppk3"},
                new String[] {"ed25519", "openssh"})) {
            Path key = makeKey(wrongDir, kind[0], kind[1], true);
            try (SshConnector ssh = connector("not the passphrase")) {
                assertThatThrownBy(() -> ssh.connect(spec("root", new Credential.PrivateKey("work laptop", Files.readAllBytes(key)))))
                        .as(kind[0] + " " + kind[1])
                        .isInstanceOf(SshFailure.class)
                        .hasMessage("Wrong passphrase for key 'work laptop'");
            }
        }
    }

    @Test
    void passwordLogsInAThrowawayUserAndAWrongOneListsWhatWasTried() throws Exception {
        try (SshConnector ssh = connector(null);
             SshConnection connection = ssh.connect(spec(USER, new Credential.Password(PASSWORD.toCharArray())))) {
            assertThat(connection.exec("id -un", null, Duration.ofSeconds(20)).stdoutText()).isEqualTo(USER + "\n");
        }
        Path stranger = makeKey(Files.createDirectories(dir.resolve("stranger")), "ed25519", "openssh", false);
        try (SshConnector ssh = connector(null)) {
            assertThatThrownBy(() -> ssh.connect(spec(USER, new Credential.PrivateKey("work laptop", Files.readAllBytes(stranger)),
                    new Credential.Password("wrong".toCharArray()))))
                    .isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("Permission denied for " + USER + "@127.0.0.1:" + server.port()
                            + " (tried: publickey ed25519 'work laptop', password)");
        }
    }

    @Test
    void pamKeyboardInteractiveIsAnsweredWithTheHostsPassword() throws Exception {
        try (OpenSshServer pam = OpenSshServer.start(dir.resolve("sshd-pam"), List.of("UsePAM yes", "KbdInteractiveAuthentication yes",
                "PasswordAuthentication no"))) {
            ConnectionSpec good = new ConnectionSpec("pam", "127.0.0.1", pam.port(), USER, List.of(new Credential.Password(PASSWORD.toCharArray())));
            try (SshConnector ssh = connector(null); SshConnection connection = ssh.connect(good)) {
                assertThat(connection.exec("id -un", null, Duration.ofSeconds(20)).stdoutText()).isEqualTo(USER + "\n");
            }
            assertThat(pam.log()).contains("Accepted keyboard-interactive/pam for " + USER);
            ConnectionSpec bad = new ConnectionSpec("pam", "127.0.0.1", pam.port(), USER, List.of(new Credential.Password("nope".toCharArray())));
            try (SshConnector ssh = connector(null)) {
                assertThatThrownBy(() -> ssh.connect(bad)).isInstanceOf(SshFailure.class)
                        .hasMessageStartingWith("Permission denied for " + USER + "@127.0.0.1:" + pam.port() + " (tried: keyboard-interactive)");
            }
        }
    }

    @Test
    void serverRestartedWithADifferentHostKeyIsRefusedAndItsLogShowsNoAuthenticationAttempt() throws Exception {
        MemoryHostKeyStore trusted = new MemoryHostKeyStore();
        OpenSshServer victim = OpenSshServer.start(dir.resolve("sshd-mitm"), List.of("PasswordAuthentication yes"));
        Path key = victim.authorizeNewKey("mitm_client");
        try {
            ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, PASSWORD);
            ConnectionSpec first = new ConnectionSpec("db", "127.0.0.1", victim.port(), "root",
                    List.of(new Credential.PrivateKey("client", Files.readAllBytes(key))));
            try (SshConnector ssh = new SshConnector(trusted, prompter)) {
                ssh.connect(first).close();
            }
            String oldKey = victim.hostPublicKey();
            victim = victim.restartWithNewHostKey();
            assertThat(victim.hostPublicKey()).isNotEqualTo(oldKey);

            ConnectionSpec again = new ConnectionSpec("db", "127.0.0.1", victim.port(), USER,
                    List.of(new Credential.PrivateKey("client", Files.readAllBytes(key)), new Credential.Password(PASSWORD.toCharArray())));
            try (SshConnector ssh = new SshConnector(trusted, prompter)) {
                assertThatThrownBy(() -> ssh.connect(again))
                        .isInstanceOf(SshFailure.class)
                        .hasMessageContaining("host key for 127.0.0.1:" + victim.port() + " has changed")
                        .hasMessageContaining("sent no credentials")
                        .hasMessageContaining("(in the test's memory)")
                        .satisfies(e -> assertThat(((SshFailure) e).kind()).isEqualTo(SshFailure.Kind.HOST_KEY_CHANGED));
            }
            assertThat(prompter.hostKeyQuestions).hasSize(1);
            assertThat(prompter.secretQuestions).isEmpty();
            String log = victim.log();
            assertThat(log).contains("Connection from 127.0.0.1");
            assertThat(log).doesNotContain("Accepted ").doesNotContain("Failed ").doesNotContain("Postponed ")
                    .doesNotContain("authenticating user").doesNotContain(USER);
        } finally {
            victim.close();
        }
    }
}
