package dev.keyport.app.ui.prompts;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.stage.Window;

import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.UserPrompter;

/**
 * Asks the person through dialogs. SSH threads call it and wait (at most five minutes); the
 * dialogs run on the FX thread. Calling it on the FX thread would deadlock, so that fails loudly.
 */
public final class FxUserPrompter implements UserPrompter {

    private static final long ANSWER_TIMEOUT_MINUTES = 5;
    private final Supplier<Window> owner;

    public FxUserPrompter(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public HostKeyAnswer confirmUnknownHostKey(HostKeyInfo info) {
        return ask(() -> HostKeyDialog.show(owner.get(), info)).orElse(HostKeyAnswer.CANCEL);
    }

    @Override
    public Optional<char[]> askSecret(String title, String prompt) {
        return ask(() -> SecretDialog.show(owner.get(), title, prompt)).flatMap(answer -> answer);
    }

    @Override
    public Optional<List<char[]>> answerPrompts(String title, String instruction, List<Prompt> prompts) {
        return ask(() -> PromptsDialog.show(owner.get(), title, instruction, prompts)).flatMap(answer -> answer);
    }

    private static <T> Optional<T> ask(Supplier<T> dialog) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("The prompter was called on the JavaFX thread; it must be called from a background thread");
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(dialog.get());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return Optional.ofNullable(answer.get(ANSWER_TIMEOUT_MINUTES, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }
}
