package dev.keyport.app.ui.unlock;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.InputEvent;
import javafx.stage.Stage;

import dev.keyport.app.services.AutoLock;
import dev.keyport.app.services.DaemonThreads;
import dev.keyport.vault.Vault;

/**
 * Locks the window with the vault: after the idle time in the vault's settings, or when asked
 * ({@link #lockNow()}). The window's content is hidden and the unlock dialog says why it locked (you
 * locked it, or so many minutes without activity) and asks for the master password; cancel closes the window. Locking closes the database on the checker's thread, never on
 * the FX thread.
 */
public final class LockScreen implements AutoCloseable {

    private final AutoLock autoLock;
    private final ScheduledExecutorService checker;

    private LockScreen(AutoLock autoLock, ScheduledExecutorService checker) {
        this.autoLock = autoLock;
        this.checker = checker;
    }

    /** Watches {@code stage} for activity; {@code unlocker} runs the key derivation when unlocking again. */
    public static LockScreen install(Vault vault, Stage stage, Executor unlocker) {
        return install(vault, stage, unlocker, Clock.systemUTC(), Duration.ofSeconds(15));
    }

    /** As {@link #install(Vault, Stage, Executor)}, with the clock and how often it checks (tests move the clock). */
    static LockScreen install(Vault vault, Stage stage, Executor unlocker, Clock clock, Duration checkEvery) {
        AutoLock[] holder = new AutoLock[1];
        AutoLock autoLock = new AutoLock(vault, clock, reason -> Platform.runLater(() -> {
            Node root = stage.getScene() == null ? null : stage.getScene().getRoot();
            if (root != null) {
                root.setVisible(false);
            }
            Optional<Vault> again = UnlockDialog.showLocked(stage, vault.directory().toString(), reason, password -> {
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
        ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("keyport-auto-lock"));
        autoLock.start(checker, checkEvery);
        return new LockScreen(autoLock, checker);
    }

    /** Locks now; returns at once (the database closes on the checker's thread). */
    public void lockNow() {
        checker.execute(autoLock::lockNow);
    }

    @Override
    public void close() {
        autoLock.close();
    }
}
