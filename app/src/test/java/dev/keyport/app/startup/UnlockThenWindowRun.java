package dev.keyport.app.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import javafx.stage.Window;

import picocli.CommandLine;

import dev.keyport.app.Main;

/**
 * Run by {@link DesktopStartTest} in a child JVM (the desktop app starts its own toolkit): starts
 * {@code keyport --data-dir DIR} as a user does, types the master password into the unlock dialog
 * and presses Unlock, then waits for the main window. Prints MAIN WINDOW and exits 0, or exits 1.
 */
public final class UnlockThenWindowRun {

    private UnlockThenWindowRun() {
    }

    public static void main(String[] args) {
        String dataDir = args[0];
        String password = args[1];
        Thread user = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
                boolean typed = false;
                while (System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    CompletableFuture<String> seen = new CompletableFuture<>();
                    boolean typedNow = typed;
                    try {
                        Platform.runLater(() -> seen.complete(look(typedNow, password)));
                    } catch (IllegalStateException notYet) {
                        continue; // the toolkit is not up yet
                    }
                    String what = seen.get(30, TimeUnit.SECONDS);
                    if (what.equals("typed")) {
                        typed = true;
                    } else if (what.equals("main")) {
                        System.out.println("MAIN WINDOW");
                        System.exit(0);
                    }
                }
                System.out.println("no main window within 150 s (password typed: " + typed + ")");
                System.exit(1);
            } catch (Exception e) {
                System.out.println("FAILED: " + e);
                System.exit(1);
            }
        }, "user");
        user.setDaemon(true);
        user.start();
        String[] arguments = {"--data-dir", dataDir};
        Main.startToolkitEarly(arguments); // as main does: the toolkit starts while the arguments are parsed
        int status = new CommandLine(new Main()).execute(arguments);
        System.out.println("keyport ended with " + status + " before the main window showed");
        System.exit(1);
    }

    /** On the FX thread: "main" when the main window shows, "typed" after pressing Unlock, else "". */
    private static String look(boolean typed, String password) {
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.isShowing() && "Keyport".equals(stage.getTitle())) {
                return "main";
            }
        }
        if (typed) {
            return "";
        }
        for (Window window : Window.getWindows()) {
            Node field = window.getScene() == null ? null : window.getScene().lookup("#master-password");
            Node unlock = window.getScene() == null ? null : window.getScene().lookup("#unlock-button");
            if (window.isShowing() && field instanceof PasswordField passwordField && unlock instanceof Button button) {
                passwordField.setText(password);
                button.fire();
                return "typed";
            }
        }
        return "";
    }
}
