package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.keyport.app.Main;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.testing.CommandLineVault;
import dev.keyport.app.testing.EchoServer;
import dev.keyport.app.testing.LocalServerApp;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.crypto.KdfParameters;

/** {@code keyport tunnel …} and {@code keyport ssh -L/-N} against a real OpenSSH sshd, traffic on 127.0.0.1. */
class TunnelCommandTest {

    @TempDir
    static Path tmp;

    private static CommandLineVault vault;
    private static OpenSshServer sshd;
    private static EchoServer echo;
    private static Path key;
    private static Map<String, String> env;

    @BeforeAll
    static void saveAHost() throws Exception {
        vault = CommandLineVault.withBuildBox(tmp, "tunnel master pw");
        sshd = vault.sshd;
        key = vault.key;
        env = vault.env;
        echo = new EchoServer();
    }

    @AfterAll
    static void stop() throws Exception {
        echo.close();
        vault.close();
    }

    record Run(int status, String out, String err) {
    }

    /** Runs keyport; {@code stop} plays Ctrl-C for the foreground commands. */
    private static Run run(CountDownLatch stop, StringWriter liveOut, String... args) {
        StringWriter out = liveOut != null ? liveOut : new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        MasterPasswordInput input = new MasterPasswordInput(env, null, new ByteArrayInputStream(new byte[0]));
        CommandLine cli = new CommandLine(new Main(new CliEnvironment(env, input, Optional.of(KdfParameters.FLOOR))),
                new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> cls) throws Exception {
                        if (cls == TunnelCommand.Up.class) {
                            return cls.cast(new TunnelCommand.Up(e, null, stop));
                        }
                        if (cls == SshCommand.class) {
                            return cls.cast(new SshCommand(Map.of(), new ByteArrayInputStream(new byte[0]), e, e, null));
                        }
                        return CommandLine.defaultFactory().create(cls);
                    }
                });
        cli.setOut(new PrintWriter(out, true));
        StringWriter cliErr = new StringWriter();
        cli.setErr(new PrintWriter(cliErr, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString(StandardCharsets.UTF_8) + cliErr);
    }

    private static Run run(String... args) {
        return run(new CountDownLatch(0), null, args);
    }

    @Test
    void tunnelsAreAddedListedAndRemoved() {
        Run add = run("tunnel", "add", "db", "build box", "-L", "15432:db.internal:5432", "-D", "1080", "--autostart");
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).contains("Saved tunnel db through build box: -L 127.0.0.1:15432:db.internal:5432 -D 127.0.0.1:1080");

        Run open = run("tunnel", "add", "shared", "build box", "-L", "0.0.0.0:18080:intranet:80");
        assertThat(open.out()).contains("Warning: -L 0.0.0.0:18080:intranet:80 listens beyond this machine");

        Run list = run("tunnel", "list");
        assertThat(list.out()).contains("NAME").contains("db").contains("build box").contains("-L 127.0.0.1:15432:db.internal:5432")
                .contains("yes");

        Run bad = run("tunnel", "add", "oops", "build box", "-L", "99999:db:5432");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("keyport: ");
        assertThat(run("tunnel", "add", "none", "build box").err()).contains("Give at least one forward");

        assertThat(run("tunnel", "rm", "db").out()).contains("Removed tunnel db");
        assertThat(run("tunnel", "rm", "shared").status()).isZero();
        assertThat(run("tunnel", "list").out()).contains("No tunnels yet");
    }

    @Test
    void tunnelUpRunsUntilStoppedPrintingEachStateAndFreesItsPort() throws Exception {
        int port = EchoServer.freePort();
        assertThat(run("tunnel", "add", "echo", "build box", "-L", port + ":127.0.0.1:" + echo.port()).status()).isZero();
        CountDownLatch stop = new CountDownLatch(1);
        StringWriter out = new StringWriter();
        CompletableFuture<Run> up = CompletableFuture.supplyAsync(() -> run(stop, out, "tunnel", "up", "echo"));

        LocalServerApp.await("the tunnel to be on", Duration.ofSeconds(30), () -> out.toString().contains("echo: on:"), out::toString);
        assertThat(out.toString()).containsPattern("\\d\\d:\\d\\d:\\d\\d echo: starting")
                .contains("echo: on: -L 127.0.0.1:" + port + ":127.0.0.1:" + echo.port() + " (listening on port " + port + ")");
        assertThat(EchoServer.roundTrip(port, "through keyport tunnel up")).isEqualTo("through keyport tunnel up");

        stop.countDown(); // Ctrl-C
        Run done = up.get(20, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.err()).isZero();
        assertThat(done.out()).contains("echo: off");
        assertThat(listening(port)).isFalse();
        run("tunnel", "rm", "echo");
    }

    @Test
    void sshForwardsWhileTheCommandRunsAndExitOnForwardFailureStopsOnATakenPort() throws Exception {
        int port = EchoServer.freePort();
        CompletableFuture<Run> ssh = CompletableFuture.supplyAsync(() -> run("ssh", "-i", key.toString(), "-p", String.valueOf(sshd.port()),
                "-o", "UserKnownHostsFile=" + tmp.resolve("kh"), "-o", "StrictHostKeyChecking=accept-new",
                "-L", port + ":127.0.0.1:" + echo.port(), "127.0.0.1", "--", "sleep", "4"));
        LocalServerApp.await("the forward to listen", Duration.ofSeconds(20), () -> listening(port), () -> "not yet");
        assertThat(EchoServer.roundTrip(port, "while the command runs")).isEqualTo("while the command runs");
        assertThat(ssh.get(30, TimeUnit.SECONDS).status()).isZero();
        assertThat(listening(port)).isFalse();

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run failed = run("ssh", "-i", key.toString(), "-p", String.valueOf(sshd.port()), "-o", "UserKnownHostsFile=" + tmp.resolve("kh"),
                    "-o", "ExitOnForwardFailure=yes", "-N", "-L", taken.getLocalPort() + ":127.0.0.1:" + echo.port(), "127.0.0.1");
            assertThat(failed.status()).isEqualTo(255);
            assertThat(failed.err()).contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
