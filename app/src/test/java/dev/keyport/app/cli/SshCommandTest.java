package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.keyport.terminal.testing.OpenSshServer;

/** {@code keyport ssh} against a real OpenSSH sshd: exit status, streams, known_hosts options, BatchMode, jumps. */
class SshCommandTest {

    @TempDir
    static Path dir;
    private static OpenSshServer server;
    private static Path key;

    @BeforeAll
    static void start() throws Exception {
        server = OpenSshServer.start(dir.resolve("sshd"), List.of());
        key = server.authorizeNewKey("cli_key");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cli = new CommandLine(new dev.keyport.app.Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == SshCommand.class) {
                    return cls.cast(new SshCommand(env, new java.io.ByteArrayInputStream(new byte[0]), o, e, null));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cli.setErr(new java.io.PrintWriter(e, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] args(Path knownHosts, String policy, String... tail) {
        List<String> all = new java.util.ArrayList<>(List.of("ssh", "-i", key.toString(), "-p", String.valueOf(server.port()),
                "-o", "StrictHostKeyChecking=" + policy, "-o", "UserKnownHostsFile=" + knownHosts, "-o", "BatchMode=yes",
                "-o", "ConnectTimeout=5"));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    @Test
    void runsTheCommandAndExitsWithItsStatusAndStreams() throws Exception {
        Path knownHosts = dir.resolve("kh1");
        Run run = run(Map.of(), args(knownHosts, "accept-new", "root@127.0.0.1", "--", "echo out; echo err >&2; exit 7"));
        assertThat(run.err()).isEqualTo("err\n");
        assertThat(run.status()).isEqualTo(7);
        assertThat(run.out()).isEqualTo("out\n");
        assertThat(run.err()).isEqualTo("err\n");
        assertThat(Files.readString(knownHosts)).startsWith("[127.0.0.1]:" + server.port() + " ssh-ed25519 ");
    }

    @Test
    void dashTRunsTheCommandOnAPtyAsSshDoesAndWithoutItOrWithDashTTheCommandHasNone() {
        Path knownHosts = dir.resolve("kh-tty");

        Run withPty = run(Map.of(), args(knownHosts, "accept-new", "-t", "root@127.0.0.1", "--", "tty"));
        assertThat(withPty.status()).as(withPty.err()).isZero();
        assertThat(withPty.out().strip()).matches("/dev/pts/\\d+");

        Run plain = run(Map.of(), args(knownHosts, "accept-new", "root@127.0.0.1", "--", "tty"));
        assertThat(plain.out().strip()).isEqualTo("not a tty");
        assertThat(plain.status()).isEqualTo(1);

        Run refused = run(Map.of(), args(knownHosts, "accept-new", "-T", "root@127.0.0.1", "--", "tty"));
        assertThat(refused.out().strip()).isEqualTo("not a tty");

        Run status = run(Map.of(), args(knownHosts, "accept-new", "-t", "root@127.0.0.1", "--", "exit 3"));
        assertThat(status.status()).isEqualTo(3); // the command's exit status, as without -t
    }

    @Test
    void strictCheckingWithAnUnknownHostFailsOnStderrWith255() {
        Run run = run(Map.of(), args(dir.resolve("kh-empty"), "yes", "root@127.0.0.1", "--", "true"));
        assertThat(run.status()).isEqualTo(255);
        assertThat(run.err()).startsWith("keyport: No trusted host key for 127.0.0.1:" + server.port());
    }

    @Test
    void batchModeNeverPromptsForAnUnknownKey() {
        Run run = run(Map.of(), args(dir.resolve("kh-batch"), "ask", "root@127.0.0.1", "--", "true"));
        assertThat(run.status()).isEqualTo(255);
        assertThat(run.err()).contains("BatchMode is on").contains("was not trusted; nothing was sent");
    }

    @Test
    void aServerThatTakesOnlyKeysWhenNoKeyIsGivenSaysSoAndHowToGiveOne() throws Exception {
        String home = System.getProperty("user.home");
        Path emptyHome = Files.createDirectories(dir.resolve("home-without-keys"));
        System.setProperty("user.home", emptyHome.toString()); // no ~/.ssh/id_* to fall back on
        try {
            Run run = run(Map.of(), "ssh", "-p", String.valueOf(server.port()), "-o", "StrictHostKeyChecking=accept-new",
                    "-o", "UserKnownHostsFile=" + dir.resolve("kh-nokey"), "-o", "BatchMode=yes", "root@127.0.0.1", "--", "true");
            assertThat(run.status()).isEqualTo(255);
            assertThat(run.err()).isEqualTo("keyport: Permission denied for root@127.0.0.1:" + server.port()
                    + ". The server accepts only: publickey. Keyport had no key to offer for this host: give one with -i FILE"
                    + " (or put it in ~/.ssh/id_ed25519, id_ecdsa or id_rsa), or add it to an SSH agent with ssh-add.\n");
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void passwordFromKeyportPasswordFileLogsInAThrowawayUser() throws Exception {
        String user = "kp3user";
        String password = "Kp3-correct-horse";
        OpenSshServer.run("sh", "-c", "id " + user + " >/dev/null 2>&1 || useradd -m -s /bin/sh " + user);
        OpenSshServer.run("sh", "-c", "echo '" + user + ":" + password + "' | chpasswd");
        try (OpenSshServer pw = OpenSshServer.start(dir.resolve("sshd-pw"), List.of("PasswordAuthentication yes"))) {
            Path file = dir.resolve("password");
            Files.writeString(file, password + "\n");
            Run run = run(Map.of("KEYPORT_PASSWORD_FILE", file.toString()), "ssh", "-l", user, "-o", "StrictHostKeyChecking=accept-new",
                    "-o", "UserKnownHostsFile=" + dir.resolve("kh-pw"), "-o", "BatchMode=yes", "127.0.0.1:" + pw.port(), "--", "id -un");
            assertThat(run.err()).isEmpty();
            assertThat(run.status()).isZero();
            assertThat(run.out()).isEqualTo(user + "\n");
        }
    }

    @Test
    void jumpHostOptionCarriesTheConnection() throws Exception {
        Path knownHosts = dir.resolve("kh-jump");
        Run run = run(Map.of(), args(knownHosts, "accept-new", "-J", "root@127.0.0.1:" + server.port(), "root@127.0.0.1", "--", "echo jumped"));
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo("jumped\n");
    }
}
