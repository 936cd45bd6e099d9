package dev.keyport.terminal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP server on 127.0.0.1 and a free port, a thread per connection: the far end of a tunnel in
 * tests and benchmarks. Handlers for the usual jobs: echo, a digest of everything received (the reply
 * only after the client's half-close), a source of {@link TestData}.
 */
public final class LoopbackServer implements AutoCloseable {

    /** Serves one connection; the socket is closed after it returns. */
    @FunctionalInterface
    public interface Handler {
        void handle(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    private LoopbackServer(ServerSocket server, Handler handler) {
        this.server = server;
        this.handler = handler;
    }

    public static LoopbackServer start(String name, Handler handler) throws IOException {
        ServerSocket server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        LoopbackServer s = new LoopbackServer(server, handler);
        Thread accept = new Thread(s::acceptLoop, name + "-accept");
        accept.setDaemon(true);
        accept.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** What the handlers threw (a test asserts it is empty). */
    public List<Throwable> errors() {
        return errors;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "loopback-" + server.getLocalPort() + "-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            handler.handle(socket);
        } catch (IOException | RuntimeException e) {
            if (!server.isClosed()) {
                errors.add(e);
            }
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Sends back everything it reads; when the client half-closes, it half-closes too. */
    public static Handler echo() {
        return socket -> {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
            socket.shutdownOutput();
            drainQuietly(in);
        };
    }

    /**
     * Reads until the client half-closes, then answers with the SHA-256 (32 bytes) and the count (8 bytes)
     * of what it read: the answer exists only if the half-close went through and the way back stayed open.
     */
    public static Handler digest() {
        return socket -> {
            MessageDigest sha = sha256();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[256 * 1024];
            long count = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha.update(buffer, 0, n);
                count += n;
            }
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(40).put(sha.digest()).putLong(count).array());
            out.flush();
            socket.shutdownOutput();
        };
    }

    /** Reads an 8-byte length, then sends that many bytes of {@link TestData} and closes. */
    public static Handler source() {
        return socket -> {
            byte[] length = socket.getInputStream().readNBytes(8);
            if (length.length < 8) {
                return;
            }
            TestData.write(socket.getOutputStream(), ByteBuffer.wrap(length).getLong());
            socket.shutdownOutput();
            drainQuietly(socket.getInputStream());
        };
    }

    private static void drainQuietly(InputStream in) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the peer went away: nothing more to read
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
