package dev.keyport.terminal.tunnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every kind of forward shares: its counters, its live connections, and closing them all at once. */
abstract class AbstractForwarding implements Forwarding {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractForwarding.class);

    protected final ForwardSpec spec;
    protected final TrafficCounters counters = new TrafficCounters();
    private final SessionForwards registry;
    private final Set<AutoCloseable> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<Runnable> closeListeners = new ArrayList<>();

    protected AbstractForwarding(ForwardSpec spec, SessionForwards registry) {
        this.spec = spec;
        this.registry = registry;
    }

    @Override
    public ForwardSpec spec() {
        return spec;
    }

    @Override
    public ForwardStats stats() {
        return counters.snapshot();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    /** Keeps {@code connection} to be closed with the forward; closes it at once (and says false) if the forward is closed. */
    protected boolean track(AutoCloseable connection) {
        connections.add(connection);
        if (!open.get()) {
            connections.remove(connection);
            closeQuietly(connection);
            return false;
        }
        return true;
    }

    protected void untrack(AutoCloseable connection) {
        connections.remove(connection);
    }

    /** Stops new connections: closes the listener, or cancels the forward on the server. */
    protected abstract void stopListening();

    @Override
    public void onClose(Runnable listener) {
        synchronized (closeListeners) {
            if (open.get()) {
                closeListeners.add(listener);
                return;
            }
        }
        listener.run();
    }

    @Override
    public final void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        stopListening();
        for (AutoCloseable connection : List.copyOf(connections)) {
            closeQuietly(connection);
        }
        connections.clear();
        registry.remove(this);
        List<Runnable> listeners;
        synchronized (closeListeners) {
            listeners = List.copyOf(closeListeners);
            closeListeners.clear();
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A close listener of forward {} failed", spec.toOpenSsh(), e);
            }
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing {} failed: {}", closeable, e.toString());
        }
    }

    @Override
    public String toString() {
        return spec.toOpenSsh() + (isOpen() ? " (open, port " + boundPort() + ")" : " (closed)");
    }
}
