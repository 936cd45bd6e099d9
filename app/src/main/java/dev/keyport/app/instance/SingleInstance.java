package dev.keyport.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.services.DaemonThreads;

/**
 * One Keyport per data folder (so per user): the first one holds {@value #LOCK_FILE} and listens
 * on a Unix domain socket {@value #SOCKET_FILE} in the data folder (owner-only); a later launch
 * finds the lock taken and hands its request to the first one over the socket instead of starting.
 *
 * <p>The lock decides who is first, so a socket left behind by a crash is simply replaced. Where
 * the socket cannot work (a path too long for a socket address, a file system without sockets),
 * Keyport starts as before and the vault's own lock says "already open".
 */
public final class SingleInstance implements AutoCloseable {

    public static final String LOCK_FILE = "instance.lock";
    public static final String SOCKET_FILE = "keyport.socket";
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(10);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocketChannel server, Path socket) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
    }

    /** What {@link #claim} found. */
    public sealed interface Claim {
        /** This process is the first: it serves requests until closed. */
        record First(SingleInstance instance) implements Claim {
        }

        /** Another Keyport runs and answered the request. */
        record HandedOver(InstanceReply reply) implements Claim {
        }

        /** No channel (see the class comment): start as if alone. */
        record Unavailable(String reason) implements Claim {
        }
    }

    /**
     * Becomes the first Keyport for {@code dataDir}, serving requests with {@code handler} on a
     * daemon thread, or hands {@code request} to the Keyport that is.
     */
    public static Claim claim(Path dataDir, InstanceRequest request, Function<InstanceRequest, InstanceReply> handler) {
        Path socket = dataDir.resolve(SOCKET_FILE);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            return new Claim.Unavailable("cannot use " + dataDir + ": " + e.getMessage());
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            return handOver(socket, request);
        }
        try {
            Files.deleteIfExists(socket); // left by a Keyport that did not close it: we hold the lock now
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            ownerOnly(socket);
            SingleInstance instance = new SingleInstance(channel, lock, server, socket);
            DaemonThreads.named("keyport-instance").newThread(() -> instance.serve(handler)).start();
            return new Claim.First(instance);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return new Claim.Unavailable("cannot listen on " + socket + ": " + e.getMessage());
        }
    }

    /** Sends one request to the Keyport listening on {@code socket} and returns its reply. */
    public static InstanceReply send(Path socket, InstanceRequest request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            InstanceWire.writeRequest(new DataOutputStream(Channels.newOutputStream(channel)), request);
            return InstanceWire.readReply(new DataInputStream(Channels.newInputStream(channel)));
        }
    }

    private static Claim handOver(Path socket, InstanceRequest request) {
        // The first Keyport may hold the lock but not listen yet (it is starting): try for a while.
        Instant deadline = Instant.now().plus(HAND_OVER_WAIT);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return new Claim.HandedOver(send(socket, request));
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new Claim.Unavailable("the running Keyport did not answer on " + socket
                + (last == null ? "" : ": " + last.getMessage()));
    }

    private void serve(Function<InstanceRequest, InstanceReply> handler) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(client));
                InstanceReply reply;
                try {
                    reply = handler.apply(InstanceWire.readRequest(new DataInputStream(Channels.newInputStream(client))));
                } catch (IOException e) {
                    reply = InstanceReply.refused("Keyport could not read the request: " + e.getMessage());
                } catch (RuntimeException e) {
                    LOG.warn("A request from another Keyport failed", e);
                    reply = InstanceReply.refused("The running Keyport could not do it: " + e.getMessage());
                }
                InstanceWire.writeReply(out, reply);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("Instance channel: {}", e.getMessage());
            }
        }
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot restrict permissions of {}: {}", path, e.getMessage());
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing held
        }
    }

    /** The socket this Keyport listens on. */
    public Path socket() {
        return socket;
    }

    /** Stops listening, removes the socket and lets the next Keyport be first. */
    @Override
    public void close() {
        closeQuietly(server);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", socket, e.getMessage());
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }

    /** Convenience for callers that only want the argument of an activate request. */
    public static Optional<Path> teamFileOf(InstanceRequest request) {
        return request.arguments().isEmpty() ? Optional.empty() : Optional.of(Path.of(request.arguments().get(0)));
    }
}
