package dev.keyport.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.keyport.app.instance.InstanceReply;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.instance.SingleInstance;

/**
 * The command line's side of the instance channel: while the Keyport window holds the vault, the
 * commands that make sense beside it ({@code connect NAME}, {@code tunnel up|down}, {@code import},
 * {@code host list}, {@code tunnel list}) are sent to the window, which serves them with its own
 * services ({@link WindowCommands}); without a window they run here as before.
 */
final class RunningWindow {

    private RunningWindow() {
    }

    /** What {@link Cli} says when a command that needs the vault itself finds the window holding it. */
    static final String HOLDS_THE_VAULT = "The Keyport window has the vault open. Beside it these commands work: keyport connect NAME"
            + " (opens a tab), keyport tunnel up|down NAME, keyport import FILE, keyport host list, keyport tunnel list."
            + " For this one, close the window and run it again.";

    /** Whether a Keyport window serves the data folder {@code dataDir} now. */
    static boolean isUp(Path dataDir) {
        return SingleInstance.isListening(dataDir.resolve(SingleInstance.SOCKET_FILE));
    }

    /**
     * Sends {@code request} to the window serving {@code dataDir}: its lines go to {@code out} as they
     * come, its answer to {@code out} (done) or {@code err} (refused); {@code hangUp} counted down
     * (Ctrl-C) tells it to stop. Empty when no window runs (the caller does the work itself).
     */
    static Optional<Integer> run(Path dataDir, InstanceRequest request, PrintWriter out, PrintWriter err, CountDownLatch hangUp) {
        Path socket = dataDir.resolve(SingleInstance.SOCKET_FILE);
        InstanceReply reply;
        try {
            reply = SingleInstance.converse(socket, request, line -> {
                out.println(Display.escape(line));
                out.flush();
            }, hangUp);
        } catch (SingleInstance.NotRunning e) {
            return Optional.empty();
        } catch (IOException e) {
            err.println("keyport: the Keyport window stopped answering (" + Display.escape(e.getMessage()) + "). If it closed, run this again.");
            err.flush();
            return Optional.of(Cli.FAILED);
        }
        if (!reply.message().isEmpty()) {
            PrintWriter to = reply.status() == 0 ? out : err;
            to.println((reply.status() == 0 ? "" : "keyport: ") + Display.escape(reply.message()));
            to.flush();
        }
        return Optional.of(reply.status());
    }

    static Optional<Integer> run(Path dataDir, InstanceRequest request, PrintWriter out, PrintWriter err) {
        return run(dataDir, request, out, err, new CountDownLatch(0));
    }
}
