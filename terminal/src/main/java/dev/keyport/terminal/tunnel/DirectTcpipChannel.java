package dev.keyport.terminal.tunnel;

import java.io.IOException;

import org.apache.sshd.client.channel.ChannelDirectTcpip;
import org.apache.sshd.common.channel.AbstractChannel;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * A {@code direct-tcpip} channel (-L, -D) whose incoming data goes to a {@link ByteRing} instead of
 * sshd's piped stream, so the local socket sees the server's EOF as a half-close, and the window is
 * given back only when the bytes have reached the socket.
 */
final class DirectTcpipChannel extends ChannelDirectTcpip implements PipedChannel {

    private final ByteRing ring = new ByteRing(WINDOW);

    DirectTcpipChannel(SshdSocketAddress originator, SshdSocketAddress target) {
        super(originator, target);
        PipedChannel.configureWindow(this);
    }

    @Override
    protected void doWriteData(byte[] data, int off, long len) {
        ring.put(data, off, (int) len);
    }

    @Override
    protected void doWriteExtendedData(byte[] data, int off, long len) throws IOException {
        getLocalWindow().release(len); // a TCP channel has no stderr: ignore it, but keep the window right
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
