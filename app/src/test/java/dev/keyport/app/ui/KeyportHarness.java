package dev.keyport.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.testing.OpenSshHosts;
import dev.keyport.app.ui.prompts.FxUserPrompter;
import dev.keyport.app.ui.shell.MainWindow;
import dev.keyport.app.ui.shell.MainWindowViewModel;
import dev.keyport.app.ui.terminal.TerminalTab;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * The real application wired on a vault in a temp dir, as {@code DesktopApp} wires it, shown on a
 * TestFX stage. From {@link #show} until {@link #close} a {@link FxThreadWatchdog} watches the FX
 * thread, and closing fails the test if it saw blocking work there.
 */
public final class KeyportHarness {

    public final KeyportContext context;
    public final MainWindow window;
    private FxThreadWatchdog watchdog;

    private KeyportHarness(KeyportContext context, boolean demo) {
        this.context = context;
        dev.keyport.terminal.BackgroundPriority.lowerJitCompilerThreads(); // as DesktopApp does before the window shows
        MainWindowViewModel model = new MainWindowViewModel(context, MainWindowViewModel.load(context, java.util.Optional.empty()),
                javafx.application.Platform::runLater);
        this.window = demo ? new MainWindow(model, MainWindow.DEMO_CANNOT_LOCK) : new MainWindow(model, () -> { });
    }

    /** Wires the app as demo mode does (a window that cannot lock). */
    public static KeyportHarness demo(Path dataDir, Supplier<Stage> stage) throws Exception {
        Vault vault = Vault.create(dataDir, "test master password".toCharArray(), KdfParameters.FLOOR);
        return new KeyportHarness(new KeyportContext(vault, new FxUserPrompter(stage::get)), true);
    }

    /** Opens the vault and wires the app; call {@link #show(Stage)} from {@code @Start}. */
    public static KeyportHarness open(Path dataDir, Supplier<Stage> stage) throws Exception {
        Vault vault = Vault.create(dataDir, "test master password".toCharArray(), KdfParameters.FLOOR);
        return on(vault, stage);
    }

    /** Wires the app on a vault that is already open (created by the first-start dialog, say). */
    public static KeyportHarness on(Vault vault, Supplier<Stage> stage) {
        return new KeyportHarness(new KeyportContext(vault, new FxUserPrompter(stage::get)), false);
    }

    /**
     * Saves a host for {@code sshd} that logs in with a fresh ed25519 key made by the real
     * ssh-keygen; pins the server's host key in the vault when {@code trusted}.
     */
    public Host saveHostFor(OpenSshServer sshd, String name, boolean trusted) throws Exception {
        Path key = sshd.authorizeNewKey("id_ed25519");
        if (trusted) {
            context.hostKeys().trust("127.0.0.1", sshd.port(), OpenSshHosts.hostKey(sshd));
        }
        Host host = OpenSshHosts.withKeyFile(name, sshd, key);
        context.vault().hosts().save(host);
        return host;
    }

    /**
     * Undoes what an earlier test class left on the primary stage, which TestFX shares across every
     * class of a surefire fork: the main window sets a minimum size (720x480) on the stage it shows in,
     * so a later test that puts a 420 px scene there got a 720 px window. Call before setting a scene.
     */
    public static void freshStage(Stage stage) {
        stage.setFullScreen(false);
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setMaxWidth(Double.MAX_VALUE);
        stage.setMaxHeight(Double.MAX_VALUE);
    }

    /** Shows an empty 400x300 window on {@code stage} (after {@link #freshStage}): the owner of the dialogs a test opens alone. */
    public static void showDialogOwner(Stage stage) {
        freshStage(stage);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 400, 300));
        stage.sizeToScene();
        stage.show();
    }

    /** Shows the window; from here on the FX thread is watched for blocking work. */
    public void show(Stage stage) throws Exception {
        watchdog = FxThreadWatchdog.start();
        window.show(stage, "Keyport test");
    }

    /** Closes the window as a person does, then the application (off the FX thread); fails on blocking work seen. */
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::close).get(20, TimeUnit.SECONDS);
        context.close();
        if (watchdog != null) {
            watchdog.assertNothingBlocked();
        }
    }

    /** Waits until the terminal of the newest tab shows {@code text}; returns the screen. */
    public static String awaitScreen(FxRobot robot, MainWindow window, String text, Duration timeout) throws TimeoutException {
        String[] last = {""};
        try {
            WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, () -> {
                last[0] = screen(window);
                return last[0].contains(text);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Expected '" + text + "' on the terminal within " + timeout + "; the screen shows:\n" + last[0], e);
        }
        return last[0];
    }

    /** Waits until a whole line of the newest terminal's screen reads {@code line} (trailing blanks ignored). */
    public static void awaitLine(MainWindow window, String line) throws TimeoutException {
        awaitLine(window, line, Duration.ofSeconds(20));
    }

    public static void awaitLine(MainWindow window, String line, Duration timeout) throws TimeoutException {
        String[] last = {""};
        try {
            WaitForAsyncUtils.waitFor(timeout.toSeconds(), TimeUnit.SECONDS, () -> {
                last[0] = screen(window);
                return last[0].lines().anyMatch(l -> l.stripTrailing().equals(line));
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Expected a line '" + line + "' on the terminal; the screen shows:\n" + last[0], e);
        }
    }

    /** Waits until the shell has drawn something (its prompt) in the newest terminal. */
    public static String awaitPrompt(FxRobot robot, MainWindow window) throws TimeoutException {
        String[] last = {""};
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
                last[0] = screen(window);
                return !last[0].isBlank();
            });
        } catch (TimeoutException e) {
            String status = robot.lookup("#terminal-status").tryQuery()
                    .map(n -> ((javafx.scene.control.Label) n).getText()).orElse("(no status shown)");
            throw new AssertionError("The shell drew nothing within 60 s; the tab shows: " + status, e);
        }
        return last[0];
    }

    /** The text of the newest terminal's screen (what the person sees). */
    public static String screen(MainWindow window) {
        if (window.terminals().isEmpty() || window.terminals().get(window.terminals().size() - 1).widget() == null) {
            return "";
        }
        TerminalTextBuffer buffer = window.terminals().get(window.terminals().size() - 1).widget().getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getScreenLines();
        } finally {
            buffer.unlock();
        }
    }

    public static TerminalTab newestTab(MainWindow window) {
        assertThat(window.terminals()).isNotEmpty();
        return window.terminals().get(window.terminals().size() - 1);
    }

    /** Waits for a node with this id in a window that is showing, and returns it. */
    public static javafx.scene.Node awaitShowing(FxRobot robot, String query) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(query).match(KeyportHarness::showing).tryQuery().isPresent());
        return robot.lookup(query).match(KeyportHarness::showing).query();
    }

    private static boolean showing(javafx.scene.Node node) {
        return node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing();
    }

    public static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
