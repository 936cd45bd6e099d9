package dev.keyport.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import dev.keyport.app.services.DaemonThreads;
import dev.keyport.app.services.LockFiles;

/**
 * One Keyport per data folder (so per user): the first one holds {@value #LOCK_FILE} and listens
 * on a Unix domain socket {@value #SOCKET_FILE} in the data folder; a later launch finds the lock
 * taken and hands its request to the first one over the socket instead of starting, and the
 * command line sends the commands that work beside the window there.
 *
 * <p>Only the same user gets an answer: the socket file is owner-only ({@code rw-------}), and each
 * connection's peer credentials (the kernel's {@code SO_PEERCRED}, where the platform has it) must
 * name the user that owns the socket; anyone else is disconnected without a word. Requests are
 * size-bounded ({@link InstanceWire}); at most {@value #MAX_CONVERSATIONS} are served at once.
 *
 * <p>The lock decides who is first, so a socket left behind by a crash is simply replaced. Where
 * the socket cannot work (a path too long for a socket address, a file system without sockets),
 * Keyport starts as before and the vault's own lock says "already open".
 */
public final class SingleInstance implements AutoCloseable {

    public static final String LOCK_FILE = "instance.lock";
    public static final String SOCKET_FILE = "keyport.socket";
    static final int MAX_CONVERSATIONS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
    private static final Duration HAND_OVER_WAIT = Duration.ofSeconds(10);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;
    private final Optional<UserPrincipal> owner;
    private final Semaphore conversations = new Semaphore(MAX_CONVERSATIONS);
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocketChannel server, Path socket, Optional<UserPrincipal> owner) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
        this.owner = owner;
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

    /** {@link #claim(Path, InstanceRequest, InstanceHandler)} with a handler that answers at once. */
    public static Claim claim(Path dataDir, InstanceRequest request, Function<InstanceRequest, InstanceReply> handler) {
        return claim(dataDir, request, InstanceHandler.answering(handler));
    }

    /**
     * Becomes the first Keyport for {@code dataDir}, serving requests with {@code handler} (each on a
     * daemon thread of its own), or hands {@code request} to the Keyport that is.
     */
    public static Claim claim(Path dataDir, InstanceRequest request, InstanceHandler handler) {
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
            Optional<UserPrincipal> owner = ownerOf(socket);
            SingleInstance instance = new SingleInstance(channel, lock, server, socket, owner);
            DaemonThreads.named("keyport-instance").newThread(() -> instance.serve(handler)).start();
            return new Claim.First(instance);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            return new Claim.Unavailable("cannot listen on " + socket + ": " + e.getMessage());
        }
    }

    /**
     * True when a Keyport holds {@code dataDir} now (its {@value #LOCK_FILE} is locked), so that a launch
     * there would hand over and exit. A socket file left behind by a Keyport that was killed does not
     * count. Creates nothing; a folder that cannot be read counts as not held.
     */
    public static boolean isHeld(Path dataDir) {
        return LockFiles.isHeld(dataDir.resolve(LOCK_FILE));
    }

    /** Sends one request to the Keyport listening on {@code socket} and returns its reply (lines of output are dropped). */
    public static InstanceReply send(Path socket, InstanceRequest request) throws IOException {
        return converse(socket, request, line -> { }, new CountDownLatch(0));
    }

    /** Nothing listens on the socket: no Keyport window runs for this data folder. */
    public static final class NotRunning extends IOException {
        private static final long serialVersionUID = 1L;

        NotRunning(Path socket, Exception cause) {
            super("no Keyport listens on " + socket + ": " + cause.getMessage(), cause);
        }
    }

    /** Whether a Keyport listens on {@code socket} now (it is connected to and left at once). */
    public static boolean isListening(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** What a client does with the lines of output the running Keyport sends. */
    @FunctionalInterface
    public interface LineSink {
        void line(String line);
    }

    /**
     * Sends {@code request} to the Keyport listening on {@code socket}, hands each line of output it
     * sends to {@code lines} as it comes, and returns its reply. When {@code hangUp} is counted down
     * (Ctrl-C) the request is told to stop (the sending side is shut down) and the reply still read.
     *
     * @throws NotRunning when no Keyport listens there; another IOException when the conversation broke off
     */
    public static InstanceReply converse(Path socket, InstanceRequest request, LineSink lines, CountDownLatch hangUp) throws IOException {
        SocketChannel opened;
        try {
            opened = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            throw new NotRunning(socket, e);
        }
        try (SocketChannel channel = opened) {
            IOException unsent = null;
            try {
                InstanceWire.writeRequest(InstanceWire.output(channel), request);
            } catch (IOException e) {
                unsent = e; // refused before it was all sent (too large, say): the refusal waits to be read
            }
            Thread stopper = null;
            if (unsent != null) {
                try {
                    InstanceWire.Frame frame = InstanceWire.readFrame(new DataInputStream(InstanceWire.input(channel)));
                    if (frame.reply().isPresent()) {
                        return frame.reply().get();
                    }
                } catch (IOException e) {
                    unsent.addSuppressed(e);
                }
                throw unsent;
            }
            if (hangUp.getCount() == 0) {
                channel.shutdownOutput(); // nothing to wait for: a long-running request stops at once
            } else {
                stopper = DaemonThreads.named("keyport-instance-hang-up").newThread(() -> {
                    try {
                        hangUp.await();
                        channel.shutdownOutput();
                    } catch (InterruptedException | IOException e) {
                        // the conversation ended first
                    }
                });
                stopper.start();
            }
            try {
                DataInputStream in = new DataInputStream(InstanceWire.input(channel));
                while (true) {
                    InstanceWire.Frame frame = InstanceWire.readFrame(in);
                    if (frame.reply().isPresent()) {
                        return frame.reply().get();
                    }
                    lines.line(frame.line().orElse(""));
                }
            } finally {
                if (stopper != null) {
                    stopper.interrupt();
                }
            }
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

    private void serve(InstanceHandler handler) {
        while (server.isOpen()) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.debug("Instance channel: {}", e.getMessage());
                continue;
            }
            if (!sameUser(client)) {
                closeQuietly(client);
                continue;
            }
            if (!conversations.tryAcquire()) {
                DaemonThreads.named("keyport-instance-busy").newThread(() -> refuse(client,
                        "The running Keyport is busy with " + MAX_CONVERSATIONS + " other commands. Try again when one has ended.")).start();
                continue;
            }
            open.add(client);
            DaemonThreads.named("keyport-instance-request").newThread(() -> {
                try {
                    converse(client, handler);
                } finally {
                    open.remove(client);
                    closeQuietly(client);
                    conversations.release();
                }
            }).start();
        }
    }

    /** True when the peer is the user who owns the socket (or the platform cannot say: the file's permissions guard it). */
    private boolean sameUser(SocketChannel client) {
        if (owner.isEmpty()) {
            return true;
        }
        try {
            UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return isOwner(peer.user());
        } catch (UnsupportedOperationException e) {
            return true;
        } catch (IOException e) {
            LOG.debug("Cannot read the peer of an instance connection: {}", e.getMessage());
            return false;
        }
    }

    /** Whether {@code user} may talk to this Keyport. */
    boolean isOwner(UserPrincipal user) {
        boolean same = owner.map(user::equals).orElse(true);
        if (!same) {
            LOG.warn("Refused a connection to {} from user {}: only its owner may use it", socket, user.getName());
        }
        return same;
    }

    private static void refuse(SocketChannel client, String message) {
        try (client) {
            InstanceWire.readRequest(InstanceWire.input(client));
            InstanceWire.writeReply(InstanceWire.output(client), InstanceReply.refused(message));
        } catch (IOException e) {
            LOG.debug("Instance channel: {}", e.getMessage());
        }
    }

    private static void converse(SocketChannel client, InstanceHandler handler) {
        DataOutputStream out = InstanceWire.output(client);
        InputStream in = InstanceWire.input(client);
        InstanceReply reply;
        try {
            InstanceRequest request = InstanceWire.readRequest(in);
            reply = handler.handle(request, new Conversation(out, in));
        } catch (IOException e) {
            reply = InstanceReply.refused("The running Keyport could not read the request: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("A request from another Keyport failed", e);
            reply = InstanceReply.refused("The running Keyport could not do it: " + e.getMessage());
        }
        try {
            synchronized (out) {
                InstanceWire.writeReply(out, reply);
            }
        } catch (IOException e) {
            LOG.debug("Instance channel: the other Keyport left before the reply: {}", e.getMessage());
        }
    }

    private record Conversation(DataOutputStream out, InputStream in) implements InstanceHandler.Conversation {
        @Override
        public void println(String line) throws IOException {
            synchronized (out) {
                InstanceWire.writeLine(out, line);
            }
        }

        @Override
        public void awaitHangUp() throws InterruptedException {
            byte[] drain = new byte[256];
            try {
                while (in.read(drain) >= 0) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            } catch (IOException e) {
                // closed: the same as hanging up
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

    private static Optional<UserPrincipal> ownerOf(Path path) {
        try {
            return Optional.of(Files.getOwner(path));
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
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

    /** Stops listening, hangs up on every conversation, removes the socket and lets the next Keyport be first. */
    @Override
    public void close() {
        closeQuietly(server);
        open.forEach(SingleInstance::closeQuietly);
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
