package dev.keyport.terminal.tunnel;

import java.io.IOException;
import java.util.Collections;
import java.util.Optional;

import org.apache.sshd.client.future.DefaultOpenFuture;
import org.apache.sshd.client.future.OpenFuture;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.AbstractChannel;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.channel.AbstractServerChannel;

/**
 * A {@code forwarded-tcpip} channel: the server hands over a connection to a -R port. Keyport's own
 * replacement for sshd's, which closes the whole channel when the local service half-closes; this one
 * looks the port up among the session's {@link RemoteForwarding}s, connects to the local target off the
 * SSH thread, and then carries the connection through a {@link SocketPipe} like a local forward.
 */
final class ForwardedTcpipChannel extends AbstractServerChannel implements PipedChannel {

    /** Registered on the SSH client in place of sshd's forwarded-tcpip factory. */
    static final ChannelFactory FACTORY = new ChannelFactory() {
        @Override
        public String getName() {
            return "forwarded-tcpip";
        }

        @Override
        public Channel createChannel(Session session) {
            return new ForwardedTcpipChannel();
        }
    };

    private final ByteRing ring = new ByteRing(WINDOW);
    private OpenFuture openFuture;

    private ForwardedTcpipChannel() {
        super("", Collections.emptyList(), null);
        PipedChannel.configureWindow(this);
    }

    @Override
    protected OpenFuture doInit(Buffer buffer) {
        String connectedHost = buffer.getString();
        int connectedPort = (int) buffer.getUInt();
        String originatorHost = buffer.getString();
        int originatorPort = (int) buffer.getUInt();
        openFuture = new DefaultOpenFuture(this, this);
        Optional<RemoteForwarding> forward = SessionForwards.of(getSession()).remote(connectedHost, connectedPort);
        if (forward.isEmpty()) {
            refuse(SshConstants.SSH_OPEN_ADMINISTRATIVELY_PROHIBITED, "No remote forward of port " + connectedPort + " here");
        } else {
            forward.get().accept(this, new SshdSocketAddress(originatorHost, originatorPort));
        }
        return openFuture;
    }

    /** The local target answered: confirm the channel to the server. */
    void confirm() {
        signalChannelOpenSuccess();
        openFuture.setOpened();
    }

    /** The local target did not answer: the server gets SSH_MSG_CHANNEL_OPEN_FAILURE with this reason. */
    void refuse(int reason, String message) {
        openFuture.setException(new SshChannelOpenException(getChannelId(), reason, message));
        close(true);
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) {
        ring.put(data, off, (int) len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        getLocalWindow().release(len);
    }

    @Override
    public void handleEof() throws IOException {
        super.handleEof();
        ring.eof();
    }

    @Override
    public AbstractChannel channel() {
        return this;
    }

    @Override
    public ByteRing ring() {
        return ring;
    }

    @Override
    public void sendEndOfFile() throws IOException {
        sendEof();
    }
}
