package dev.keyport.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.cli.CliEnvironment;
import dev.keyport.app.cli.CliRoot;
import dev.keyport.app.cli.ConnectCommand;
import dev.keyport.app.cli.ExportCommand;
import dev.keyport.app.cli.ExportSshConfigCommand;
import dev.keyport.app.cli.HostCommand;
import dev.keyport.app.cli.ImportCommand;
import dev.keyport.app.cli.ImportSshConfigCommand;
import dev.keyport.app.cli.KnownHostsCommand;
import dev.keyport.app.cli.KeyCommand;
import dev.keyport.app.cli.Logging;
import dev.keyport.app.cli.SshCommand;
import dev.keyport.app.cli.TunnelCommand;
import dev.keyport.app.cli.UserMessages;
import dev.keyport.app.cli.VaultCommand;
import dev.keyport.app.services.TerminalPreferences;

/** {@code keyport}: with no arguments starts the desktop app. */
@Command(name = "keyport", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Keyport, a desktop SSH connection manager.",
        subcommands = {VaultCommand.class, HostCommand.class, KeyCommand.class, SshCommand.class, ConnectCommand.class,
                TunnelCommand.class, ExportCommand.class, ImportCommand.class, ImportSshConfigCommand.class, ExportSshConfigCommand.class,
                KnownHostsCommand.class})
public final class Main implements Callable<Integer>, CliRoot {

    private final CliEnvironment environment;

    public Main() {
        this(CliEnvironment.fromProcess());
    }

    /** For tests: their own environment, password input and KDF cost. */
    public Main(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CliEnvironment environment() {
        return environment;
    }

    @Option(names = "--demo", description = "Start with a throwaway vault and a built-in SSH server on 127.0.0.1 to try Keyport.")
    boolean demo;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the vault lives (default: the platform's data folder; also KEYPORT_DATA_DIR).")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scrollback", paramLabel = "LINES",
            description = "Lines of history each terminal keeps, for this run (0 to 100000; default: the saved setting, 10000 unless changed in Settings).")
    Integer scrollback;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TEAM_FILE",
            description = "A team file (.keyport) to open in the import preview; a Keyport already running opens it in its window.")
    Path teamFile;

    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Also show the log on stderr (it is always in logs/keyport.log in the data folder).")
    boolean verbose;

    public static void main(String[] args) {
        dev.keyport.app.startup.StartupTrace.mark("main");
        dev.keyport.app.startup.ExitWatchdog.install(); // Keyport ends when asked, even if a shutdown hook hangs
        startToolkitEarly(args);
        System.exit(commandLine(new Main()).execute(args));
    }

    /**
     * For the desktop app (no command, no --help or --version), begins the JavaFX toolkit's start now, on
     * its own thread, while this thread parses the arguments and sets up logging (docs/benchmarks.md,
     * "Start-up"); the desktop app waits for it. Commands never start it.
     */
    public static void startToolkitEarly(String[] args) {
        if (desktopLaunch(args) && dev.keyport.app.startup.DisplayCheck.problem().isEmpty() && !anotherKeyportHoldsTheDataFolder(args)) {
            dev.keyport.app.startup.EarlyToolkit.begin(() -> dev.keyport.app.ui.shell.Theme.apply(false));
        }
    }

    /**
     * True when a Keyport holds the data folder: this launch will most likely hand its request over and
     * exit, needing no toolkit. A socket file left by a Keyport that was killed does not count (it did
     * once, and every start after a crash lost the early toolkit).
     */
    static boolean anotherKeyportHoldsTheDataFolder(String[] args) {
        if (java.util.Arrays.asList(args).contains("--demo")) {
            return false; // the demo has a throwaway folder of its own
        }
        Path override = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                override = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data-dir=")) {
                override = Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        try {
            Path dataDir = dev.keyport.vault.DataDirectories.resolve(Optional.ofNullable(override));
            return dev.keyport.app.instance.SingleInstance.isHeld(dataDir);
        } catch (RuntimeException e) {
            return true; // no guess: start the toolkit the usual way, after the claim
        }
    }

    /** True when {@code args} start the desktop app: none of them names a command or asks for help or the version. */
    static boolean desktopLaunch(String[] args) {
        java.util.Set<String> commands = new java.util.HashSet<>(java.util.List.of("-h", "--help", "-V", "--version"));
        for (Class<?> command : Main.class.getAnnotation(Command.class).subcommands()) {
            Command annotation = command.getAnnotation(Command.class);
            commands.add(annotation.name());
            commands.addAll(java.util.List.of(annotation.aliases()));
        }
        for (String arg : args) {
            if (commands.contains(arg)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The command line as {@code main} runs it: logging set up from the parsed options before a command
     * runs (quiet unless -v, the full log in the data folder), and an error no command expected printed
     * as one line without a stack trace (the trace goes to the log file).
     */
    public static CommandLine commandLine(Main main) {
        return commandLine(main, CommandLine.defaultFactory(), true);
    }

    /**
     * As {@link #commandLine(Main)}, with the commands made by {@code factory} (tests hand in their own
     * streams) and the process's logging left alone unless {@code configureLogging}.
     */
    public static CommandLine commandLine(Main main, CommandLine.IFactory factory, boolean configureLogging) {
        CommandLine cli = new CommandLine(main, factory);
        cli.setOut(dev.keyport.app.cli.Display.terminalWriter(System.out));
        cli.setErr(dev.keyport.app.cli.Display.terminalWriter(System.err));
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setExecutionStrategy(parsed -> {
            CommandLine.ParseResult last = parsed;
            Path dataDir = main.dataDir;
            while (last.hasSubcommand()) {
                last = last.subcommand();
                Path given = last.matchedOptionValue("--data-dir", null);
                dataDir = given != null ? given : dataDir;
            }
            boolean command = parsed.hasSubcommand();
            Path data = main.environment.dataDirectory(dataDir);
            if (configureLogging) {
                Logging.configure(data, main.verbose ? Logging.Console.VERBOSE : command ? Logging.Console.QUIET : Logging.Console.WARNINGS);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("Unexpected failure in keyport {}", commandLine.getCommandName(), e);
            commandLine.getErr().println("keyport: " + UserMessages.unexpected(e, main.environment.dataDirectory(main.dataDir)));
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() {
        if (scrollback != null && !TerminalPreferences.validScrollback(scrollback)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "keyport: --scrollback must be between "
                    + TerminalPreferences.MIN_SCROLLBACK + " and " + TerminalPreferences.MAX_SCROLLBACK + " lines, not " + scrollback);
        }
        if (teamFile != null && !java.nio.file.Files.isRegularFile(teamFile)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "keyport: " + teamFile + " is not a file (and not a command)."
                    + " Give the path of a team file to import, or see keyport --help for the commands.");
        }
        Optional<String> noDisplay = dev.keyport.app.startup.DisplayCheck.problem();
        if (noDisplay.isPresent()) {
            spec.commandLine().getErr().println("keyport: " + noDisplay.get());
            return 1;
        }
        return DesktopApp.run(Optional.ofNullable(dataDir), demo, Optional.ofNullable(scrollback), Optional.ofNullable(teamFile));
    }

    /** The version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"Keyport " + number()};
        }

        /** The version number alone ("0.1.0"), or "unknown" in a build without it. */
        static String number() throws IOException {
            Properties props = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/dev/keyport/app/version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return props.getProperty("version", "unknown");
        }
    }
}
