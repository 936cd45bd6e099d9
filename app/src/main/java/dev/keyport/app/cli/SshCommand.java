package dev.keyport.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.services.BoundedFile;
import dev.keyport.app.services.Destination;
import dev.keyport.app.services.SecretFile;
import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.HostKeyPolicy;
import dev.keyport.terminal.SessionOptions;
import dev.keyport.terminal.LoginRefusedFailure;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.terminal.tunnel.Forwarding;

/**
 * {@code keyport ssh [-N] [-L|-R|-D SPEC]... [user@]host[:port] [-- COMMAND]}: runs a command, or only
 * forwards ports, over Keyport's session layer, like {@code ssh}.
 */
@Command(name = "ssh", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run COMMAND on a server over Keyport's SSH session layer and exit with its exit status; without a"
                + " COMMAND, open the login shell in this terminal (raw mode, window-size changes followed) and exit with its status;"
                + " with -N, only forward ports until Ctrl-C or SIGTERM.",
                "A password is read from the file named by KEYPORT_PASSWORD_FILE when set."})
public final class SshCommand implements Callable<Integer> {

    /** Exit status for Keyport's own errors, as ssh uses 255. */
    static final int FAILED = 255;

    /** Names the file holding the password, when set. */
    static final String PASSWORD_FILE_ENV = "KEYPORT_PASSWORD_FILE";

    @Parameters(index = "0", paramLabel = "[user@]host[:port]")
    String destination;

    @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*", description = "The command, after --")
    List<String> command = new ArrayList<>();

    @Option(names = "-N", description = "Run no command: only forward ports, until Ctrl-C or SIGTERM")
    boolean noCommand;

    @Option(names = "-t", description = "Ask for a PTY: for a COMMAND too (as ssh -t), and for the shell even when standard input is not a"
            + " terminal (the default for a shell on a terminal)")
    boolean forcePty;

    @Option(names = "-T", description = "Ask for no PTY")
    boolean noPty;

    @Option(names = "-L", paramLabel = "[bind:]port:host:hostport", description = "Local forward (may repeat)")
    List<String> localForwards = new ArrayList<>();

    @Option(names = "-R", paramLabel = "[bind:]port:host:hostport", description = "Remote forward (may repeat)")
    List<String> remoteForwards = new ArrayList<>();

    @Option(names = "-D", paramLabel = "[bind:]port", description = "Dynamic (SOCKS) forward (may repeat)")
    List<String> dynamicForwards = new ArrayList<>();

    @Option(names = "-p", paramLabel = "PORT", description = "Port to connect to (default 22)")
    Integer port;

    @Option(names = "-l", paramLabel = "USER", description = "User to log in as")
    String login;

    @Option(names = "-i", paramLabel = "IDENTITY_FILE", description = "Private key file (may repeat)")
    List<Path> identities = new ArrayList<>();

    @Option(names = "-J", paramLabel = "JUMP[,JUMP]", description = "Jump hosts, [user@]host[:port], first hop first")
    String jumps;

    @Option(names = "-o", paramLabel = "Option=value", description = "StrictHostKeyChecking=ask|accept-new|yes, UserKnownHostsFile=FILE,"
            + " BatchMode=yes, ConnectTimeout=S, ServerAliveInterval=S, ServerAliveCountMax=N, ForwardAgent=yes,"
            + " ExitOnForwardFailure=yes")
    List<String> options = new ArrayList<>();

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final java.io.Console console;
    private final java.io.InputStream in;

    public SshCommand() {
        this(System.getenv(), System.in, System.out, System.err, System.console());
    }

    SshCommand(Map<String, String> env, java.io.InputStream in, PrintStream out, PrintStream err, java.io.Console console) {
        this.env = env;
        this.in = in;
        this.out = out;
        this.err = err;
        this.console = console;
    }

