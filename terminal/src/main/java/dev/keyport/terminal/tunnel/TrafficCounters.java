package dev.keyport.terminal.tunnel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The counters behind {@link ForwardStats}; updated from the connections' threads. */
final class TrafficCounters {

    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final AtomicLong in = new AtomicLong();

    void accepted() {
        total.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    void opened() {
        open.incrementAndGet();
    }

    void ended() {
        open.decrementAndGet();
    }

    void sent(long bytes) {
        out.addAndGet(bytes);
    }

    void received(long bytes) {
        in.addAndGet(bytes);
    }

    ForwardStats snapshot() {
        return new ForwardStats(open.get(), total.get(), failed.get(), out.get(), in.get());
    }
}
