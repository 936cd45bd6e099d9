package dev.keyport.terminal.tunnel;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes an SSH channel delivered that its socket has not taken yet. The SSH side puts (on an SSH I/O
 * thread, never waiting); one writer thread takes. It starts small and grows up to {@code max}, the
 * channel's window: the peer may never send more than the window, and the window is given back only as
 * bytes leave for the socket, so this never holds more than one window. Direct memory, so the socket
 * write needs no copy of its own.
 */
final class ByteRing {

    static final int INITIAL = 32 * 1024;

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ByteBuffer buffer;
    private int head;
    private int size;
    private boolean eof;
    private boolean closed;
    private boolean broken;

    ByteRing(int max) {
        this.max = max;
    }

    /**
     * Copies {@code len} bytes in; dropped once closed. Never throws at the SSH thread that calls it: data
     * the peer should not have sent (past the window, after its EOF), or no memory left for it, breaks only
     * this connection ({@link #broken()}), never the session.
     */
    void put(byte[] data, int off, int len) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (eof || !ensureRoom(len)) {
                broken = true;
                closed = true;
                size = 0;
                changed.signalAll();
                return;
            }
            int capacity = buffer.capacity();
            int tail = (head + size) % capacity;
            int first = Math.min(len, capacity - tail);
            buffer.put(tail, data, off, first);
            if (first < len) {
                buffer.put(0, data, off + first, len - first);
            }
            size += len;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    private boolean ensureRoom(int len) {
        int needed = size + len;
        if (needed > max) {
            return false;
        }
        if (buffer != null && needed <= buffer.capacity()) {
            return true;
        }
        int capacity = buffer == null ? INITIAL : buffer.capacity();
        while (capacity < needed) {
            capacity = Math.min(max, capacity * 2);
        }
        ByteBuffer bigger;
        try {
            bigger = ByteBuffer.allocateDirect(capacity);
        } catch (OutOfMemoryError e) {
            return false; // -XX:MaxDirectMemorySize reached: this connection ends, the others go on
        }
        if (buffer != null && size > 0) {
            int first = Math.min(size, buffer.capacity() - head);
            bigger.put(0, buffer, head, first);
            if (first < size) {
                bigger.put(first, buffer, 0, size - first);
            }
        }
        buffer = bigger;
        head = 0;
        return true;
    }

    /** True when the peer broke the rules or memory ran out: the connection must end, not half-close. */
    boolean broken() {
        lock.lock();
        try {
            return broken;
        } finally {
            lock.unlock();
        }
    }

    /** The other side will send nothing more: the taker ends once it has taken everything. */
    void eof() {
        mark(() -> eof = true);
    }

    /** The channel is gone: the taker takes what is left, then ends. */
    void close() {
        mark(() -> closed = true);
    }

    /** Drops what is held and ends the taker at once. */
    void discard() {
        mark(() -> {
            closed = true;
            size = 0;
        });
    }

    private void mark(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for bytes and returns a view of the next contiguous ones (valid until {@link #taken}), or
     * null when everything is taken and there will be no more.
     */
    ByteBuffer awaitNext() throws InterruptedException {
        lock.lock();
        try {
            while (size == 0 && !eof && !closed) {
                changed.await();
            }
            if (size == 0) {
                return null;
            }
            int n = Math.min(size, buffer.capacity() - head);
            return buffer.duplicate().limit(head + n).position(head);
        } finally {
            lock.unlock();
        }
    }

    /** {@code n} bytes from the last view have gone to the socket. */
    void taken(int n) {
        lock.lock();
        try {
            if (n > size) {
                return; // discarded meanwhile
            }
            size -= n;
            head = size == 0 ? 0 : (head + n) % buffer.capacity();
        } finally {
            lock.unlock();
        }
    }

    /** True when the end was announced (not merely closed, not broken). */
    boolean endedByEof() {
        lock.lock();
        try {
            return eof && !broken;
        } finally {
            lock.unlock();
        }
    }
}