    @Override
    public Integer call() {
        char[] password = null;
        try {
            Settings settings = Settings.parse(options);
            password = SecretFile.read(env, PASSWORD_FILE_ENV);
            ConnectionSpec spec = spec(Destination.parse(destination), port, login, settings, password);
            List<ConnectionSpec> hops = new ArrayList<>();
            if (jumps != null && !jumps.isBlank()) {
                for (String jump : jumps.split(",")) {
                    hops.add(spec(Destination.parse(jump), null, null, settings, password));
                }
            }
            spec = spec.withJumps(hops);
            KnownHostsFile knownHosts = KnownHostsFile.of(settings.knownHostsFile, false);
            List<ForwardSpec> forwards = TunnelCommand.parse(localForwards, remoteForwards, dynamicForwards);
            if (forcePty && noPty) {
                throw new IllegalArgumentException("-t asks for a PTY and -T for none: give one of them.");
            }
            try (SshConnector ssh = new SshConnector(knownHosts, new ConsolePrompter(console, err, settings.batch));
                 SshConnection connection = ssh.connect(spec)) {
                List<Forwarding> running = new ArrayList<>();
                try {
                    for (ForwardSpec forward : forwards) {
                        try {
                            running.add(connection.startForward(forward));
                        } catch (SshFailure e) {
                            err.println("keyport: " + forward.toOpenSsh() + " failed: " + Display.escape(UserMessages.of(e)));
                            if (settings.exitOnForwardFailure) {
                                return FAILED;
                            }
                        }
                    }
                    if (noCommand) {
                        return waitForStop(connection);
                    }
                    if (command.isEmpty()) {
                        // like ssh: the login shell, with a PTY when this is a terminal (or -t), none with -T
                        boolean pty = !noPty && (forcePty || console != null);
                        int status = InteractiveShell.run(connection, pty, in, out);
                        return status < 0 ? FAILED : status;
                    }
                    if (forcePty) {
                        // like ssh -t: the command on a PTY (its stderr comes through the PTY, as with ssh)
                        int status = InteractiveShell.run(connection, Optional.of(String.join(" ", command)), true, in, out);
                        return status < 0 ? FAILED : status;
                    }
                    int status = connection.exec(String.join(" ", command), in, out, err, Duration.ZERO);
                    out.flush();
                    return status < 0 ? FAILED : status;
                } finally {
                    running.forEach(Forwarding::close);
                }
            }
        } catch (LoginRefusedFailure e) {
            err.println("keyport: " + Display.escape(refusal(e)));
            return FAILED;
        } catch (SshFailure e) {
            err.println("keyport: " + Display.escape(UserMessages.of(e)));
            return FAILED;
        } catch (IllegalArgumentException | IOException e) {
            err.println("keyport: " + Display.escape(UserMessages.of(e)));
            return FAILED;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** What the server takes and Keyport lacked, with what to do about it on this command line. */
    static String refusal(LoginRefusedFailure e) {
        return e.facts() + switch (e.lacking()) {
            case KEY -> ": give one with -i FILE (or put it in ~/.ssh/id_ed25519, id_ecdsa or id_rsa), or add it to an SSH agent"
                    + " with ssh-add.";
            case PASSWORD -> ": type it when asked (BatchMode=yes never asks), or name a file holding it in " + PASSWORD_FILE_ENV + ".";
            case KEY_OR_PASSWORD -> ": give a key with -i FILE or add it to an SSH agent with ssh-add, or type the password when asked.";
            case SUPPORTED_METHOD -> ": ask the server's administrator to allow one of them for this account.";
        };
    }

    /** -N: until Ctrl-C or SIGTERM (exit 0), or until the connection drops (exit 255, as ssh). */
    private int waitForStop(SshConnection connection) {
        CountDownLatch stop = new CountDownLatch(1);
        SignalStop.install(stop);
        try {
            while (!stop.await(200, TimeUnit.MILLISECONDS)) {
                if (!connection.isOpen()) {
                    err.println("keyport: the connection to " + Display.escape(connection.spec().displayName()) + " was closed");
                    return FAILED;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private ConnectionSpec spec(Destination target, Integer portOption, String loginOption, Settings settings, char[] password)
            throws IOException {
        String user = loginOption != null ? loginOption : target.user().orElse(System.getProperty("user.name"));
        int p = portOption != null ? portOption : target.port().orElse(ConnectionSpec.DEFAULT_PORT);
        List<Credential> credentials = new ArrayList<>();
        for (Path identity : identitiesOrDefaults()) {
            try {
                credentials.add(new Credential.PrivateKey(identity.getFileName().toString(), BoundedFile.read(identity, BoundedFile.KEY)));
            } catch (BoundedFile.TooLargeException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("Cannot read identity file " + identity + ": " + e.getMessage(), e);
            }
        }
        credentials.add(password != null ? new Credential.Password(password.clone()) : Credential.Password.askWhenNeeded());
        SessionOptions opts = SessionOptions.DEFAULTS.withHostKeyPolicy(settings.policy)
                .withAgent(true, settings.forwardAgent)
                .withKeepAlive(settings.aliveInterval, settings.aliveCountMax);
        return new ConnectionSpec(target.host(), target.host(), p, user, credentials, settings.connectTimeout, opts, List.of());
    }

    private List<Path> identitiesOrDefaults() {
        if (!identities.isEmpty()) {
            return identities;
        }
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        List<Path> found = new ArrayList<>();
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isReadable(ssh.resolve(name))) {
                found.add(ssh.resolve(name));
            }
        }
        return found;
    }

    /** The {@code -o} options Keyport understands. */
    static final class Settings {
        HostKeyPolicy policy = HostKeyPolicy.ASK;
        Path knownHostsFile = KnownHostsFile.defaultFile();
        boolean batch;
        boolean forwardAgent;
        boolean exitOnForwardFailure;
        Duration connectTimeout = ConnectionSpec.DEFAULT_CONNECT_TIMEOUT;
        Duration aliveInterval = SessionOptions.DEFAULTS.keepAliveInterval();
        int aliveCountMax = SessionOptions.DEFAULTS.keepAliveCountMax();

        static Settings parse(List<String> options) {
            Settings s = new Settings();
            for (String option : options) {
                int eq = option.indexOf('=');
                if (eq < 0) {
                    eq = option.indexOf(' ');
                }
                if (eq <= 0) {
                    throw new IllegalArgumentException("Expected -o Option=value, got '" + option + "'");
                }
                String key = option.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                String value = option.substring(eq + 1).strip();
                switch (key) {
                    case "stricthostkeychecking":
                        s.policy = HostKeyPolicy.parse(value);
                        break;
                    case "userknownhostsfile":
                        s.knownHostsFile = Path.of(value.replaceFirst("^~(?=/|$)", System.getProperty("user.home")));
                        break;
                    case "batchmode":
                        s.batch = yes(value, key);
                        break;
                    case "forwardagent":
                        s.forwardAgent = yes(value, key);
                        break;
                    case "exitonforwardfailure":
                        s.exitOnForwardFailure = yes(value, key);
                        break;
                    case "connecttimeout":
                        s.connectTimeout = Duration.ofSeconds(positive(value, key));
                        break;
                    case "serveraliveinterval":
                        s.aliveInterval = Duration.ofSeconds(positive(value, key));
                        break;
                    case "serveralivecountmax":
                        s.aliveCountMax = (int) positive(value, key);
                        break;
                    default:
                        throw new IllegalArgumentException("Unsupported option -o " + option.substring(0, eq)
                                + " (Keyport knows StrictHostKeyChecking, UserKnownHostsFile, BatchMode, ConnectTimeout,"
                                + " ServerAliveInterval, ServerAliveCountMax, ForwardAgent, ExitOnForwardFailure)");
                }
            }
            return s;
        }

        private static boolean yes(String value, String key) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "yes":
                    return true;
                case "no":
                    return false;
                default:
                    throw new IllegalArgumentException(key + " must be yes or no, was '" + value + "'");
            }
        }

        private static long positive(String value, String key) {
            try {
                long n = Long.parseLong(value);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number of seconds, was '" + value + "'");
            }
        }
    }
}
