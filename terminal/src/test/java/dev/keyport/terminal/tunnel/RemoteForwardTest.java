package dev.keyport.terminal.tunnel;

import static dev.keyport.terminal.tunnel.OpenSshTunnels.connect;
import static dev.keyport.terminal.tunnel.OpenSshTunnels.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.testing.LoopbackServer;
import dev.keyport.terminal.testing.TestData;

/**
 * -R: the real sshd listens on its side (here the same machine, so the test connects to 127.0.0.1 and
 * the server's port) and hands each connection back to a service here.
 */
class RemoteForwardTest {

    @TempDir
    static Path dir;
    static OpenSshTunnels ssh;
    static LoopbackServer echo;
    static LoopbackServer digest;

    @BeforeAll
    static void start() throws Exception {
        ssh = OpenSshTunnels.start(dir.resolve("sshd"));
        echo = LoopbackServer.start("echo", LoopbackServer.echo());
        digest = LoopbackServer.start("digest", LoopbackServer.digest());
    }

    @AfterAll
    static void stop() {
        echo.close();
        digest.close();
        ssh.close();
    }

    @Test
    void aConnectionToTheServersPortReachesTheLocalService() throws Exception {
        try (Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('R', "0:127.0.0.1:" + echo.port()))) {
            assertThat(forward.boundPort()).isPositive();
            assertThat(forward.boundPort()).isNotEqualTo(echo.port());
            try (Socket socket = connect(forward.boundPort())) {
                byte[] data = TestData.block(3);
                socket.getOutputStream().write(data);
                socket.shutdownOutput();
                assertThat(socket.getInputStream().readAllBytes()).isEqualTo(data);
            }
            assertThat(eventually(Duration.ofSeconds(10), () -> forward.stats().openConnections() == 0)).isTrue();
            ForwardStats stats = forward.stats();
            assertThat(stats.totalConnections()).isEqualTo(1);
            assertThat(stats.bytesIn()).isEqualTo(TestData.BLOCK);
            assertThat(stats.bytesOut()).isEqualTo(TestData.BLOCK);
        }
    }

    @Test
    void bulkDataAndTheReplyAfterAHalfCloseComeThrough() throws Exception {
        long size = 32L * 1024 * 1024;
        try (Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('R', "0:127.0.0.1:" + digest.port()));
             Socket socket = connect(forward.boundPort())) {
            TestData.write(socket.getOutputStream(), size);
            socket.shutdownOutput();
            assertThat(socket.getInputStream().readAllBytes()).isEqualTo(TestData.expectedDigest(size));
        }
    }

    @Test
    void theLocalServiceMayHalfCloseFirstAndStillHear() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (LoopbackServer greeter = LoopbackServer.start("greeter", socket -> {
            socket.getOutputStream().write("hello from here".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            heard.add(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }); Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('R', "0:127.0.0.1:" + greeter.port()));
             Socket socket = connect(forward.boundPort())) {
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello from here");
            socket.getOutputStream().write("and hello from there".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            assertThat(eventually(Duration.ofSeconds(10), () -> !heard.isEmpty())).isTrue();
            assertThat(heard).containsExactly("and hello from there");
        }
    }

    @Test
    void anUnreachableLocalTargetIsCountedAndTheForwardStaysUp() throws Exception {
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        try (Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('R', "0:127.0.0.1:" + closedPort))) {
            try (Socket socket = connect(forward.boundPort())) {
                assertThat(socket.getInputStream().read()).isEqualTo(-1); // sshd closes it: the channel was refused
            }
            assertThat(eventually(Duration.ofSeconds(10), () -> forward.stats().failedConnections() == 1)).isTrue();
            assertThat(forward.isOpen()).isTrue();
            assertThat(forward.stats().totalConnections()).isEqualTo(1);
        }
    }

    @Test
    void closingCancelsTheForwardOnTheServer() throws Exception {
        Forwarding forward = ssh.connection.startForward(ForwardSpec.parse('R', "0:127.0.0.1:" + echo.port()));
        int port = forward.boundPort();
        Socket open = connect(port);
        open.getOutputStream().write(1);
        assertThat(open.getInputStream().read()).isEqualTo(1);
        forward.close();
        assertThat(forward.isOpen()).isFalse();
        assertThat(open.getInputStream().read()).isEqualTo(-1); // the carried connection ended with the forward
        open.close();
        assertThat(eventually(Duration.ofSeconds(5), () -> refuses(port))).isTrue();
    }

    @Test
    void aPortTheServerCannotBindIsRefusedWithAClearMessage() throws Exception {
        // the sshd's own port is taken on the server's loopback
        int taken = ssh.server.port();
        assertThatThrownBy(() -> ssh.connection.startForward(ForwardSpec.parse('R', taken + ":127.0.0.1:" + echo.port())))
                .isInstanceOfSatisfying(SshFailure.class, f -> assertThat(f.kind()).isEqualTo(SshFailure.Kind.FORWARD_REFUSED))
                .hasMessageStartingWith("The server refused the remote forward of port " + taken + " (");
        assertThat(ssh.connection.isOpen()).isTrue();
    }

    static boolean refuses(int port) {
        try (Socket s = connect(port)) {
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (java.io.IOException other) {
            return false;
        }
    }

}
