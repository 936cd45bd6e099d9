package dev.keyport.terminal.tunnel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.SshFailure;

/**
 * A -L or -D forward: Keyport's own listener on exactly the spec's address. Each accepted connection gets
 * a thread that (for -D) reads the SOCKS request, opens a direct-tcpip channel and then carries the
 * connection in a {@link SocketPipe}. sshd-core's own local forwarder is not used: it closes the channel
 * when the client half-closes, so a request / half-close / reply exchange loses its reply.
 */
final class ListeningForward extends AbstractForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(ListeningForward.class);
    /** How long the server may take to reach the target (OpenSSH's connect may take the TCP timeout). */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(75);
    private static final int BACKLOG = 512;

    private final ClientSession session;
    private final ServerSocketChannel server;
    private final int port;
    private volatile Thread acceptor;

    private ListeningForward(ForwardSpec spec, SessionForwards registry, ClientSession session, ServerSocketChannel server, int port) {
        super(spec, registry);
        this.session = session;
        this.server = server;
        this.port = port;
    }

    static ListeningForward start(ClientSession session, ForwardSpec spec, SessionForwards registry) throws SshFailure {
        InetSocketAddress address = BindFailures.address(spec);
        ServerSocketChannel server;
        try {
            server = ServerSocketChannel.open();
        } catch (IOException e) {
            throw BindFailures.of(spec.bindAddress(), spec.bindPort(), e);
        }
        try {
            // The same port may be bound again right after a close, with old connections in TIME_WAIT.
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, BACKLOG);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            ListeningForward forward = new ListeningForward(spec, registry, session, server, port);
            forward.acceptor = BackgroundPriority.threadFactory("keyport-tunnel-" + port + "-accept-", true).newThread(forward::acceptLoop);
            forward.acceptor.start();
            return forward;
        } catch (IOException e) {
            AbstractForwarding.closeQuietly(server);
            throw BindFailures.of(spec.bindAddress(), spec.bindPort(), e);
        }
    }

    @Override
    public int boundPort() {
        return port;
    }

    private void acceptLoop() {
        try {
            while (isOpen()) {
                SocketChannel socket = server.accept();
                counters.accepted();
                TunnelThreads.pool().execute(() -> carry(socket));
            }
        } catch (ClosedChannelException closed) {
            // the forward was closed
        } catch (IOException | RuntimeException e) {
            if (isOpen()) {
                LOG.warn("Forward {} stopped accepting connections", spec.toOpenSsh(), e);
                close();
            }
        }
    }

    private void carry(SocketChannel socket) {
        Connection connection = new Connection(socket);
        if (!track(connection)) {
            return;
        }
        try {
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Socks.Request socks = null;
            SshdSocketAddress target;
            if (spec instanceof ForwardSpec.Local local) {
                target = new SshdSocketAddress(local.targetHost(), local.targetPort());
            } else {
                socks = Socks.readRequest(socket);
                target = socks.target();
            }
            InetSocketAddress peer = (InetSocketAddress) socket.getRemoteAddress();
            DirectTcpipChannel channel;
            try {
                channel = open(new SshdSocketAddress(peer.getAddress().getHostAddress(), peer.getPort()), target, connection);
            } catch (IOException | RuntimeException e) {
                counters.failed();
                LOG.info("Forward {}: the server could not connect to {}: {}", spec.toOpenSsh(), PipedChannel.describe(target), reason(e));
                if (socks != null) {
                    try {
                        Socks.reply(socket, socks, Socks.failureCode(e));
                    } catch (IOException gone) {
                        // the client left already
                    }
                }
                connection.close();
                return;
            }
            if (socks != null) {
                Socks.reply(socket, socks, Socks.SUCCEEDED);
            }
            SocketPipe pipe = new SocketPipe(socket, channel, counters, () -> untrack(connection));
            if (connection.carry(pipe)) {
                pipe.run();
            }
        } catch (Socks.Refused e) {
            counters.failed();
            LOG.info("Forward {}: {}", spec.toOpenSsh(), e.getMessage());
            connection.close();
        } catch (IOException | RuntimeException e) {
            counters.failed();
            LOG.debug("Forward {}: connection failed before it was carried: {}", spec.toOpenSsh(), e.toString());
            connection.close();
        } finally {
            if (!connection.carried()) {
                untrack(connection);
            }
        }
    }

    /** What the server said (its SSH_MSG_CHANNEL_OPEN_FAILURE text), without sshd's wrapping. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.sshd.common.channel.exception.SshChannelOpenException open) {
                return open.getMessage();
            }
        }
        return e.getMessage();
    }

    private DirectTcpipChannel open(SshdSocketAddress originator, SshdSocketAddress target, Connection connection) throws IOException {
        DirectTcpipChannel channel = new DirectTcpipChannel(originator, target);
        session.getService(ConnectionService.class).registerChannel(channel);
        connection.opening(channel);
        try {
            channel.open().verify(OPEN_TIMEOUT);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
    }

    @Override
    protected void stopListening() {
        closeQuietly(server);
        // A blocked accept() keeps the socket listening until that thread has left it: wait (briefly) so
        // that once close() returns, new connections are refused.
        Thread thread = acceptor;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One accepted socket, before and while it is carried; closing it ends whatever stage it is in. */
    private static final class Connection implements AutoCloseable {
        private final SocketChannel socket;
        private DirectTcpipChannel channel;
        private SocketPipe pipe;
        private boolean closed;

        Connection(SocketChannel socket) {
            this.socket = socket;
        }

        synchronized void opening(DirectTcpipChannel channel) {
            this.channel = channel;
            if (closed) {
                channel.close(false);
            }
        }

        synchronized boolean carry(SocketPipe pipe) {
            this.pipe = pipe;
            if (closed) {
                pipe.close();
                return false;
            }
            return true;
        }

        synchronized boolean carried() {
            return pipe != null;
        }

        @Override
        public void close() {
            SocketPipe p;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                p = pipe;
            }
            if (p != null) {
                p.close();
                return;
            }
            closeQuietly(socket);
            if (channel != null) {
                channel.close(false);
            }
        }
    }
}
