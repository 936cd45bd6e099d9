package dev.keyport.app.tunnels;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.testing.EchoServer;
import dev.keyport.app.testing.OpenSshApp;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.vault.ForwardProfile;

/** Saved tunnels switched on and off against a real OpenSSH sshd, with traffic on 127.0.0.1. */
class TunnelServiceTest {

    @TempDir
    Path dir;
    private OpenSshApp app;
    private EchoServer echo;
    private TunnelService tunnels;
    private final Map<UUID, TunnelStatus> seen = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        app = OpenSshApp.start(dir, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
        echo = new EchoServer();
        tunnels = app.context.tunnels();
        tunnels.addListener(status -> seen.put(status.id(), status));
    }

    @AfterEach
    void stop() throws Exception {
        echo.close();
        app.close();
    }

    private ForwardProfile localTunnel(String name, int localPort) throws Exception {
        ForwardProfile profile = new ForwardProfile(UUID.randomUUID(), name, app.host.id(), false,
                List.of(Forwards.fromSpec(ForwardSpec.parse('L', localPort + ":127.0.0.1:" + echo.port()))));
        app.context.tunnelProfiles().save(profile);
        return profile;
    }

    private TunnelState awaitState(ForwardProfile profile, Class<? extends TunnelState> state, Duration timeout) {
        await(profile.name() + " to be " + state.getSimpleName(), timeout,
                () -> state.isInstance(tunnels.status(profile).state()), () -> TunnelState.describe(tunnels.status(profile).state()));
        return tunnels.status(profile).state();
    }

    @Test
    void aTunnelSwitchedOnCarriesTrafficCountsItAndSwitchedOffFreesItsPortAtOnce() throws Exception {
        int port = EchoServer.freePort();
        ForwardProfile profile = localTunnel("echo", port);
        tunnels.switchOn(profile);
        awaitState(profile, TunnelState.On.class, Duration.ofSeconds(20));
        assertThat(tunnels.status(profile).forwards()).singleElement().satisfies(f -> assertThat(f.boundPort()).isEqualTo(port));

        assertThat(EchoServer.roundTrip(port, "hello through the tunnel")).isEqualTo("hello through the tunnel");
        await("the counters to move", Duration.ofSeconds(5), () -> {
            var stats = tunnels.status(profile).forwards().get(0).stats();
            return stats.totalConnections() == 1 && stats.bytesOut() >= 24 && stats.bytesIn() >= 24;
        }, () -> tunnels.status(profile).forwards().toString());
        assertThat(seen.get(profile.id()).state()).as("listeners hear about it").isInstanceOf(TunnelState.On.class);

        tunnels.switchOff(profile.id());
        await("the port to be closed", Duration.ofSeconds(1), () -> !listening(port), () -> "still listening");
        assertThat(tunnels.status(profile).state()).isInstanceOf(TunnelState.Off.class);

        tunnels.switchOn(profile);
        awaitState(profile, TunnelState.On.class, Duration.ofSeconds(20));
        assertThat(EchoServer.roundTrip(port, "again")).isEqualTo("again");
    }

    @Test
    void aPortInUseSaysSoAndTheOtherTunnelsKeepWorking() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ForwardProfile blocked = localTunnel("blocked", taken.getLocalPort());
            int free = EchoServer.freePort();
            ForwardProfile working = localTunnel("working", free);
            tunnels.switchOn(blocked);
            tunnels.switchOn(working);

            TunnelState failed = awaitState(blocked, TunnelState.Failed.class, Duration.ofSeconds(20));
            assertThat(((TunnelState.Failed) failed).reason()).startsWith("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
            awaitState(working, TunnelState.On.class, Duration.ofSeconds(20));
            assertThat(EchoServer.roundTrip(free, "still fine")).isEqualTo("still fine");
        }
    }

    @Test
    void whenTheServerDiesTheTunnelReconnectsByItselfOnceItIsBack() throws Exception {
        TunnelService quick = new TunnelService(app.context.sessions(), app.context.vault().hosts(),
                new RunningTunnel.Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));
        try {
            int port = EchoServer.freePort();
            ForwardProfile profile = localTunnel("resilient", port);
            quick.switchOn(profile);
            await("on", Duration.ofSeconds(20), () -> quick.status(profile).state() instanceof TunnelState.On,
                    () -> TunnelState.describe(quick.status(profile).state()));

            app.sshd.kill();
            await("reconnecting", Duration.ofSeconds(20), () -> quick.status(profile).state() instanceof TunnelState.Reconnecting,
                    () -> TunnelState.describe(quick.status(profile).state()));
            TunnelState.Reconnecting r = (TunnelState.Reconnecting) quick.status(profile).state();
            assertThat(r.attempt()).isPositive();
            assertThat(r.reason()).isNotBlank();

            app.sshd = app.sshd.restart();
            await("on again", Duration.ofSeconds(30), () -> quick.status(profile).state() instanceof TunnelState.On,
                    () -> TunnelState.describe(quick.status(profile).state()));
            assertThat(EchoServer.roundTrip(port, "back again")).isEqualTo("back again");
        } finally {
            quick.close();
        }
    }

    @Test
    void aRefusedLoginFailsForGoodInsteadOfRetrying() throws Exception {
        java.nio.file.Files.writeString(app.sshd.directory().resolve("authorized_keys"), ""); // the key is no longer accepted
        ForwardProfile profile = localTunnel("refused", EchoServer.freePort());
        tunnels.switchOn(profile);
        TunnelState failed = awaitState(profile, TunnelState.Failed.class, Duration.ofSeconds(20));
        assertThat(((TunnelState.Failed) failed).reason()).startsWith("Permission denied");
    }

    @Test
    void forwardsAreWrittenAndReadAsOpenSshWritesThem() {
        List<ForwardSpec> specs = Forwards.parseLines("L 5432:db.internal:5432\n-R 8080:localhost:3000\n\nD 1080\n");
        assertThat(specs).hasSize(3);
        assertThat(Forwards.parseLines(Forwards.toLines(specs))).isEqualTo(specs);
        assertThat(specs.stream().map(s -> Forwards.toSpec(Forwards.fromSpec(s))).toList()).isEqualTo(specs);
        assertThatThrownBy(() -> Forwards.parseLines("L 5432:db:5432\nX 1:2:3")).hasMessageStartingWith("Line 2: start with L");
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
