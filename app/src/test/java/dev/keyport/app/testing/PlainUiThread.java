package dev.keyport.app.testing;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The "UI thread" of a view-model test without a window: one plain thread, handed to the view model as its
 * {@code ui} executor. {@link #run} does an action on it (as the FX thread would) and waits until it is done.
 */
public final class PlainUiThread implements Executor, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    /** Runs {@code action} on the thread and waits for it (10 s at most). */
    public void run(Runnable action) throws Exception {
        thread.submit(action).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
