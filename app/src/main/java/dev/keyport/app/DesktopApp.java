package dev.keyport.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.demo.DemoMode;
import dev.keyport.app.ui.FxUserPrompter;
import dev.keyport.vault.DataDirectories;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/** Starts the desktop application and waits until its window is closed. */
final class DesktopApp {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private DesktopApp() {
    }

    static int run(Optional<Path> dataDirOverride, boolean demo) {
        DemoMode demoMode = null;
        Path dataDir;
        if (demo) {
            try {
                demoMode = DemoMode.start();
            } catch (IOException e) {
                System.err.println("keyport: the demo could not start: " + e.getMessage());
                return 1;
            }
            dataDir = demoMode.dataDirectory();
        } else {
            dataDir = DataDirectories.resolve(dataDirOverride);
        }
        Vault vault;
        try {
            vault = Vault.open(dataDir);
        } catch (VaultException e) {
            System.err.println("keyport: " + e.getMessage());
            if (demoMode != null) {
                demoMode.close();
            }
            return 2;
        }

        AtomicReference<Window> owner = new AtomicReference<>();
        KeyportContext context = new KeyportContext(vault, new FxUserPrompter(owner::get));
        DemoMode finalDemo = demoMode;
        if (demoMode != null) {
            try {
                demoMode.seed(context);
            } catch (VaultException e) {
                System.err.println("keyport: the demo could not start: " + e.getMessage());
                context.close();
                demoMode.close();
                return 1;
            }
        }
        CountDownLatch closed = new CountDownLatch(1);
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            Stage stage = new Stage();
            owner.set(stage);
            stage.setOnHidden(e -> {
                context.close();
                closed.countDown();
            });
            try {
                context.mainWindow().show(stage, finalDemo != null ? "Keyport (demo)" : "Keyport");
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
        if (demoMode != null) {
            demoMode.close();
        }
        Platform.exit();
        return 0;
    }
}
