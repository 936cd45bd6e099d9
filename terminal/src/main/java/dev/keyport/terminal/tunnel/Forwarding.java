package dev.keyport.terminal.tunnel;

/**
 * A running forward; closing it closes its listener (or cancels the remote forward) and every forwarded
 * connection at once, and the port can be bound again right away. It closes by itself when its SSH
 * connection closes.
 */
public interface Forwarding extends AutoCloseable {

    ForwardSpec spec();

    /** The port actually listening (useful when the spec asked for port 0); for -R the server's port. */
    int boundPort();

    ForwardStats stats();

    boolean isOpen();

    /**
     * Runs {@code listener} once when this forward closes, whoever closes it (the person, or the SSH
     * connection ending); at once when it is closed already. It runs on the closing thread: keep it short.
     */
    void onClose(Runnable listener);

    @Override
    void close();
}
