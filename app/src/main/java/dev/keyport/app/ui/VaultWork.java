package dev.keyport.app.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import dev.keyport.vault.VaultException;

/** Blocking vault work a view model hands to its background executor; a failure becomes its problem text on the UI thread. */
@FunctionalInterface
public interface VaultWork {

    void run() throws VaultException;

    /** Runs {@code work} on {@code background}; when it fails, {@code problem} gets the message on {@code ui}. */
    static void inBackground(Executor background, Executor ui, VaultWork work, Consumer<String> problem) {
        background.execute(() -> {
            try {
                work.run();
            } catch (VaultException e) {
                ui.execute(() -> problem.accept(e.getMessage()));
            }
        });
    }
}
