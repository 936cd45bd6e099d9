package dev.keyport.terminal.tunnel;

import java.io.IOException;

import org.apache.sshd.common.channel.AbstractChannel;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * An SSH channel that carries one TCP connection: what the peer sends lands in {@link #ring()} (on an
 * SSH I/O thread, never blocking it), its EOF ends the ring, and {@link #sendEndOfFile()} is the local
 * side's half-close. Implemented by {@link DirectTcpipChannel} (-L, -D) and {@link ForwardedTcpipChannel} (-R).
 */
interface PipedChannel {

    /** The channel window Keyport grants and the largest packet it accepts. */
    int WINDOW = 2 * 1024 * 1024;
    int MAX_PACKET = 64 * 1024;

    AbstractChannel channel();

    ByteRing ring();

    /** SSH_MSG_CHANNEL_EOF, after every data packet written so far. */
    void sendEndOfFile() throws IOException;

    /** Sets Keyport's window and packet size on a channel before it is registered. */
    static void configureWindow(Channel channel) {
        org.apache.sshd.core.CoreModuleProperties.WINDOW_SIZE.set(channel, (long) WINDOW);
        org.apache.sshd.core.CoreModuleProperties.MAX_PACKET_SIZE.set(channel, (long) MAX_PACKET);
    }

    /** {@code host:port}, IPv6 in brackets: how messages name an endpoint. */
    static String describe(SshdSocketAddress address) {
        return ForwardText.host(address.getHostName()) + ":" + address.getPort();
    }
}
