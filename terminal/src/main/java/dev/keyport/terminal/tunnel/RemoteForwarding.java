package dev.keyport.terminal.tunnel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;

/**
 * A -R forward: the server listens (tcpip-forward) and hands each connection over as a forwarded-tcpip
 * channel ({@link ForwardedTcpipChannel}); Keyport connects it to the local target and carries it in a
 * {@link SocketPipe}, half-close included.
 */
final class RemoteForwarding extends AbstractForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteForwarding.class);
    private static final int CONNECT_TIMEOUT_MS = 30_000;

    private final ClientSession session;
    /** What the server bound; until it has answered, the spec's port (0 when the server is to choose). */
    private volatile SshdSocketAddress bound;

    private RemoteForwarding(ForwardSpec.Remote spec, SessionForwards registry, ClientSession session) {
        super(spec, registry);
        this.session = session;
        this.bound = new SshdSocketAddress(spec.bindAddress(), spec.bindPort());
    }

    static RemoteForwarding start(ClientSession session, ForwardSpec.Remote spec, SessionForwards registry) throws SshFailure {
        RemoteForwarding forward = new RemoteForwarding(spec, registry, session);
        // Known to the session before the request: the server may hand over a connection as soon as it listens.
        registry.add(forward);
        try {
            forward.bound = session.startRemotePortForwarding(new SshdSocketAddress(spec.bindAddress(), spec.bindPort()),
                    new SshdSocketAddress(spec.targetHost(), spec.targetPort()));
            return forward;
        } catch (IOException | RuntimeException e) {
            registry.remove(forward);
            if (!session.isOpen()) {
                throw new SshFailure(Kind.DISCONNECTED, "The SSH connection closed before the remote forward of port "
                        + spec.bindPort() + " started", e);
            }
            throw new SshFailure(Kind.FORWARD_REFUSED, "The server refused the remote forward of port " + spec.bindPort()
                    + " (" + (spec.bindPort() == 0 ? "" : "the port may be in use on the server, or below 1024 for a user who is not root; ")
                    + "or its sshd_config has AllowTcpForwarding no, local or PermitListen without this port)."
                    + " Choose another remote port or ask the server's administrator.", e);
        }
    }

    @Override
    public int boundPort() {
        return bound.getPort();
    }

    /** The server hands over a connection: connect to the target off the SSH thread, then carry it. */
    void accept(ForwardedTcpipChannel channel, SshdSocketAddress originator) {
        counters.accepted();
        if (!isOpen()) {
            counters.failed();
            channel.refuse(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "The forward of port " + boundPort() + " is closed");
            return;
        }
        TunnelThreads.pool().execute(() -> connect(channel, originator));
    }

    private void connect(ForwardedTcpipChannel channel, SshdSocketAddress originator) {
        ForwardSpec.Remote remote = (ForwardSpec.Remote) spec;
        SocketChannel socket = null;
        try {
            socket = SocketChannel.open();
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            socket.socket().connect(new InetSocketAddress(remote.targetHost(), remote.targetPort()), CONNECT_TIMEOUT_MS);
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                closeQuietly(socket);
            }
            counters.failed();
            String target = ForwardText.host(remote.targetHost()) + ":" + remote.targetPort();
            LOG.info("Forward {}: connection from {} could not reach {}: {}", spec.toOpenSsh(), PipedChannel.describe(originator),
                    target, e.toString());
            channel.refuse(SshConstants.SSH_OPEN_CONNECT_FAILED, "connect to " + target + " failed: " + e.getMessage());
            return;
        }
        SocketChannel connected = socket;
        SocketPipe[] self = new SocketPipe[1];
        SocketPipe pipe = new SocketPipe(connected, channel, counters, () -> untrack(self[0]));
        self[0] = pipe;
        if (!track(pipe)) {
            channel.refuse(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "The forward of port " + boundPort() + " is closed");
            return;
        }
        channel.confirm();
        pipe.run();
    }

    @Override
    protected void stopListening() {
        if (session.isOpen()) {
            try {
                session.stopRemotePortForwarding(bound);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Cancelling the remote forward of port {} failed: {}", boundPort(), e.toString());
            }
        }
    }
}
