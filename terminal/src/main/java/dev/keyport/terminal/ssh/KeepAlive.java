package dev.keyport.terminal.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * ServerAliveInterval/ServerAliveCountMax: every interval a {@code keepalive@openssh.com} global
 * request that wants a reply (any reply, even "failure", proves the server is alive); after
 * count-max unanswered ones the session is closed, so a dead server is noticed within
 * interval x (count max + 1). sshd-core's own heartbeat only reads client-wide settings, hence this.
 */
final class KeepAlive {

    private static final String REQUEST = "keepalive@openssh.com";
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keyport-keepalive");
        t.setDaemon(true);
        return t;
    });

    private KeepAlive() {
    }


    /**
     * ConnectTimeout covers the TCP connection and the server's greeting, as in OpenSSH: a port that
     * accepts but never speaks SSH (a tarpit, a wrong service) is dropped after {@code timeout}.
     */
    static void watchGreeting(ClientSession session, Duration timeout) {
        ScheduledFuture<?> check = TIMER.schedule(() -> {
            if (session.isOpen() && session.getServerVersion() == null) {
                ConnectionNotes.of(session).noGreeting = true;
                session.close(true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        session.addCloseFutureListener(f -> check.cancel(false));
    }

    static void start(ClientSession session, Duration interval, int countMax, String where) {
        AtomicInteger unanswered = new AtomicInteger();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(TIMER.scheduleAtFixedRate(() -> {
            if (!session.isOpen()) {
                task.get().cancel(false);
                return;
            }
            if (unanswered.get() >= countMax) {
                ConnectionNotes.of(session).keepAliveReason = (where + " did not answer " + countMax + " keepalives in "
                        + interval.multipliedBy(countMax + 1L).toSeconds() + " s: the server or the network is gone");
                task.get().cancel(false);
                session.close(true);
                return;
            }
            unanswered.incrementAndGet();
            try {
                Buffer buffer = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, REQUEST.length() + 16);
                buffer.putString(REQUEST);
                buffer.putBoolean(true);
                session.request(buffer, REQUEST, (command, reply) -> unanswered.set(0));
            } catch (IOException | RuntimeException e) {
                // the next tick counts it as unanswered, or finds the session closed
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
        session.addCloseFutureListener(f -> task.get().cancel(false));
    }
}
