package dev.keyport.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.cli.VaultAccess;
import dev.keyport.app.demo.DemoMode;
import dev.keyport.app.services.DaemonThreads;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.ui.FxThread;
import dev.keyport.app.ui.prompts.FxUserPrompter;
import dev.keyport.app.ui.shell.MainWindow;
import dev.keyport.app.ui.shell.MainWindowViewModel;
import dev.keyport.app.ui.shell.Theme;
import dev.keyport.app.ui.unlock.LockScreen;
import dev.keyport.app.ui.unlock.UnlockDialog;
import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.vault.DataDirectories;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * Starts the desktop application and waits until its window is closed. The vault is created or
 * unlocked first: by the unlock dialog, or without a prompt in demo mode (a throwaway vault under a
 * random master password) or when {@code KEYPORT_MASTER_PASSWORD_FILE} is set. Everything that blocks
 * (the vault, the SSH client, closing connections) runs on this, the main thread, or in the
 * background; the FX thread only builds and shows the window.
 */
final class DesktopApp {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopApp() {
    }

    static int run(Optional<Path> dataDirOverride, boolean demo, Optional<Integer> scrollbackLines) {
        DemoMode demoMode = null;
        Path dataDir;
        Vault vault = null;
        if (demo) {
            try {
                demoMode = DemoMode.start();
                dataDir = demoMode.dataDirectory();
                vault = demoMode.createVault();
            } catch (IOException | VaultException e) {
                System.err.println("keyport: the demo could not start: " + e.getMessage());
                if (demoMode != null) {
                    demoMode.close();
                }
                return 1;
            }
        } else {
            dataDir = DataDirectories.resolve(dataDirOverride);
            String file = System.getenv(MasterPasswordInput.FILE_ENV);
            if (file != null && !file.isBlank()) {
                try {
                    vault = VaultAccess.openOrCreate(dataDir, MasterPasswordInput.fromProcess());
                } catch (VaultException | IOException e) {
                    System.err.println("keyport: " + e.getMessage());
                    return 2;
                }
            }
        }
        ExecutorService unlocker = Executors.newSingleThreadExecutor(DaemonThreads.named("keyport-unlock"));
        try {
            // No implicit exit: between the unlock dialog closing and the main window showing (the SSH
            // client starts meanwhile) no window is open, and JavaFX would stop, leaving Keyport waiting
            // for a window that never comes (seen under load). Keyport ends JavaFX itself below.
            Platform.setImplicitExit(false);
            // Dialogs wait in a nested event loop, which must not run inside startup's own runnable:
            // the toolkit would not paint them (a blank window). So start first, then show.
            Platform.startup(() -> Theme.apply(false));
            Optional<Path> teamFile = Optional.empty();
            if (vault == null) {
                Optional<UnlockDialog.FirstStart> opened = askForVault(dataDir, unlocker);
                if (opened.isEmpty()) {
                    return 0;
                }
                vault = opened.get().vault();
                teamFile = opened.get().teamFile();
            }
            return runWindow(vault, demoMode, scrollbackLines, unlocker, teamFile);
        } finally {
            unlocker.shutdownNow();
            if (demoMode != null) {
                demoMode.close();
            }
            Platform.exit();
        }
    }

    /** The unlock (or create, with a team file to import) dialog, on the FX thread; this thread waits for the answer. */
    private static Optional<UnlockDialog.FirstStart> askForVault(Path dataDir, ExecutorService unlocker) {
        boolean create = !Vault.exists(dataDir);
        return FxThread.call(() -> UnlockDialog.showFirstStart(null, create, dataDir.toString(),
                password -> create ? Vault.create(dataDir, password, KdfParameters.calibrate(Duration.ofMillis(500)))
                        : Vault.unlock(dataDir, password), unlocker)).orElse(Optional.empty());
    }

    private static int runWindow(Vault vault, DemoMode demoMode, Optional<Integer> scrollbackLines, ExecutorService unlocker,
            Optional<Path> teamFile) {
        AtomicReference<Window> owner = new AtomicReference<>();
        AtomicReference<MainWindowViewModel> windowModel = new AtomicReference<>();
        KeyportContext context = new KeyportContext(vault, new FxUserPrompter(owner::get)); // starts the SSH client: not on the FX thread
        try {
            if (demoMode != null) {
                demoMode.seed(context);
            }
            MainWindowViewModel.Startup startup = MainWindowViewModel.load(context, scrollbackLines);
            BackgroundPriority.lowerJitCompilerThreads(); // the window's threads come first (docs/benchmarks.md); reads /proc
            CountDownLatch closed = new CountDownLatch(1);
            boolean shown = FxThread.call(() -> {
                Stage stage = new Stage();
                owner.set(stage);
                // the demo's master password is random and never shown: it does not lock
                LockScreen lockScreen = demoMode != null ? null : LockScreen.install(vault, stage, unlocker);
                MainWindowViewModel model = new MainWindowViewModel(context, startup, Platform::runLater);
                windowModel.set(model);
                MainWindow window = lockScreen == null ? new MainWindow(model, MainWindow.DEMO_CANNOT_LOCK)
                        : new MainWindow(model, lockScreen::lockNow);
                stage.setOnHidden(e -> {
                    // the window is gone at once; connections and the vault close after, on the main thread
                    window.closeAll();
                    if (lockScreen != null) {
                        lockScreen.close();
                    }
                    closed.countDown();
                });
                try {
                    window.show(stage, demoMode != null ? "Keyport (demo)" : "Keyport");
                    window.model().tunnels().autostart(); // in the background: the window does not wait for them
                    teamFile.ifPresent(file -> Platform.runLater(() -> window.openImport(file.toString())));
                    return true;
                } catch (RuntimeException e) {
                    LOG.error("The main window could not be shown", e);
                    new Alert(Alert.AlertType.ERROR, "Keyport could not start: " + e.getMessage()).showAndWait();
                    stage.hide();
                    return false;
                }
            }).orElse(false);
            if (shown) {
                closed.await();
                windowModel.get().savePlacementNow(); // where the window was, before the vault closes (blocking: this thread)
            }
            return 0;
        } catch (VaultException e) {
            System.err.println("keyport: the demo could not start: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            context.close();
        }
    }
}
