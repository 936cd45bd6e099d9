package dev.keyport.terminal.tunnel;

import static dev.keyport.terminal.tunnel.OpenSshTunnels.connect;
import static dev.keyport.terminal.tunnel.OpenSshTunnels.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import dev.keyport.terminal.testing.LoopbackServer;
import dev.keyport.terminal.testing.TestData;

/** -D: the real curl fetches through Keyport's SOCKS server; names resolve on the server's side. */
class DynamicForwardTest {

    static final int FILE_SIZE = 3 * 1024 * 1024 + 17;

    @TempDir
    static Path dir;
    static OpenSshTunnels ssh;
    static HttpServer http;
    static byte[] file;
    static Forwarding socks;

    @BeforeAll
    static void start() throws Exception {
        // DEBUG1 logs each direct-tcpip request with the host it names
        ssh = OpenSshTunnels.start(dir.resolve("sshd"), "LogLevel DEBUG1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TestData.write(bytes, FILE_SIZE);
        file = bytes.toByteArray();
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        http.createContext("/file", exchange -> {
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file);
            exchange.close();
        });
        http.start();
        socks = ssh.connection.startForward(ForwardSpec.parse('D', "0"));
    }

    @AfterAll
    static void stop() {
        socks.close();
        http.stop(0);
        ssh.close();
    }

    static Path curl(String... proxyArgs) throws Exception {
        Path out = Files.createTempFile(dir, "curl", ".bin");
        List<String> command = new ArrayList<>(List.of("curl", "--silent", "--show-error", "--fail", "--max-time", "60", "-o", out.toString()));
        command.addAll(List.of(proxyArgs));
        command.add("http://localhost:" + http.getAddress().getPort() + "/file");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("curl said: " + output).isZero();
        return out;
    }

    @Test
    void curlFetchesAFileThroughSocks5WithTheNameResolvedOnTheServer() throws Exception {
        long before = socks.stats().totalConnections();
        Path fetched = curl("--socks5-hostname", "127.0.0.1:" + socks.boundPort());
        assertThat(Files.readAllBytes(fetched)).isEqualTo(file);
        assertThat(socks.stats().totalConnections()).isEqualTo(before + 1);
        // sshd connected to the name it was given (the direct-tcpip request carried "localhost")
        assertThat(eventually(Duration.ofSeconds(5), () -> ssh.server.log().contains("to localhost port " + http.getAddress().getPort()))).isTrue();
    }

    @Test
    void curlFetchesAFileThroughSocks4a() throws Exception {
        Path fetched = curl("--socks4a", "127.0.0.1:" + socks.boundPort());
        assertThat(Files.readAllBytes(fetched)).isEqualTo(file);
    }

    @Test
    void curlFetchesAFileThroughSocks4AndSocks5WithAnAddress() throws Exception {
        assertThat(Files.readAllBytes(curl("--socks4", "127.0.0.1:" + socks.boundPort()))).isEqualTo(file);
        assertThat(Files.readAllBytes(curl("--socks5", "127.0.0.1:" + socks.boundPort()))).isEqualTo(file);
    }

    @Test
    void aRefusedTargetGetsTheSocks5ConnectionRefusedReplyAndIsCounted() throws Exception {
        int closedPort;
        try (ServerSocket unused = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = unused.getLocalPort();
        }
        long failedBefore = socks.stats().failedConnections();
        try (Socket socket = connect(socks.boundPort())) {
            int reply = socks5Connect(socket, "127.0.0.1", closedPort);
            assertThat(reply).isEqualTo(Socks.CONNECTION_REFUSED);
        }
        assertThat(eventually(Duration.ofSeconds(5), () -> socks.stats().failedConnections() == failedBefore + 1)).isTrue();
        assertThat(socks.isOpen()).isTrue();
    }

    @Test
    void anUnsupportedCommandGetsReplyCode7() throws Exception {
        try (Socket socket = connect(socks.boundPort())) {
            socket.getOutputStream().write(new byte[] {5, 1, 0});
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.readShort()).isEqualTo((short) 0x0500);
            // BIND (2) to 127.0.0.1:80
            socket.getOutputStream().write(new byte[] {5, 2, 0, 1, 127, 0, 0, 1, 0, 80});
            byte[] reply = in.readNBytes(10);
            assertThat(reply[1]).isEqualTo((byte) Socks.COMMAND_NOT_SUPPORTED);
        }
    }

    @Test
    void dataSentRightBehindTheRequestIsNotLost() throws Exception {
        try (LoopbackServer echo = LoopbackServer.start("echo", LoopbackServer.echo()); Socket socket = connect(socks.boundPort())) {
            byte[] hello = "pipelined".getBytes(StandardCharsets.UTF_8);
            ByteBuffer request = ByteBuffer.allocate(3 + 10 + hello.length)
                    .put(new byte[] {5, 1, 0}).put(new byte[] {5, 1, 0, 1, 127, 0, 0, 1}).putShort((short) echo.port()).put(hello);
            socket.getOutputStream().write(request.array());
            socket.shutdownOutput();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(in.readShort()).isEqualTo((short) 0x0500);
            byte[] reply = in.readNBytes(10);
            assertThat(reply[1]).isEqualTo((byte) Socks.SUCCEEDED);
            assertThat(in.readAllBytes()).isEqualTo(hello);
        }
    }

    /** A SOCKS5 CONNECT by IPv4 address; returns the reply code. */
    static int socks5Connect(Socket socket, String ipv4, int port) throws IOException {
        socket.getOutputStream().write(new byte[] {5, 1, 0});
        DataInputStream in = new DataInputStream(socket.getInputStream());
        assertThat(in.readShort()).isEqualTo((short) 0x0500);
        byte[] ip = java.net.InetAddress.getByName(ipv4).getAddress();
        socket.getOutputStream().write(ByteBuffer.allocate(10).put(new byte[] {5, 1, 0, 1}).put(ip).putShort((short) port).array());
        byte[] reply = in.readNBytes(10);
        assertThat(reply).hasSize(10);
        assertThat(reply[0]).isEqualTo((byte) 5);
        return reply[1];
    }
}
