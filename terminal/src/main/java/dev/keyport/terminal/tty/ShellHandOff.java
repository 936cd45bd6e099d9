package dev.keyport.terminal.tty;

import java.io.IOException;

import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.util.TermSize;

/**
 * A terminal's connector before its shell exists: the terminal is wired to it (and its emulator
 * started) while nothing can write to the terminal yet, and the shell is handed over later by
 * {@link #attach}, which takes no lock of the terminal and does no I/O (so the UI thread can call it
 * while output of an earlier shell is being written elsewhere).
 *
 * <p>Wiring JediTermFX's terminal to a connector resets its type-ahead state under the terminal's
 * buffer lock; done when the shell arrived, that made the UI thread wait for whoever held the lock.
 * Until the shell arrives, reads wait, typed bytes are dropped (nothing could receive them), and the
 * latest size is kept and sent by the reader thread once the shell is there.
 */
public final class ShellHandOff implements TtyConnector {

    private final String name;
    private final Object lock = new Object();
    private TtyConnector shell;
    private boolean closed;
    /** A size asked for before the shell arrived, sent to it by the reader thread; guarded by {@link #lock}. */
    private TermSize pendingSize;

    public ShellHandOff(String name) {
        this.name = name;
    }

    /**
     * Hands the shell over; the terminal's reader thread takes it from here. Constant time, no I/O.
     *
     * @return false when this connector was closed or already has a shell ({@code shell} is then closed)
     */
    public boolean attach(TtyConnector tty) {
        synchronized (lock) {
            if (closed || shell != null) {
                tty.close();
                return false;
            }
            shell = tty;
            lock.notifyAll();
            return true;
        }
    }

    /** Whether a shell was handed over. */
    public boolean attached() {
        synchronized (lock) {
            return shell != null;
        }
    }

    /** The shell once it is here; null when this connector was closed (or interrupted) first. */
    private TtyConnector awaitShell() {
        TermSize resize;
        TtyConnector tty;
        synchronized (lock) {
            while (shell == null && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the terminal is being closed
                    return null;
                }
            }
            tty = shell;
            resize = pendingSize;
            pendingSize = null;
        }
        if (tty != null && resize != null) {
            tty.resize(resize);
        }
        return tty;
    }

    private TtyConnector current() {
        synchronized (lock) {
            return shell;
        }
    }

    @Override
    public int read(char[] buf, int offset, int length) throws IOException {
        TtyConnector tty = awaitShell();
        if (tty == null) {
            return -1; // closed before any shell: the end, quietly
        }
        return tty.read(buf, offset, length);
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        TtyConnector tty = current();
        if (tty != null) {
            tty.write(bytes);
        }
    }

    @Override
    public void write(String string) throws IOException {
        TtyConnector tty = current();
        if (tty != null) {
            tty.write(string);
        }
    }

    @Override
    public boolean isConnected() {
        synchronized (lock) {
            return shell != null ? shell.isConnected() : !closed;
        }
    }

    @Override
    public void resize(TermSize termSize) {
        TtyConnector tty;
        synchronized (lock) {
            tty = shell;
            if (tty == null) {
                pendingSize = termSize;
                return;
            }
        }
        tty.resize(termSize);
    }

    @Override
    public int waitFor() throws InterruptedException {
        TtyConnector tty = awaitShell();
        return tty == null ? -1 : tty.waitFor();
    }

    @Override
    public boolean ready() throws IOException {
        TtyConnector tty = current();
        return tty != null && tty.ready();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void close() {
        TtyConnector tty;
        synchronized (lock) {
            closed = true;
            tty = shell;
            lock.notifyAll();
        }
        if (tty != null) {
            tty.close();
        }
    }
}
