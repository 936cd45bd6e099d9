package dev.keyport.terminal.tunnel;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that carry forwarded connections: two per live connection (one each way), kept for a
 * minute after use so short connections do not pay for a new thread each. Unbounded on purpose: a
 * connection waits on its socket, never in a queue. A new thread is created by the thread that hands it
 * work (a forward's acceptor, an SSH I/O thread for -R), so it inherits that thread's lower priority
 * (see {@code BackgroundPriority}).
 */
final class TunnelThreads {

    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(task, "keyport-tunnel-" + NUMBERS.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private TunnelThreads() {
    }

    static Executor pool() {
        return POOL;
    }
}
