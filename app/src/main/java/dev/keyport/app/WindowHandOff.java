package dev.keyport.app;

import java.nio.file.Path;
import java.util.Optional;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import dev.keyport.app.cli.WindowCommands;
import dev.keyport.app.instance.InstanceHandler;
import dev.keyport.app.instance.InstanceReply;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.instance.SingleInstance;
import dev.keyport.app.ui.shell.MainWindow;
import dev.keyport.vault.Host;
import dev.keyport.vault.Vault;

/**
 * Serves a second launch of Keyport (through {@link SingleInstance}): brings the window to the
 * front and opens the import preview of the team file it was given. Before the main window is up
 * (the unlock dialog is showing) the file waits and opens once the window shows. Requests from the
 * command line beside the window go to {@link WindowCommands}.
 */
final class WindowHandOff {

    private Path pending;
    private Stage stage;
    private MainWindow window;
    private Vault vault;
    private WindowCommands commands;

    WindowHandOff(Optional<Path> teamFile) {
        this.pending = teamFile.orElse(null);
    }

    /**
     * Serves a request on the instance channel's thread for it: {@code activate} here, the command
     * line's verbs with {@link WindowCommands} once the window is up and unlocked.
     */
    InstanceReply serve(InstanceRequest request, InstanceHandler.Conversation conversation) throws java.io.IOException {
        if (InstanceRequest.ACTIVATE.equals(request.verb())) {
            return handle(request);
        }
        WindowCommands served;
        synchronized (this) {
            served = commands;
        }
        return served == null ? InstanceReply.refused(WindowCommands.LOCKED) : served.handle(request, conversation);
    }

    /** On the instance channel's thread. */
    synchronized InstanceReply handle(InstanceRequest request) {
        if (!InstanceRequest.ACTIVATE.equals(request.verb())) {
            return InstanceReply.refused("The running Keyport does not know \"" + request.verb()
                    + "\". Close it and start this version of Keyport instead.");
        }
        Optional<Path> file = SingleInstance.teamFileOf(request);
        if (window == null) {
            file.ifPresent(f -> pending = f);
            runLater(() -> Window.getWindows().forEach(WindowHandOff::toFront));
            return InstanceReply.ok(file.map(f -> "Keyport is starting: it opens " + f + " once the vault is unlocked.")
                    .orElse("Keyport is already running: its window is in front."));
        }
        if (file.isPresent() && vault.isLocked()) {
            runLater(() -> Window.getWindows().forEach(WindowHandOff::toFront));
            return InstanceReply.refused("Keyport is locked. Unlock it with your master password, then open " + file.get() + " again.");
        }
        MainWindow shown = window;
        Stage front = stage;
        runLater(() -> {
            toFront(front);
            file.ifPresent(f -> shown.openImport(f.toString()));
        });
        return InstanceReply.ok(file.map(f -> "Keyport is already running: it shows the import preview of " + f + ".")
                .orElse("Keyport is already running: its window is in front."));
    }

    /** The main window is up; opens the file that waited for it ({@code chosen} at first start wins). Call on the FX thread. */
    synchronized void windowShown(Stage stage, MainWindow window, KeyportContext context, Optional<Path> chosen) {
        this.stage = stage;
        this.window = window;
        this.vault = context.vault();
        this.commands = new WindowCommands(context, new WindowCommands.Window() {
            @Override
            public void openTab(Host host) {
                runLater(() -> {
                    toFront(stage);
                    window.open(host);
                });
            }

            @Override
            public void openImport(Path file) {
                runLater(() -> {
                    toFront(stage);
                    window.openImport(file.toString());
                });
            }
        });
        Path file = chosen.orElse(pending);
        pending = null;
        if (file != null) {
            Platform.runLater(() -> window.openImport(file.toString()));
        }
    }

    private static void toFront(Window window) {
        if (window instanceof Stage stage && stage.isShowing()) {
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        }
    }

    private static void runLater(Runnable action) {
        try {
            Platform.runLater(action);
        } catch (IllegalStateException e) {
            // the toolkit is not up yet: the window shows by itself soon
        }
    }
}
