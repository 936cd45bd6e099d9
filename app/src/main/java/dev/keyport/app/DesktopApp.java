package dev.keyport.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.cli.VaultAccess;
import dev.keyport.app.demo.DemoMode;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.instance.SingleInstance;
import dev.keyport.app.services.AppearanceCopy;
import dev.keyport.app.services.DaemonThreads;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.services.SystemTheme;
import dev.keyport.app.startup.DisplayCheck;
import dev.keyport.app.startup.EarlyToolkit;
import dev.keyport.app.startup.StartupTrace;
import dev.keyport.app.startup.UnlockWarmUp;
import dev.keyport.app.ui.FxThread;
import dev.keyport.app.ui.about.AboutDialog;
import dev.keyport.app.ui.about.AppIcon;
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

    static int run(Optional<Path> dataDirOverride, boolean demo, Optional<Integer> scrollbackLines, Optional<Path> teamFileArgument) {
        DemoMode demoMode = null;
        Path dataDir;
        Vault vault = null;
        SingleInstance instance = null;
        WindowHandOff handOff = new WindowHandOff(teamFileArgument);
        java.util.concurrent.CompletableFuture<DemoMode.Setup> demoSetup = null;
        if (demo) {
            // the demo's SSH server and vault start while the toolkit starts (two cores, two jobs)
            demoSetup = DemoMode.prepare();
            dataDir = null; // the demo's own, below
        } else {
            dataDir = DataDirectories.resolve(dataDirOverride);
            // one Keyport per data folder: a second launch hands its request (and team file) to the first
            SingleInstance.Claim claim = SingleInstance.claim(dataDir, InstanceRequest.activate(teamFileArgument), handOff::serve);
            if (claim instanceof SingleInstance.Claim.HandedOver handed) {
                EarlyToolkit.settle(); // begun when two launches came at once: let it end before this one exits
                (handed.reply().status() == 0 ? System.out : System.err).println("keyport: " + handed.reply().message());
                return handed.reply().status();
            }
            if (claim instanceof SingleInstance.Claim.First first) {
                instance = first.instance();
            } else {
                LOG.info("Starting without the single-instance channel: {}", ((SingleInstance.Claim.Unavailable) claim).reason());
            }
            String file = System.getenv(MasterPasswordInput.FILE_ENV);
            if (file != null && !file.isBlank()) {
                try {
                    StartupTrace.mark("password-entered");
                    vault = VaultAccess.openOrCreate(dataDir, MasterPasswordInput.fromProcess());
                } catch (VaultException | IOException e) {
                    System.err.println("keyport: " + e.getMessage());
                    if (instance != null) {
                        instance.close();
                    }
                    return 2;
                }
            }
        }
        // The unlock dialog shows in the person's theme: its plaintext copy (the vault is not open yet), read
        // while the toolkit starts; under "Follow the system" the desktop has a short bound to answer.
        java.util.concurrent.CompletableFuture<Boolean> darkDialogs = vault != null || dataDir == null
                ? java.util.concurrent.CompletableFuture.completedFuture(false)
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> new AppearanceCopy(dataDir).darkBeforeUnlock(SystemTheme.ofThisComputer()),
                        work -> DaemonThreads.named("keyport-theme").newThread(work).start());
        ExecutorService unlocker = Executors.newSingleThreadExecutor(DaemonThreads.named("keyport-unlock"));
        boolean toolkitUp = false;
        try {
            // Dialogs wait in a nested event loop, which must not run inside startup's own runnable:
            // the toolkit would not paint them (a blank window). So start first, then show.
            // Main has usually begun the toolkit's start already (EarlyToolkit): this waits for it.
            // Not implicit exit (EarlyToolkit sets it): between the unlock dialog closing and the main window
            // showing there is no window, and the toolkit would exit. Closing the main window ends the run
            // through its onHidden, and the finally below exits the toolkit.
            try {
                EarlyToolkit.startup(AppIcon::installOnEveryWindow);
            } catch (RuntimeException | Error e) {
                // no toolkit: nothing of it may be called now (it would wait forever for a start that failed)
                LOG.info("The JavaFX toolkit did not start", e); // the log file; the person gets the line below
                System.err.println("keyport: " + DisplayCheck.startFailed(e, System.getenv("DISPLAY")));
                return 1;
            }
            toolkitUp = true;
            boolean dark = darkDialogs.join(); // the toolkit's start was the wait; at most AppearanceCopy.DESKTOP_BOUND more
            Platform.runLater(() -> Theme.apply(dark)); // before any dialog: they are shown by later runnables
            StartupTrace.mark("toolkit");
            if (vault == null && demoSetup == null) {
                UnlockWarmUp.start(); // while the password is typed (docs/benchmarks.md, "Start-up")
            }
            if (demoSetup != null) {
                DemoMode.Setup setup = demoSetup.join();
                demoMode = setup.demo();
                if (setup.problem() != null) {
                    System.err.println("keyport: the demo could not start: " + setup.problem());
                    return 1;
                }
                vault = setup.vault();
            }
            Optional<Path> teamFile = Optional.empty();
            if (vault == null) {
                Optional<UnlockDialog.FirstStart> opened = askForVault(dataDir, unlocker);
                if (opened.isEmpty()) {
                    return 0;
                }
                vault = opened.get().vault();
                teamFile = opened.get().teamFile();
            }
            return runWindow(vault, demoMode, scrollbackLines, unlocker, teamFile, handOff);
        } finally {
            unlocker.shutdownNow();
            if (instance != null) {
                instance.close();
            }
            if (demoMode != null) {
                demoMode.close();
            }
            if (toolkitUp) {
                Platform.exit();
            }
        }
    }

    /**
     * The unlock (or create, with a team file to import) dialog, on the FX thread; this thread waits for the
     * answer. A vault another Keyport holds is reported before any password is asked.
     */
    private static Optional<UnlockDialog.FirstStart> askForVault(Path dataDir, ExecutorService unlocker) {
        return UnlockDialog.askForVault(dataDir, unlocker);
    }

    private static int runWindow(Vault vault, DemoMode demoMode, Optional<Integer> scrollbackLines, ExecutorService unlocker,
            Optional<Path> teamFile, WindowHandOff handOff) {
        StartupTrace.mark("vault-open");
        AtomicReference<Window> owner = new AtomicReference<>();
        AtomicReference<MainWindowViewModel> windowModel = new AtomicReference<>();
        KeyportContext context = new KeyportContext(vault, new FxUserPrompter(owner::get)); // starts the SSH client: not on the FX thread
        try {
            if (demoMode != null) {
                demoMode.seed(context);
            }
            StartupTrace.mark("context");
            MainWindowViewModel.Startup startup = MainWindowViewModel.load(context, scrollbackLines);
            StartupTrace.mark("model-loaded");
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
                StartupTrace.mark("window-built");
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
                    traceHostList(stage, window, demoMode != null ? "demo-window" : "host-list");
                    AboutDialog.installShortcut(stage, version(), vault.directory().toString());
                    window.model().tunnels().autostart(); // in the background: the window does not wait for them
                    handOff.windowShown(stage, window, context, teamFile);
                    return true;
                } catch (RuntimeException e) {
                    LOG.error("The main window could not be shown", e);
                    new Alert(Alert.AlertType.ERROR, "Keyport could not start: " + e.getMessage()).showAndWait();
                    stage.hide();
                    return false;
                }
            }).orElse(false);
            StartupTrace.mark("window-shown");
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

    /** For the start-up benchmark: the first frame that shows the hosts. */
    private static void traceHostList(Stage stage, MainWindow window, String phase) {
        if (!StartupTrace.enabled()) {
            return;
        }
        javafx.collections.ObservableList<?> hosts = window.model().hosts().visibleHosts();
        if (!hosts.isEmpty()) {
            StartupTrace.markNextFrame(stage.getScene(), phase);
            return;
        }
        hosts.addListener(new ListChangeListener<Object>() {
            @Override
            public void onChanged(Change<?> change) {
                hosts.removeListener(this);
                StartupTrace.markNextFrame(stage.getScene(), phase);
            }
        });
    }

    private static String version() {
        try {
            return Main.Version.number();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
