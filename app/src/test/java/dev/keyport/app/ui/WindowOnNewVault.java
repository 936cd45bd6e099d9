package dev.keyport.app.ui;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

import javafx.stage.Stage;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.ui.shell.MainWindow;

/**
 * The real window on a new vault in a temp dir ({@link KeyportHarness#open}), shown on TestFX's primary
 * stage before each test and closed after it; closing fails the test when the FX thread did blocking work.
 * Register it with {@code @RegisterExtension} in a class that has {@code @ExtendWith(ApplicationExtension.class)}:
 * the class's {@code @Start} methods run before the window is built, its {@code @BeforeEach} methods after it
 * shows, its {@code @AfterEach} methods before it closes.
 */
public class WindowOnNewVault implements BeforeEachCallback, AfterEachCallback {

    private Path dir;
    private Stage stage;
    private KeyportHarness app;
    private boolean demo;

    /** A window on a new vault and nothing else. */
    public static WindowOnNewVault empty() {
        return new WindowOnNewVault();
    }

    protected WindowOnNewVault() {
    }

    /** Wires the window as demo mode does: it cannot lock ({@link KeyportHarness#demo}). */
    public WindowOnNewVault demo() {
        demo = true;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("keyport-window-");
        stage = FxToolkit.registerPrimaryStage(); // the stage the class's @Start methods were given
        startServers(dir);
        // built and shown on the FX thread, as a @Start method does it
        WaitForAsyncUtils.asyncFx(() -> {
            app = demo ? KeyportHarness.demo(dataDir(), () -> stage) : KeyportHarness.open(dataDir(), () -> stage);
            fill(app);
            app.show(stage);
            return null;
        }).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Starts what the window will talk to (off the FX thread, before the vault is made). */
    protected void startServers(Path dir) throws Exception {
    }

    /** Saves what the vault holds before the window shows. */
    protected void fill(KeyportHarness app) throws Exception {
    }

    /** Stops what {@link #startServers} started, once the window and the application are closed. */
    protected void stopServers() throws Exception {
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            try {
                stopServers();
            } finally {
                deleteTree(dir);
            }
        }
    }

    /** The application and its window. */
    public KeyportHarness harness() {
        return app;
    }

    public MainWindow window() {
        return app.window;
    }

    public KeyportContext context() {
        return app.context;
    }

    /** The stage the window shows in (TestFX's primary stage). */
    public Stage stage() {
        return stage;
    }

    /** The vault's data folder. */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** Deletes a temp dir and all in it, as far as it can: a file a stopped server still writes to is left behind. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left in the temp folder; the test's verdict does not depend on it
        }
    }
}
