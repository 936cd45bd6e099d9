package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import picocli.CommandLine;

import dev.keyport.app.Main;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.instance.SingleInstance;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.testing.EchoServer;
import dev.keyport.app.testing.LocalServerApp;
import dev.keyport.app.tunnels.Forwards;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * The command line while the window is open: a real window on a real vault (TestFX), its services
 * serving the instance channel, and {@code keyport …} run through picocli and the real Unix socket.
 */
@ExtendWith(ApplicationExtension.class)
class CommandLineBesideTheWindowTest {

    private static final Path GOLDEN = Path.of("..", "sync-format", "src", "test", "resources", "golden", "team-1.0.keyport");

    @TempDir
    Path dir;

    private Path dataDir;
    private KeyportHarness app;
    private Stage stage;
    private SingleInstance instance;
    private OpenSshServer sshd;
    private EchoServer echo;
    private Host host;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataDir = dir.resolve("data");
        app = KeyportHarness.open(dataDir, () -> this.stage);
        app.show(stage);
    }

    /** The servers and the instance channel start here, off the FX thread (the watchdog fails blocking work there). */
    @BeforeEach
    void serve() throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"), List.of());
        echo = new EchoServer();
        host = app.saveHostFor(sshd, "db", true);
        WindowCommands commands = new WindowCommands(app.context, new WindowCommands.Window() {
            @Override
            public void openTab(Host chosen) {
                Platform.runLater(() -> app.window.open(chosen));
            }

            @Override
            public void openImport(Path file) {
                Platform.runLater(() -> app.window.openImport(file.toString()));
            }
        });
        instance = ((SingleInstance.Claim.First) SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.empty()),
                commands::handle)).instance();
    }

    @AfterEach
    void stop() throws Exception {
        instance.close();
        app.close();
        echo.close();
        sshd.close();
    }

    record Run(int status, String out, String err) {
    }

    /** {@code keyport ARGS} as a second process would run it; {@code stop} plays Ctrl-C. No master password is available to it. */
    private Run run(CountDownLatch stop, StringWriter out, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("KEYPORT_DATA_DIR", dataDir.toString()));
        MasterPasswordInput input = new MasterPasswordInput(env, null, new ByteArrayInputStream(new byte[0]));
        CommandLine cli = new CommandLine(new Main(new CliEnvironment(env, input, Optional.of(KdfParameters.FLOOR))), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == TunnelCommand.Up.class) {
                    return cls.cast(new TunnelCommand.Up(System.err, null, stop));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cli.setOut(new PrintWriter(out, true));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Run run(String... args) {
        return run(new CountDownLatch(0), new StringWriter(), args);
    }

    @Test
    void connectOpensATabOnTheSavedHostInTheWindow(FxRobot robot) throws Exception {
        Run connect = run("connect", "db");

        assertThat(connect.err()).isEmpty();
        assertThat(connect.status()).isZero();
        assertThat(connect.out()).isEqualTo("Opened db in the Keyport window." + System.lineSeparator());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.window.terminals().size() == 1);
        KeyportHarness.awaitPrompt(robot, app.window); // a real shell on the real sshd, in the window's tab
        assertThat(app.window.terminals().get(0).tab().getText()).contains("db");

        Run unknown = run("connect", "nowhere");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("keyport: There is no host called nowhere. See: keyport host list");
    }

    @Test
    void tunnelUpSwitchesTheTunnelOnInTheWindowAndCtrlCSwitchesItOff() throws Exception {
        int port = EchoServer.freePort();
        ForwardProfile profile = new ForwardProfile(UUID.randomUUID(), "echo", host.id(), false,
                List.of(Forwards.fromSpec(ForwardSpec.parse('L', port + ":127.0.0.1:" + echo.port()))));
        app.context.tunnelProfiles().save(profile);
        app.window.model().tunnels().reload();
        CountDownLatch ctrlC = new CountDownLatch(1);
        StringWriter out = new StringWriter();

        CompletableFuture<Run> up = CompletableFuture.supplyAsync(() -> run(ctrlC, out, "tunnel", "up", "echo"));

        LocalServerApp.await("the tunnel to be on", Duration.ofSeconds(30), () -> out.toString().contains("echo: on:"), out::toString);
        assertThat(out.toString()).containsPattern("\\d\\d:\\d\\d:\\d\\d echo: starting")
                .contains("echo: on: -L 127.0.0.1:" + port + ":127.0.0.1:" + echo.port() + " (listening on port " + port + ")");
        assertThat(EchoServer.roundTrip(port, "through the window's tunnel")).isEqualTo("through the window's tunnel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> isOn("echo")); // the window shows it switched on

        ctrlC.countDown();
        Run done = up.get(30, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.err()).isZero();
        assertThat(done.out()).containsPattern("\\d\\d:\\d\\d:\\d\\d echo: off");
        assertThat(listening(port)).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !isOn("echo"));
    }

    @Test
    void tunnelDownSwitchesOffATunnelTheWindowRuns() throws Exception {
        int port = EchoServer.freePort();
        ForwardProfile profile = new ForwardProfile(UUID.randomUUID(), "echo", host.id(), false,
                List.of(Forwards.fromSpec(ForwardSpec.parse('L', port + ":127.0.0.1:" + echo.port()))));
        app.context.tunnelProfiles().save(profile);
        app.context.tunnels().switchOn(profile);
        LocalServerApp.await("the tunnel to listen", Duration.ofSeconds(30), () -> listening(port), () -> "not yet");

        Run down = run("tunnel", "down", "echo");

        assertThat(down.status()).as(down.err()).isZero();
        assertThat(down.out()).contains("Switched echo off in the Keyport window.");
        assertThat(listening(port)).isFalse();
        assertThat(run("tunnel", "down", "echo").out()).contains("echo was not on.");
    }

    @Test
    void listsAreServedByTheWindowWithoutTheMasterPassword() throws Exception {
        Run hosts = run("host", "list");
        assertThat(hosts.status()).as(hosts.err()).isZero();
        assertThat(hosts.out()).contains("NAME").contains("db").contains("@127.0.0.1:" + sshd.port());

        Run tunnels = run("tunnel", "list");
        assertThat(tunnels.status()).as(tunnels.err()).isZero();
        assertThat(tunnels.out()).contains("No tunnels yet");
    }

    @Test
    void importOpensThePreviewInTheWindowForThePersonToConfirm(FxRobot robot) throws Exception {
        Path teamFile = Files.copy(GOLDEN, dir.resolve("team.keyport"));

        Run imported = run("import", teamFile.toString());

        assertThat(imported.status()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("The Keyport window shows the import preview of " + teamFile.toAbsolutePath()
                + ": confirm the import there.");
        KeyportHarness.awaitShowing(robot, "#import-path");
        assertThat(robot.lookup("#import-path").queryAs(TextField.class).getText()).isEqualTo(teamFile.toAbsolutePath().toString());
        assertThat(app.context.hosts().list()).extracting(Host::name).containsExactly("db"); // nothing imported before the person confirms
    }

    @Test
    void aLockedWindowAsksForItToBeUnlocked() throws Exception {
        app.context.vault().lock();
        try {
            Run list = run("host", "list");
            assertThat(list.status()).isEqualTo(1);
            assertThat(list.err()).isEqualTo("keyport: Keyport is locked: unlock it in the window, then run this again." + System.lineSeparator());
            assertThat(list.out()).isEmpty();
        } finally {
            app.context.vault().reopen("test master password".toCharArray());
        }
    }

    @Test
    void aCommandThatNeedsTheVaultItselfSaysAtOnceThatTheWindowHoldsIt() {
        Run add = run("host", "add", "web", "deploy@web.internal");

        assertThat(add.status()).isEqualTo(1);
        assertThat(add.err()).contains("The Keyport window has the vault open.").contains("close the window and run it again");
    }

    /** Whether the window's Tunnels page shows the tunnel switched on. */
    private boolean isOn(String name) {
        return app.window.model().tunnels().rows().stream().filter(r -> r.profile().name().equals(name)).anyMatch(r -> r.onProperty().get());
    }

    private static boolean listening(int port) {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
