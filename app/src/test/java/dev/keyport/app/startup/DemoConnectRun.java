package dev.keyport.app.startup;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.demo.DemoMode;
import dev.keyport.app.ui.prompts.FxUserPrompter;
import dev.keyport.app.ui.shell.MainWindow;
import dev.keyport.app.ui.shell.MainWindowViewModel;
import dev.keyport.app.ui.terminal.TerminalTab;
import dev.keyport.vault.Host;

/**
 * Run by {@link RuntimeModulesTest} in a child JVM limited to the installer's modules: the demo as
 * {@code keyport --demo} wires it (throwaway vault, built-in SSH server, the main window), then one
 * terminal opened on "Demo server" until the shell has drawn its prompt. Prints CONNECTED and exits 0,
 * or prints what went wrong and exits 1.
 */
public final class DemoConnectRun {

    private DemoConnectRun() {
    }

    public static void main(String[] args) throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.out.println("UNCAUGHT on " + thread.getName() + ": " + e);
            e.printStackTrace(System.out);
        });
        int status = 1;
        try (DemoMode demo = DemoMode.start()) {
            AtomicReference<Window> owner = new AtomicReference<>();
            KeyportContext context = new KeyportContext(demo.createVault(), new FxUserPrompter(owner::get));
            try {
                Host host = demo.seed(context);
                CompletableFuture<Void> up = new CompletableFuture<>();
                Platform.startup(() -> up.complete(null));
                up.get(60, TimeUnit.SECONDS);
                MainWindowViewModel.Startup startup = MainWindowViewModel.load(context, Optional.empty());
                CompletableFuture<MainWindow> shown = new CompletableFuture<>();
                Platform.runLater(() -> {
                    try {
                        Stage stage = new Stage();
                        owner.set(stage);
                        MainWindow window = new MainWindow(new MainWindowViewModel(context, startup, Platform::runLater), () -> { });
                        window.show(stage, "Keyport (demo)");
                        window.open(host);
                        shown.complete(window);
                    } catch (Throwable e) {
                        shown.completeExceptionally(e);
                    }
                });
                MainWindow window = shown.get(60, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                String screen = "";
                while (System.nanoTime() < deadline && screen.isBlank()) {
                    Thread.sleep(200);
                    screen = screen(window);
                }
                if (screen.isBlank()) {
                    System.out.println("The demo terminal drew nothing within 90 s");
                } else {
                    System.out.println("CONNECTED");
                    status = 0;
                }
                CompletableFuture<Void> closed = new CompletableFuture<>();
                Platform.runLater(() -> {
                    window.closeAll();
                    closed.complete(null);
                });
                closed.get(30, TimeUnit.SECONDS);
            } finally {
                context.close();
            }
        } catch (Throwable e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
        }
        Platform.exit();
        System.exit(status);
    }

    private static String screen(MainWindow window) throws Exception {
        CompletableFuture<String> text = new CompletableFuture<>();
        Platform.runLater(() -> {
            if (window.terminals().isEmpty()) {
                text.complete("");
                return;
            }
            TerminalTab tab = window.terminals().get(0);
            if (tab.widget() == null) {
                text.complete("");
                return;
            }
            TerminalTextBuffer buffer = tab.widget().getTerminalTextBuffer();
            buffer.lock();
            try {
                text.complete(buffer.getScreenLines());
            } finally {
                buffer.unlock();
            }
        });
        return text.get(10, TimeUnit.SECONDS);
    }
}
