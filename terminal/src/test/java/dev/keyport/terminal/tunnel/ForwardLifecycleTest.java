package dev.keyport.terminal.tunnel;

import static dev.keyport.terminal.tunnel.OpenSshTunnels.connect;
import static dev.keyport.terminal.tunnel.OpenSshTunnels.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.testing.LoopbackServer;

/** Starting, binding, failing and closing forwards against a real OpenSSH sshd. */
class ForwardLifecycleTest {

    @TempDir
    static Path dir;
    static OpenSshTunnels ssh;
    static LoopbackServer echo;

    @BeforeAll
    static void start() throws Exception {
        ssh = OpenSshTunnels.start(dir.resolve("sshd"));
        echo = LoopbackServer.start("echo", LoopbackServer.echo());
    }

    @AfterAll
    static void stop() {
        echo.close();
        ssh.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void assertEchoes(Socket socket, int value) throws IOException {
        socket.getOutputStream().write(value);
        assertThat(socket.getInputStream().read()).isEqualTo(value);
    }

    @Test
    void closingRefusesNewConnectionsEndsOpenOnesAndThePortBindsAgainAtOnce() throws Exception {
        Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + echo.port()));
        int port = forward.boundPort();
        List<Socket> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Socket socket = connect(port);
            assertEchoes(socket, i);
            open.add(socket);
        }
        assertThat(forward.stats().openConnections()).isEqualTo(5);
        CountDownLatch told = new CountDownLatch(1);
        forward.onClose(told::countDown);

        forward.close();

        assertThat(forward.isOpen()).isFalse();
        assertThat(told.getCount()).isZero();
        assertThatThrownBy(() -> connect(port).close()).isInstanceOf(ConnectException.class);
        for (Socket socket : open) {
            socket.setSoTimeout(1000);
            try {
                assertThat(socket.getInputStream().read()).isEqualTo(-1);
            } catch (SocketException reset) {
                // a reset is an end too
            }
            socket.close();
        }
        assertThat(forward.stats().openConnections()).isZero();

        // the same port again, right away (the old connections are in TIME_WAIT on this side)
        try (Forwarding again = ssh.connection.startForward(ForwardSpec.parse('L', port + ":127.0.0.1:" + echo.port()));
             Socket socket = connect(port)) {
            assertThat(again.boundPort()).isEqualTo(port);
            assertEchoes(socket, 42);
        }
    }

    @Test
    void aPortInUseIsRefusedWithTheMessageToAct() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> ssh.connection.startForward(ForwardSpec.parse('L', port + ":db.internal:5432")))
                    .isInstanceOfSatisfying(SshFailure.class, f -> assertThat(f.kind()).isEqualTo(SshFailure.Kind.PORT_IN_USE))
                    .hasMessage("Port " + port + " on 127.0.0.1 is already in use by another program."
                            + " Choose another local port or stop that program.");
            assertThatThrownBy(() -> ssh.connection.startForward(ForwardSpec.parse('D', "127.0.0.1:" + port)))
                    .isInstanceOfSatisfying(SshFailure.class, f -> assertThat(f.kind()).isEqualTo(SshFailure.Kind.PORT_IN_USE));
        }
    }

    @Test
    void aPrivilegedPortSaysSoAndWhatToDo() {
        // The tests run as root, which may bind below 1024: this is the message for everyone else.
        SshFailure failure = BindFailures.of("127.0.0.1", 80, new BindException("Permission denied"));
        assertThat(failure.kind()).isEqualTo(SshFailure.Kind.BIND_FAILED);
        assertThat(failure.getMessage()).isEqualTo("Port 80 on 127.0.0.1 is a privileged port: only root (or a program allowed"
                + " to bind them) may listen below 1024. Choose a local port from 1024 up, for example 8080.");
    }

    @Test
    void anAddressNotOfThisComputerSaysSo() {
        assertThatThrownBy(() -> ssh.connection.startForward(ForwardSpec.parse('L', "192.0.2.77:0:db:5432")))
                .isInstanceOfSatisfying(SshFailure.class, f -> assertThat(f.kind()).isEqualTo(SshFailure.Kind.BIND_FAILED))
                .hasMessage("Cannot listen on 192.0.2.77: it is not an address of this computer."
                        + " Use 127.0.0.1 (this computer only) or one of this computer's addresses.");
    }

    @Test
    void theListenerBindsExactlyTheSpecsAddress() throws Exception {
        int port = freePort();
        try (Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('L', "127.0.0.2:" + port + ":127.0.0.1:" + echo.port()))) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", port), 5000);
                assertEchoes(socket, 9);
            }
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
            assertThat(forward.spec().loopbackOnly()).isTrue();
        }
    }

    @Test
    void anUnreachableTargetIsCountedAndTheForwardStaysUp() throws Exception {
        int closedPort = freePort();
        try (Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + closedPort))) {
            for (int i = 1; i <= 3; i++) {
                try (Socket socket = connect(forward.boundPort())) {
                    assertThat(socket.getInputStream().read()).isEqualTo(-1);
                }
                int expected = i;
                assertThat(eventually(Duration.ofSeconds(10), () -> forward.stats().failedConnections() == expected)).isTrue();
            }
            assertThat(forward.isOpen()).isTrue();
            assertThat(forward.stats()).isEqualTo(new ForwardStats(0, 3, 3, 0, 0));
        }
    }

    @Test
    void whenTheSshdIsKilledEveryForwardClosesAndSaysSo() throws Exception {
        try (OpenSshTunnels doomed = OpenSshTunnels.start(dir.resolve("doomed"))) {
            Forwarding local = doomed.connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + echo.port()));
            Forwarding socks = doomed.connection.startForward(ForwardSpec.parse('D', "0"));
            Forwarding remote = doomed.connection.startForward(ForwardSpec.parse('R', "0:127.0.0.1:" + echo.port()));
            CountDownLatch closed = new CountDownLatch(3);
            for (Forwarding f : List.of(local, socks, remote)) {
                f.onClose(closed::countDown);
            }
            Socket carried = connect(local.boundPort());
            assertEchoes(carried, 1);

            doomed.server.kill();

            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(local.isOpen()).isFalse();
            assertThat(socks.isOpen()).isFalse();
            assertThat(remote.isOpen()).isFalse();
            carried.setSoTimeout(5000);
            try {
                assertThat(carried.getInputStream().read()).isEqualTo(-1);
            } catch (SocketException reset) {
                // ended either way
            }
            carried.close();
            assertThatThrownBy(() -> connect(local.boundPort()).close()).isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> doomed.connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + echo.port())))
                    .isInstanceOfSatisfying(SshFailure.class, f -> assertThat(f.kind()).isEqualTo(SshFailure.Kind.DISCONNECTED));
        }
    }

    @Test
    void closingTheConnectionClosesItsForwards() throws Exception {
        try (OpenSshTunnels own = OpenSshTunnels.start(dir.resolve("own"))) {
            Forwarding forward = own.connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + echo.port()));
            own.connection.close();
            assertThat(eventually(Duration.ofSeconds(5), () -> !forward.isOpen())).isTrue();
        }
    }
}
