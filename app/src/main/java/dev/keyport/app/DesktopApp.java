package dev.keyport.app;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

import atlantafx.base.theme.PrimerLight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.cli.VaultAccess;
import dev.keyport.app.demo.DemoMode;
import dev.keyport.app.services.AutoLock;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.ui.FxUserPrompter;
import dev.keyport.app.ui.UnlockDialog;
import dev.keyport.vault.DataDirectories;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * Starts the desktop application and waits until its window is closed. The vault is created or
 * unlocked first: by the unlock dialog, or without a prompt in demo mode (a throwaway vault under a
 * random master password) or when {@code KEYPORT_MASTER_PASSWORD_FILE} is set.
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
            } catch (IOException e) {
                System.err.println("keyport: the demo could not start: " + e.getMessage());
                return 1;
            }
            dataDir = demoMode.dataDirectory();
            char[] throwaway = randomPassword();
            try {
                // a throwaway vault: the floor KDF keeps the demo quick; nobody ever types this password
                vault = Vault.create(dataDir, throwaway, KdfParameters.FLOOR);
            } catch (VaultException e) {
                System.err.println("keyport: " + e.getMessage());
                demoMode.close();
                return 2;
            } finally {
                Arrays.fill(throwaway, '\0');
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

        AtomicReference<Window> owner = new AtomicReference<>();
        FxUserPrompter prompter = new FxUserPrompter(owner::get);
        AtomicReference<KeyportContext> context = new AtomicReference<>();
        if (vault != null) {
            context.set(new KeyportContext(vault, prompter, scrollbackLines));
        }
        if (demoMode != null) {
            try {
                demoMode.seed(context.get());
            } catch (VaultException e) {
                System.err.println("keyport: the demo could not start: " + e.getMessage());
                context.get().close();
                demoMode.close();
                return 1;
            }
        }
        boolean isDemo = demoMode != null;
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService unlocker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "keyport-unlock");
            t.setDaemon(true);
            return t;
        });
        Platform.setImplicitExit(true);
        // Dialogs wait in a nested event loop, which must not run inside startup's own runnable:
        // the toolkit would not paint them (a blank window). So start first, then show.
        Platform.startup(() -> { });
        Platform.runLater(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            if (context.get() == null) {
                boolean create = !Vault.exists(dataDir);
                Optional<Vault> unlocked = UnlockDialog.show(null, create, dataDir.toString(),
                        password -> create ? Vault.create(dataDir, password, KdfParameters.calibrate(Duration.ofMillis(500)))
                                : Vault.unlock(dataDir, password), unlocker);
                if (unlocked.isEmpty()) {
                    closed.countDown();
                    return;
                }
                context.set(new KeyportContext(unlocked.get(), prompter, scrollbackLines));
            }
            Stage stage = new Stage();
            owner.set(stage);
            // the demo's master password is random and never shown: it does not auto-lock
            AutoLock autoLock = isDemo ? null : startAutoLock(context.get().vault(), stage, unlocker);
            stage.setOnHidden(e -> {
                if (autoLock != null) {
                    autoLock.close();
                }
                context.get().close();
                closed.countDown();
            });
            try {
                context.get().mainWindow().show(stage, isDemo ? "Keyport (demo)" : "Keyport");
            } catch (RuntimeException e) {
                LOG.error("The main window could not be shown", e);
                new Alert(Alert.AlertType.ERROR, "Keyport could not start: " + e.getMessage()).showAndWait();
                stage.hide();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unlocker.shutdownNow();
        if (demoMode != null) {
            demoMode.close();
        }
        Platform.exit();
        return 0;
    }

    /**
     * Locks the vault after the idle time in the vault's settings, or on Ctrl+L; the window's content is
     * hidden and the unlock dialog asks for the master password (cancel closes Keyport).
     */
    private static AutoLock startAutoLock(Vault vault, Stage stage, ExecutorService unlocker) {
        AutoLock[] holder = new AutoLock[1];
        AutoLock autoLock = new AutoLock(vault, Clock.systemUTC(), () -> Platform.runLater(() -> {
            Node root = stage.getScene() == null ? null : stage.getScene().getRoot();
            if (root != null) {
                root.setVisible(false);
            }
            Optional<Vault> again = UnlockDialog.show(stage, false, vault.directory() + " (locked after being idle)", password -> {
                vault.reopen(password);
                return vault;
            }, unlocker);
            if (again.isEmpty()) {
                stage.hide();
                return;
            }
            if (root != null) {
                root.setVisible(true);
            }
            holder[0].unlocked();
        }));
        holder[0] = autoLock;
        stage.addEventFilter(InputEvent.ANY, e -> autoLock.touch());
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keyport-auto-lock");
            t.setDaemon(true);
            return t;
        });
        autoLock.start(checker, Duration.ofSeconds(15));
        // Ctrl+L (Cmd+L) locks at once; closing the database happens on the checker thread, not the FX thread
        stage.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                        () -> checker.execute(autoLock::lockNow));
            }
        });
        return autoLock;
    }

    static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return password;
    }
}
