package dev.keyport.terminal.tunnel;

import static dev.keyport.terminal.tunnel.OpenSshTunnels.connect;
import static dev.keyport.terminal.tunnel.OpenSshTunnels.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.testing.LoopbackServer;
import dev.keyport.terminal.testing.TestData;

/** -L through a real OpenSSH sshd to servers on 127.0.0.1: bulk data, many connections, half-close both ways. */
class LocalForwardTest {

    static final long BULK = 256L * 1024 * 1024;

    @TempDir
    static Path dir;
    static OpenSshTunnels ssh;
    static LoopbackServer echo;
    static LoopbackServer digest;
    static LoopbackServer source;

    @BeforeAll
    static void start() throws Exception {
        ssh = OpenSshTunnels.start(dir.resolve("sshd"));
        echo = LoopbackServer.start("echo", LoopbackServer.echo());
        digest = LoopbackServer.start("digest", LoopbackServer.digest());
        source = LoopbackServer.start("source", LoopbackServer.source());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {echo, digest, source, ssh}) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
    }

    static Forwarding forwardTo(LoopbackServer target) throws Exception {
        return ssh.connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + target.port()));
    }

    @Test
    void twoHundredFiftySixMiBGoOutWithAMatchingSha256() throws Exception {
        try (Forwarding forward = forwardTo(digest); Socket socket = connect(forward.boundPort())) {
            TestData.write(socket.getOutputStream(), BULK);
            socket.shutdownOutput();
            byte[] answer = socket.getInputStream().readAllBytes();
            assertThat(answer).isEqualTo(TestData.expectedDigest(BULK));
            assertThat(forward.stats().bytesOut()).isEqualTo(BULK);
            assertThat(digest.errors()).isEmpty();
        }
    }

    @Test
    void twoHundredFiftySixMiBComeBackWithAMatchingSha256() throws Exception {
        try (Forwarding forward = forwardTo(source); Socket socket = connect(forward.boundPort())) {
            socket.getOutputStream().write(ByteBuffer.allocate(8).putLong(BULK).array());
            byte[] received = TestData.digestToEnd(socket.getInputStream());
            assertThat(received).isEqualTo(TestData.expectedDigest(BULK));
            assertThat(eventually(Duration.ofSeconds(10), () -> forward.stats().bytesIn() == BULK)).isTrue();
        }
    }

    @Test
    void twoHundredConcurrentConnectionsEachGetTheirOwnDataBack() throws Exception {
        int connections = 200;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try (Forwarding forward = forwardTo(echo)) {
            CountDownLatch allConnected = new CountDownLatch(connections);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                int id = i;
                results.add(pool.submit(() -> {
                    byte[] mine = new byte[32 * 1024 + id * 97];
                    new SplittableRandom(id).nextBytes(mine);
                    try (Socket socket = connect(forward.boundPort())) {
                        allConnected.countDown();
                        allConnected.await(60, TimeUnit.SECONDS); // all 200 are open at the same time
                        OutputStream out = socket.getOutputStream();
                        InputStream in = socket.getInputStream();
                        Thread writer = new Thread(() -> {
                            try {
                                out.write(mine);
                                socket.shutdownOutput();
                            } catch (Exception e) {
                                // the read side fails the comparison
                            }
                        });
                        writer.start();
                        byte[] back = in.readAllBytes();
                        writer.join();
                        return Arrays.equals(mine, back);
                    }
                }));
            }
            assertThat(allConnected.await(60, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(eventually(Duration.ofSeconds(10), () -> forward.stats().openConnections() == 0)).isTrue();
            ForwardStats stats = forward.stats();
            assertThat(stats.totalConnections()).isEqualTo(connections);
            assertThat(stats.failedConnections()).isZero();
            assertThat(echo.errors()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theReplyArrivesAfterTheClientHalfCloses() throws Exception {
        byte[] request = "GET what-you-heard".getBytes(StandardCharsets.UTF_8);
        try (Forwarding forward = forwardTo(digest); Socket socket = connect(forward.boundPort())) {
            socket.getOutputStream().write(request);
            socket.shutdownOutput();
            byte[] reply = socket.getInputStream().readAllBytes();
            byte[] expected = ByteBuffer.allocate(40).put(LoopbackServer.sha256().digest(request)).putLong(request.length).array();
            assertThat(reply).isEqualTo(expected);
        }
    }

    @Test
    void theClientStillSpeaksAfterTheServerHalfClosesFirst() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackServer greeter = LoopbackServer.start("greeter", socket -> {
            socket.getOutputStream().write("hello, say something".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput(); // the server is done talking, but still listens
            heard.add(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }); Forwarding forward = forwardTo(greeter); Socket socket = connect(forward.boundPort())) {
            String greeting = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(greeting).isEqualTo("hello, say something");
            socket.getOutputStream().write("something, after your EOF".getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            assertThat(eventually(Duration.ofSeconds(10), () -> !heard.isEmpty())).isTrue();
            assertThat(heard).containsExactly("something, after your EOF");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aSlowReaderDoesNotStallTheOtherConnections() throws Exception {
        long big = 64L * 1024 * 1024;
        try (Forwarding forward = forwardTo(source); Forwarding echoes = forwardTo(echo);
             Socket stalled = connect(forward.boundPort())) {
            stalled.getOutputStream().write(ByteBuffer.allocate(8).putLong(big).array());
            // the stalled connection's window and buffers fill up: nobody reads it
            assertThat(eventually(Duration.ofSeconds(30), () -> forward.stats().bytesIn() > 0)).isTrue();
            Thread.sleep(500);
            long heldBack = forward.stats().bytesIn();
            for (int i = 0; i < 20; i++) {
                try (Socket other = connect(echoes.boundPort())) {
                    byte[] data = TestData.block(i);
                    other.getOutputStream().write(data);
                    other.shutdownOutput();
                    assertThat(other.getInputStream().readAllBytes()).isEqualTo(data);
                }
            }
            assertThat(heldBack).as("bytes held for the stalled reader stay within socket buffers plus one window").isLessThan(big);
            assertThat(TestData.digestToEnd(stalled.getInputStream())).isEqualTo(TestData.expectedDigest(big));
        }
    }

    @Test
    void countersMoveAsBytesFlow() throws Exception {
        try (Forwarding forward = forwardTo(echo); Socket socket = connect(forward.boundPort())) {
            byte[] data = TestData.block(7);
            socket.getOutputStream().write(data);
            assertThat(socket.getInputStream().readNBytes(data.length)).isEqualTo(data);
            assertThat(eventually(Duration.ofSeconds(10), () -> forward.stats().bytesIn() == data.length)).isTrue();
            ForwardStats during = forward.stats();
            assertThat(during.openConnections()).isEqualTo(1);
            assertThat(during.totalConnections()).isEqualTo(1);
            assertThat(during.bytesOut()).isEqualTo(data.length);
            socket.getOutputStream().write(data, 0, 1000);
            socket.shutdownOutput();
            assertThat(socket.getInputStream().readAllBytes()).hasSize(1000);
            assertThat(eventually(Duration.ofSeconds(10), () -> forward.stats().openConnections() == 0)).isTrue();
            assertThat(forward.stats()).isEqualTo(new ForwardStats(0, 1, 0, data.length + 1000, data.length + 1000));
        }
    }
}
