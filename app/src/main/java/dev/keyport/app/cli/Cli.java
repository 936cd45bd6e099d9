package dev.keyport.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Model.CommandSpec;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.syncformat.TeamFileException;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/** Shared plumbing: run a command body, print readable errors, return exit codes. */
final class Cli {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cli.class);

    /** Exit code for a failure a person can fix (wrong password, missing vault, unreadable key). */
    static final int FAILED = 1;

    private Cli() {
    }

    interface Body {
        int run(CliEnvironment env) throws VaultException, IOException, KeyCodecException, TeamFileException;
    }

    static int run(CommandSpec spec, Body body) {
        Object root = spec.root().userObject();
        CliEnvironment env = root instanceof CliRoot h ? h.environment() : CliEnvironment.fromProcess();
        try {
            return body.run(env);
        } catch (VaultException | IOException | KeyCodecException | TeamFileException | IllegalArgumentException e) {
            LOG.debug("keyport {} failed", spec.qualifiedName(), e);
            spec.commandLine().getErr().println("keyport: " + Display.escape(UserMessages.of(e)));
            return FAILED;
        }
    }

    /** What a command does with the unlocked vault; {@code out} is the command's standard output. */
    interface VaultBody {
        int run(Vault vault, PrintWriter out) throws VaultException, IOException, KeyCodecException, TeamFileException;
    }

    /**
     * {@link #run} with the vault unlocked: unlock (master password as {@link VaultAccess#unlock} reads it),
     * run {@code body}, lock again however it ends. Errors print as {@code keyport: <message>}, exit 1.
     */
    static int withVault(CommandSpec spec, CommonOptions common, VaultBody body) {
        return run(spec, env -> withVault(spec, env, common, body));
    }

    /** Unlock, run {@code body}, lock: for a {@link #run} body that checks its input before asking for the password. */
    static int withVault(CommandSpec spec, CliEnvironment env, CommonOptions common, VaultBody body)
            throws VaultException, IOException, KeyCodecException, TeamFileException {
        Path dataDir = env.dataDirectory(common.dataDir);
        if (Vault.exists(dataDir) && RunningWindow.isUp(dataDir)) {
            throw new VaultException(RunningWindow.HOLDS_THE_VAULT); // at once: waiting for the window's lock is pointless
        }
        try (Vault vault = VaultAccess.unlock(dataDir, env.passwords(), "keyport " + spec.qualifiedName(" ")
                .replaceFirst("^keyport ", ""))) {
            return body.run(vault, spec.commandLine().getOut());
        }
    }

    /**
     * Sends {@code request} to the Keyport window when one holds the vault of this data folder (see
     * {@link RunningWindow}): its exit status, or empty when no window runs and the command does the work itself.
     */
    static Optional<Integer> besideWindow(CommandSpec spec, CliEnvironment env, CommonOptions common, InstanceRequest request,
            CountDownLatch hangUp) {
        return RunningWindow.run(env.dataDirectory(common.dataDir), request, spec.commandLine().getOut(), spec.commandLine().getErr(), hangUp);
    }

    static Optional<Integer> besideWindow(CommandSpec spec, CliEnvironment env, CommonOptions common, InstanceRequest request) {
        return besideWindow(spec, env, common, request, new CountDownLatch(0));
    }

    /** Prints the table of a {@code list} command from the unlocked vault. */
    interface Listing {
        void print(Vault vault, PrintWriter out) throws VaultException;
    }

    /**
     * A {@code list} command: the Keyport window prints the table when it holds the vault of this data folder
     * ({@code request}, see {@link RunningWindow}); otherwise {@code listing} prints it here, with the vault unlocked
     * for it and locked again.
     */
    static int listBesideWindow(CommandSpec spec, CommonOptions common, String request, Listing listing) {
        return run(spec, env -> {
            Optional<Integer> beside = besideWindow(spec, env, common, InstanceRequest.of(request, List.of()));
            if (beside.isPresent()) {
                return beside.get();
            }
            return withVault(spec, env, common, (vault, out) -> {
                listing.print(vault, out);
                return 0;
            });
        });
    }

    /** A command body that works with the application's services. */
    interface ContextBody {
        int run(KeyportContext context, PrintWriter out) throws VaultException, IOException, KeyCodecException, TeamFileException;
    }

    /**
     * Unlock, build the application's services on the vault (the same composition root as the window),
     * run {@code body}, close everything: SSH connections, then the vault.
     */
    static int withContext(CommandSpec spec, CommonOptions common, UserPrompter prompter, ContextBody body) {
        return withVault(spec, common, (vault, out) -> {
            try (KeyportContext context = new KeyportContext(vault, prompter)) {
                return body.run(context, out);
            }
        });
    }

    /** "1 host", "2 hosts". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static boolean isOpenElsewhere(Path dir) {
        return dev.keyport.app.services.VaultLockProbe.isOpenElsewhere(dir);
    }
}
