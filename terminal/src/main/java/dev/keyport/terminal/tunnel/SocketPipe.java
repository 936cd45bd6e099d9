package dev.keyport.terminal.tunnel;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.channel.AbstractChannel;
import org.apache.sshd.common.channel.RemoteWindow;
import org.apache.sshd.common.channel.WindowClosedException;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One forwarded TCP connection: a blocking socket joined to an open SSH channel, as faithfully as
 * OpenSSH does it.
 *
 * <ul>
 *   <li>Socket to SSH, on the thread that calls {@link #run}: it waits for the peer's window, reads
 *   the socket straight into an SSH_MSG_CHANNEL_DATA packet (no copy of its own) and writes it; the
 *   socket's EOF becomes SSH_MSG_CHANNEL_EOF.</li>
 *   <li>SSH to socket, on a second thread: it takes what the channel put in its {@link ByteRing} and
 *   writes it to the socket, giving the window back as the bytes leave; the channel's EOF becomes
 *   {@code shutdownOutput()} once everything before it is written.</li>
 *   <li>The connection ends when both directions have ended (or the channel closes, or either side
 *   breaks); a slow reader only fills its own ring, bounded by the channel's window.</li>
 * </ul>
 */
final class SocketPipe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SocketPipe.class);
    private static final Duration WINDOW_WAIT = Duration.ofSeconds(1);
    private static final int PACKETS_IN_FLIGHT = 4;

    private final SocketChannel socket;
    private final PipedChannel piped;
    private final AbstractChannel channel;
    private final TrafficCounters counters;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private boolean upDone;
    private boolean downDone;
    private boolean channelClosed;

    SocketPipe(SocketChannel socket, PipedChannel piped, TrafficCounters counters, Runnable onEnd) {
        this.socket = socket;
        this.piped = piped;
        this.channel = piped.channel();
        this.counters = counters;
        this.onEnd = onEnd;
        counters.opened();
    }

    /** Carries the socket-to-SSH direction on this thread until it ends (the other runs on a pool thread). */
    void run() {
        if (ended.get()) {
            return;
        }
        channel.addCloseFutureListener(f -> channelClosed());
        TunnelThreads.pool().execute(this::pumpDown);
        pumpUp();
    }

    private void pumpUp() {
        Session session = channel.getSession();
        RemoteWindow window = channel.getRemoteWindow();
        int packet = (int) Math.min(window.getPacketSize(), PipedChannel.MAX_PACKET);
        // A few packet buffers, reused once sshd has written them: no 32-64 KiB array to allocate and
        // zero per packet. Their number bounds what this connection has queued in sshd (with the window).
        Buffer[] buffers = new Buffer[PACKETS_IN_FLIGHT];
        IoWriteFuture[] written = new IoWriteFuture[PACKETS_IN_FLIGHT];
        try {
            for (int slot = 0; !ended.get(); slot = (slot + 1) % PACKETS_IN_FLIGHT) {
                long space;
                try {
                    space = window.waitForSpace(WINDOW_WAIT);
                } catch (SocketTimeoutException stillFull) {
                    continue;
                }
                int max = (int) Math.min(space, packet);
                Buffer buffer = buffers[slot];
                if (written[slot] != null && !awaitWritten(written[slot])) {
                    buffer = null; // never reuse a buffer sshd may still hold
                }
                if (buffer == null) {
                    buffer = session.createBuffer(SshConstants.SSH_MSG_CHANNEL_DATA, packet + 8);
                    buffers[slot] = buffer;
                } else {
                    session.prepareBuffer(SshConstants.SSH_MSG_CHANNEL_DATA, buffer);
                }
                buffer.putUInt(channel.getRecipient());
                int lengthAt = buffer.wpos();
                buffer.putUInt(0);
                int dataAt = buffer.wpos();
                buffer.ensureCapacity(max);
                int n = socket.read(ByteBuffer.wrap(buffer.array(), dataAt, max));
                if (n < 0) {
                    break;
                }
                buffer.wpos(lengthAt);
                buffer.putUInt(n);
                buffer.wpos(dataAt + n);
                window.consume(n);
                written[slot] = channel.writePacket(buffer);
                counters.sent(n);
            }
            if (!ended.get()) {
                piped.sendEndOfFile();
                halfDone(true);
            }
        } catch (WindowClosedException | java.nio.channels.ClosedChannelException e) {
            end(false); // the channel or the socket was closed under us
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOG.debug("Forwarded connection broke on the way out: {}", e.toString());
            end(false);
        }
    }

    /** Waits until sshd has written the packet; false when it never will (the session broke). */
    private boolean awaitWritten(IoWriteFuture future) throws IOException {
        while (!future.isDone()) {
            if (ended.get() || !channel.getSession().isOpen()) {
                throw new java.nio.channels.ClosedChannelException();
            }
            future.await(WINDOW_WAIT);
        }
        return future.isWritten();
    }

    private void pumpDown() {
        ByteRing ring = piped.ring();
        try {
            ByteBuffer next;
            while ((next = ring.awaitNext()) != null) {
                int n = next.remaining();
                while (next.hasRemaining()) {
                    socket.write(next);
                }
                ring.taken(n);
                counters.received(n);
                if (channel.isOpen()) {
                    channel.getLocalWindow().release(n);
                }
            }
            if (ring.endedByEof()) {
                socket.shutdownOutput();
                halfDone(false);
            } else {
                end(false); // the channel closed without EOF: all it sent is written, now the socket goes too
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (!ended.get()) {
                LOG.debug("Forwarded connection broke on the way in: {}", e.toString());
            }
            end(false);
        }
    }

    private void halfDone(boolean up) {
        boolean both;
        synchronized (this) {
            if (up) {
                upDone = true;
            } else {
                downDone = true;
            }
            both = upDone && downDone || (!up && channelClosed);
        }
        if (both) {
            end(true);
        }
    }

    private void channelClosed() {
        boolean finish;
        synchronized (this) {
            channelClosed = true;
            finish = downDone;
        }
        piped.ring().close();
        if (finish) {
            end(true);
        }
    }

    /** Ends the connection: the socket closes, the channel closes (politely unless it broke). */
    private void end(boolean gracefully) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        piped.ring().discard();
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        channel.close(!gracefully && !channel.getSession().isOpen());
        counters.ended();
        onEnd.run();
    }

    /** Closes at once, as when the forward is turned off: both sides, whatever is in flight. */
    @Override
    public void close() {
        end(false);
    }
}
