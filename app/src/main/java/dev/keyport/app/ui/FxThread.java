package dev.keyport.app.ui;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import javafx.application.Platform;

/** Hands work to the JavaFX thread from another thread and waits for its answer. */
public final class FxThread {

    private FxThread() {
    }

    /**
     * Runs {@code work} on the FX thread and waits for its result; empty when it failed (the failure is
     * rethrown as an IllegalStateException) or this thread was interrupted. Never call it on the FX thread.
     */
    public static <T> Optional<T> call(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("FxThread.call on the FX thread would wait for itself");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return Optional.ofNullable(result.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
