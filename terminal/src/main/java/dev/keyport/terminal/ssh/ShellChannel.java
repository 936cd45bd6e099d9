package dev.keyport.terminal.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import org.apache.sshd.client.channel.PtyCapableChannelSession;
import org.apache.sshd.client.channel.ClientChannelEvent;

/**
 * A shell (or a command run with {@code ssh -t}) on the server, usually with a PTY: bytes in, bytes out, a size. Closing it (or the shell ending)
 * closes this channel only: the connection it was opened on stays up for its other channels
 * (another shell, tunnels) until its owner closes it.
 */
public final class ShellChannel implements AutoCloseable {

    private final SshConnection connection;
    private final PtyCapableChannelSession channel;
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    private volatile int columns;
    private volatile int rows;

    ShellChannel(SshConnection connection, PtyCapableChannelSession channel) {
        this.connection = connection;
        this.channel = channel;
        this.columns = channel.getPtyColumns();
        this.rows = channel.getPtyLines();
        channel.addCloseFutureListener(f -> closeListeners.forEach(Runnable::run));
    }

    /** What the server sends (stdout and, with a PTY, stderr). */
    public InputStream output() {
        return channel.getInvertedOut();
    }

    /** What the person types; flush after each write. */
    public OutputStream input() {
        return channel.getInvertedIn();
    }

    public boolean isOpen() {
        return channel.isOpen() && !channel.isClosing() && connection.isOpen();
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    /** Tells the server the terminal's new size (SSH window-change). */
    public void resize(int newColumns, int newRows) throws IOException {
        if (newColumns <= 0 || newRows <= 0 || (newColumns == columns && newRows == rows)) {
            return;
        }
        columns = newColumns;
        rows = newRows;
        if (isOpen()) {
            channel.sendWindowChange(newColumns, newRows);
        }
    }

    /** Runs {@code listener} once the shell has ended, whoever ended it. */
    public void onClosed(Runnable listener) {
        closeListeners.add(listener);
        if (channel.isClosed()) {
            listener.run();
        }
    }

    /** The exit status the server sent when the shell ended (empty while it runs, or when the connection dropped). */
    public java.util.Optional<Integer> exitStatus() {
        return java.util.Optional.ofNullable(channel.getExitStatus());
    }

    /** Waits until the shell ends; returns the remote exit status, or -1 when the server sent none. */
    public int waitFor() {
        channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), 0L);
        Integer status = channel.getExitStatus();
        return status == null ? -1 : status;
    }

    @Override
    public void close() {
        channel.close(false);
    }
}
