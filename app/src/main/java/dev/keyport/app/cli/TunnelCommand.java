package dev.keyport.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.tunnels.ForwardStatus;
import dev.keyport.app.tunnels.Forwards;
import dev.keyport.app.tunnels.TunnelListener;
import dev.keyport.app.tunnels.TunnelProfiles;
import dev.keyport.app.tunnels.TunnelService;
import dev.keyport.app.tunnels.TunnelState;
import dev.keyport.app.tunnels.TunnelStatus;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/** {@code keyport tunnel add|list|rm|up}: saved port forwards. */
@Command(name = "tunnel", mixinStandardHelpOptions = true, description = {"Save, list, remove and run tunnels (saved port forwards).",
        "While the Keyport window is open, tunnel up, tunnel down and tunnel list are served by the window."},
        subcommands = {TunnelCommand.Add.class, TunnelCommand.ListTunnels.class, TunnelCommand.Remove.class, TunnelCommand.Up.class,
                TunnelCommand.Down.class})
public final class TunnelCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a tunnel through a saved host. Forwards are written as"
            + " OpenSSH writes them; give at least one.")
    static final class Add extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "What you call it, e.g. prod-db")
        String name;
        @Parameters(index = "1", paramLabel = "HOST", description = "The saved host to connect through (name or id)")
        String via;
        @Option(names = "-L", paramLabel = "[bind:]port:host:hostport", description = "A local forward; repeat for more")
        List<String> local = new ArrayList<>();
        @Option(names = "-R", paramLabel = "[bind:]port:host:hostport", description = "A remote forward; repeat for more")
        List<String> remote = new ArrayList<>();
        @Option(names = "-D", paramLabel = "[bind:]port", description = "A dynamic (SOCKS) forward; repeat for more")
        List<String> dynamic = new ArrayList<>();
        @Option(names = "--autostart", description = "Start it whenever Keyport opens the vault")
        boolean autostart;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                List<ForwardSpec> specs = parse(local, remote, dynamic);
                if (specs.isEmpty()) {
                    throw new IllegalArgumentException("Give at least one forward: -L, -R or -D.");
                }
                return Cli.withVault(spec, env, common, (vault, out) -> {
                    Host host = HostCommand.find(vault.hosts().list(), via);
                    List<ForwardProfile.Forward> forwards = specs.stream().map(Forwards::fromSpec).toList();
                    ForwardProfile profile = new ForwardProfile(UUID.randomUUID(), name, host.id(), autostart, forwards);
                    vault.forwardProfiles().save(profile);
                    out.println(Display.escape("Saved tunnel " + name + " through " + host.name() + ": "
                            + specs.stream().map(ForwardSpec::toOpenSsh).collect(Collectors.joining(" "))));
                    warnAboutOpenBinds(out, specs);
                    return 0;
                });
            });
        }
    }

    static List<ForwardSpec> parse(List<String> local, List<String> remote, List<String> dynamic) {
        List<ForwardSpec> specs = new ArrayList<>();
        local.forEach(text -> specs.add(ForwardSpec.parse('L', text)));
        remote.forEach(text -> specs.add(ForwardSpec.parse('R', text)));
        dynamic.forEach(text -> specs.add(ForwardSpec.parse('D', text)));
        return specs;
    }

    static void warnAboutOpenBinds(PrintWriter out, List<ForwardSpec> specs) {
        for (ForwardSpec spec : specs) {
            if (!spec.loopbackOnly()) {
                out.println("Warning: " + spec.toOpenSsh() + " listens beyond this machine; anyone who can reach that address can use it.");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List saved tunnels.")
    static final class ListTunnels extends VaultBoundCommand {

        @Override
        public Integer call() {
            return Cli.listBesideWindow(spec, common, InstanceRequest.TUNNEL_LIST, ListTunnels::print);
        }

        /** The table of saved tunnels, for this command and for the window serving it. */
        static void print(Vault vault, PrintWriter out) throws VaultException {
            Map<UUID, Host> hosts = HostCommand.byId(vault.hosts().list(), Host::id);
            Table.list(out, vault.forwardProfiles().list(), "No tunnels yet. Add one with: keyport tunnel add NAME HOST -L 5432:db.internal:5432",
                    new String[] {"NAME", "HOST", "FORWARDS", "AUTOSTART"}, p -> new String[] {p.name(),
                            hosts.containsKey(p.hostId()) ? hosts.get(p.hostId()).name() : "(missing host)",
                            Forwards.specs(p).stream().map(ForwardSpec::toOpenSsh).collect(Collectors.joining(" ")),
                            p.autostart() ? "yes" : "no"});
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a saved tunnel (by name or id).")
    static final class Remove extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String which;

        @Override
        public Integer call() {
            return Cli.withVault(spec, common, (vault, out) -> {
                TunnelProfiles profiles = new TunnelProfiles(vault.forwardProfiles(), vault.hosts());
                ForwardProfile profile = profiles.find(which);
                profiles.delete(profile.id());
                out.println("Removed tunnel " + Display.escape(profile.name()));
                return 0;
            });
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true, description = "Switch saved tunnels off in the Keyport window"
            + " (a tunnel run by tunnel up stops with Ctrl-C).")
    static final class Down extends VaultBoundCommand {
        @Parameters(index = "0..*", arity = "1..*", paramLabel = "NAME", description = "Saved tunnels (names or ids)")
        List<String> names;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Optional<Integer> beside = Cli.besideWindow(spec, env, common, InstanceRequest.of(InstanceRequest.TUNNEL_DOWN, names));
                if (beside.isPresent()) {
                    return beside.get();
                }
                throw new IllegalArgumentException("No Keyport window is running, so no tunnel is on: a tunnel runs while the window"
                        + " has it switched on or while keyport tunnel up runs (stop that one with Ctrl-C).");
            });
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = {"Run saved tunnels in the foreground until Ctrl-C or SIGTERM,"
            + " reconnecting when the connection drops. Each change of state is printed with the time.",
            "While the Keyport window is open, the window runs them (they show switched on there) and this command reports"
                    + " their states until Ctrl-C, which switches them off again.",
            "The vault's master password comes from KEYPORT_MASTER_PASSWORD_FILE, the terminal, or standard input."})
    public static final class Up extends VaultBoundCommand {
        @Parameters(index = "0..*", arity = "1..*", paramLabel = "NAME", description = "Saved tunnels (names or ids)")
        List<String> names;
        @Option(names = "--batch", description = "Never prompt (fail instead), like OpenSSH's BatchMode=yes")
        boolean batch;

        private final PrintStream err;
        private final java.io.Console console;
        private final CountDownLatch stop;

        public Up() {
            this(System.err, System.console(), new CountDownLatch(1));
        }

        /** For tests: {@code stop} counted down plays the part of Ctrl-C. */
        Up(PrintStream err, java.io.Console console, CountDownLatch stop) {
            this.err = err;
            this.console = console;
            this.stop = stop;
        }

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                SignalStop.install(stop);
                Optional<Integer> beside = Cli.besideWindow(spec, env, common, InstanceRequest.of(InstanceRequest.TUNNEL_UP, names), stop);
                return beside.isPresent() ? beside.get() : runHere();
            });
        }

        private int runHere() {
            return Cli.withContext(spec, common, new ConsolePrompter(console, err, batch), (context, out) -> {
                List<ForwardProfile> profiles = new ArrayList<>();
                for (String name : names) {
                    profiles.add(context.tunnelProfiles().find(name));
                }
                TunnelService tunnels = context.tunnels();
                Map<UUID, String> last = new ConcurrentHashMap<>();
                TunnelListener printer = status -> {
                    String line = describe(status);
                    if (!line.equals(last.put(status.id(), line))) {
                        out.println(Display.escape(stamped(status.profile().name() + ": " + line)));
                        out.flush();
                    }
                };
                tunnels.addListener(printer);
                profiles.forEach(tunnels::switchOn);
                try {
                    stop.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (ForwardProfile profile : profiles) {
                    tunnels.switchOffAndWait(profile.id());
                    out.println(Display.escape(stamped(profile.name() + ": off")));
                }
                out.flush();
                return 0;
            });
        }

        /** "14:02:11 TEXT": a line of {@code tunnel up}'s output. */
        static String stamped(String text) {
            return LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + text;
        }

        /** State and ports, without the counters (they would print a line a second). */
        static String describe(TunnelStatus status) {
            StringBuilder line = new StringBuilder(TunnelState.describe(status.state()));
            if (status.state() instanceof TunnelState.On) {
                List<String> parts = new ArrayList<>();
                for (ForwardStatus f : status.forwards()) {
                    parts.add(f.spec().toOpenSsh() + (f.problem().isEmpty() ? " (listening on port " + f.boundPort() + ")" : " failed: " + f.problem()));
                }
                line.append(": ").append(String.join("; ", parts));
            }
            return line.toString();
        }
    }
}
