package dev.keyport.app.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.session.Session;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.vault.Host;

/** {@code keyport connect NAME -- COMMAND}: {@code keyport ssh} for a host saved in the vault. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Run COMMAND on a saved host (by name or id) with its saved user, key or password, jump hosts and"
                + " host-key policy, and exit with the command's exit status.",
                "Without COMMAND, while the Keyport window is open: open a terminal tab on the host in the window.",
                "The vault's master password comes from KEYPORT_MASTER_PASSWORD_FILE, the terminal, or standard input."})
public final class ConnectCommand extends VaultBoundCommand {

    @Parameters(index = "0", paramLabel = "HOST", description = "The saved host's name or id")
    String which;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*", description = "The command, after --")
    List<String> command = new java.util.ArrayList<>();

    @Option(names = "--batch", description = "Never prompt (fail instead), like OpenSSH's BatchMode=yes")
    boolean batch;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final java.io.Console console;

    public ConnectCommand() {
        this(System.in, System.out, System.err, System.console());
    }

    ConnectCommand(InputStream in, PrintStream out, PrintStream err, java.io.Console console) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    @Override
    public Integer call() {
        if (command.isEmpty()) {
            return Cli.run(spec, env -> {
                java.util.Optional<Integer> beside = Cli.besideWindow(spec, env, common,
                        InstanceRequest.of(InstanceRequest.CONNECT, List.of(which)));
                if (beside.isPresent()) {
                    return beside.get();
                }
                throw new IllegalArgumentException("Give a command to run on " + which + " (keyport connect " + which
                        + " -- COMMAND), or open the Keyport window first: beside it, keyport connect " + which + " opens a tab there.");
            });
        }
        return Cli.withContext(spec, common, new ConsolePrompter(console, err, batch), (context, cliOut) -> {
            Host host = HostCommand.find(context.hosts().list(), which);
            try (Session session = context.sessions().connect(host)) {
                SshConnection connection = session.connection().orElseThrow();
                int status = connection.exec(String.join(" ", command), in, out, err, Duration.ZERO);
                out.flush();
                return status < 0 ? SshCommand.FAILED : status;
            } catch (SshFailure e) {
                // SSH problems exit like OpenSSH's (255); vault problems go to Cli.run (exit 1)
                err.println("keyport: " + Display.escape(UserMessages.of(e)));
                return SshCommand.FAILED;
            }
        });
    }
}
