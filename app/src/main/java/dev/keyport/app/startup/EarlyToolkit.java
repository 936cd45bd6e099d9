package dev.keyport.app.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import javafx.application.Platform;

/**
 * Starts the JavaFX toolkit (GTK, the graphics pipeline, fonts: the largest part of the way to the first
 * window) on a thread of its own as soon as {@code main} knows the desktop app is wanted, while the main
 * thread parses the command line, sets up logging and claims the single-instance channel. The desktop
 * app then {@link #startup(Runnable) waits} for it instead of starting it. Commands of the command line
 * never start it (they run without a display).
 */
public final class EarlyToolkit {

    private static CompletableFuture<Void> started;

    private EarlyToolkit() {
    }

    /**
     * Begins the toolkit's start now, unless it has begun. The toolkit then does not exit by itself when
     * its last window closes (the desktop app ends it: there is a moment with no window at all, between
     * the unlock dialog and the main window).
     *
     * @param warmUp runs on the FX thread as soon as the toolkit is up (the theme's stylesheet, say)
     */
    public static synchronized void begin(Runnable warmUp) {
        if (started != null) {
            return;
        }
        CompletableFuture<Void> future = new CompletableFuture<>();
        started = future;
        Thread starter = new Thread(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(warmUp);
                future.complete(null);
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "keyport-toolkit-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Waits until a start {@link #begin(Runnable) begun} earlier has ended, whatever its outcome: a launch
     * that hands over to the Keyport already running exits right after, and the toolkit must not be
     * halfway up then (its exit would wait for a start that never ends).
     */
    public static void settle() {
        CompletableFuture<Void> future;
        synchronized (EarlyToolkit.class) {
            future = started;
        }
        if (future != null) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // it did not start: nothing to wait for
            }
        }
    }

    /** True once {@link #begin(Runnable)} has been called in this process. */
    public static synchronized boolean begun() {
        return started != null;
    }

    /**
     * The toolkit, up: waits for the start {@link #begin(Runnable) begun} earlier, or starts it here, then
     * runs {@code then} on the FX thread (as {@link Platform#startup(Runnable)} does, without waiting for
     * it). A toolkit that could not start (no display) throws what its start threw.
     */
    public static void startup(Runnable then) {
        CompletableFuture<Void> future;
        synchronized (EarlyToolkit.class) {
            future = started;
        }
        if (future == null) {
            Platform.setImplicitExit(false);
            Platform.startup(then);
            return;
        }
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the JavaFX toolkit started", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        Platform.runLater(then);
    }
}
