package dev.keyport.terminal.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.agent.local.ChannelAgentForwardingFactory;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The ssh-agent at {@code SSH_AUTH_SOCK}, spoken to directly over a Unix domain socket (Java 16+),
 * with sshd-core's agent message codec ({@link AbstractAgentProxy}). Used for authentication when
 * the host's options allow it, and behind forwarded agent channels when the host opts in.
 */
final class AgentKeys implements SshAgentFactory {

    /** The agent socket for one connection; absent when agent use is off for the host. */
    static final AttributeKey<Path> SOCKET = new AttributeKey<>();
    private static final int MAX_MESSAGE = 256 * 1024;

    /** {@code SSH_AUTH_SOCK}, when it names an existing socket. */
    static Optional<Path> fromEnvironment() {
        String value = System.getenv("SSH_AUTH_SOCK");
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value)).filter(Files::exists);
    }

    @Override
    public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
        return List.of(ChannelAgentForwardingFactory.OPENSSH, ChannelAgentForwardingFactory.IETF);
    }

    @Override
    public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
        AttributeRepository context = session instanceof ClientSession client ? client.getConnectionContext() : null;
        Path socket = context == null ? null : context.getAttribute(SOCKET);
        return socket == null ? new NoAgent() : new UnixSocketAgent(socket);
    }

    @Override
    public SshAgentServer createServer(ConnectionService service) {
        return null;
    }

    /** One agent connection; each request writes a framed message and reads the framed answer. */
    static final class UnixSocketAgent extends AbstractAgentProxy {
        private final Path socket;
        private SocketChannel channel;

        UnixSocketAgent(Path socket) {
            super(null);
            this.socket = socket;
        }

        @Override
        protected synchronized Buffer request(Buffer buffer) throws IOException {
            if (channel == null) {
                try {
                    channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    throw new IOException("Cannot reach the ssh-agent at " + socket + ": " + e.getMessage(), e);
                }
            }
            ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteBuffer length = ByteBuffer.allocate(4);
            readFully(length);
            int size = length.flip().getInt();
            if (size <= 0 || size > MAX_MESSAGE) {
                throw new IOException("The ssh-agent sent a message of " + size + " bytes");
            }
            ByteBuffer payload = ByteBuffer.allocate(size);
            readFully(payload);
            return new ByteArrayBuffer(payload.array());
        }

        private void readFully(ByteBuffer target) throws IOException {
            while (target.hasRemaining()) {
                if (channel.read(target) < 0) {
                    throw new EOFException("The ssh-agent closed the connection");
                }
            }
        }

        private volatile boolean closed;

        @Override
        public boolean isOpen() {
            return !closed;
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            super.close();
            if (channel != null) {
                channel.close();
            }
        }
    }

    /** What a host without agent use sees: an agent with no keys. */
    static final class NoAgent extends AbstractAgentProxy {
        NoAgent() {
            super(null);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        protected Buffer request(Buffer buffer) throws IOException {
            ByteArrayBuffer answer = new ByteArrayBuffer(8);
            answer.putByte((byte) 12); // SSH2_AGENT_IDENTITIES_ANSWER
            answer.putUInt(0);
            return answer;
        }
    }
}
