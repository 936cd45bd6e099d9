package dev.keyport.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.services.Destination;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/** {@code keyport host add|list|rm}. */
@Command(name = "host", mixinStandardHelpOptions = true, description = "Add, list and remove saved hosts.",
        subcommands = {HostCommand.Add.class, HostCommand.ListHosts.class, HostCommand.Remove.class})
public final class HostCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a host. Without --key-file or --key, the password is asked when connecting.")
    static final class Add extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "What you call it, e.g. db.internal")
        String name;
        @Parameters(index = "1", paramLabel = "[USER@]ADDRESS[:PORT]", description = "Where it is")
        String target;
        @Option(names = {"-p", "--port"}, description = "SSH port (default 22)")
        Integer port;
        @Option(names = {"-u", "--user"}, description = "User name (default: yours)")
        String user;
        @Option(names = "--key-file", paramLabel = "FILE", description = "Log in with this private key file")
        String keyFile;
        @Option(names = "--key", paramLabel = "KEY", description = "Log in with this key from the vault (name or id)")
        String vaultKey;
        @Option(names = {"-g", "--group"}, paramLabel = "GROUP", description = "Put it in this group (created if missing)")
        String group;
        @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "A tag; repeat for more")
        List<String> tags = new ArrayList<>();

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Destination destination = Destination.parse(target);
                String address = destination.host();
                String login = user != null ? user : destination.user().orElse(System.getProperty("user.name", "root"));
                int portNumber = port != null ? port : destination.port().orElse(22);
                if (keyFile != null && vaultKey != null) {
                    throw new IllegalArgumentException("Choose --key-file or --key, not both.");
                }
                return Cli.withVault(spec, env, common, (vault, out) -> {
                    HostAuth auth = new HostAuth.Password();
                    if (keyFile != null) {
                        auth = new HostAuth.KeyFile(keyFile);
                    } else if (vaultKey != null) {
                        auth = new HostAuth.VaultKey(KeyCommand.findKey(vault, vaultKey).id());
                    }
                    HostDetails details = HostDetails.NONE.withTags(tags);
                    if (group != null) {
                        details = details.withGroup(findOrCreateGroup(vault, group).id());
                    }
                    Host host = Host.create(name, address, portNumber, login, auth).withDetails(details);
                    vault.hosts().save(host);
                    out.println(Display.escape("Saved " + host.name() + " (" + Destination.display(login, address, portNumber, true) + ", id " + host.id() + ")"));
                    return 0;
                });
            });
        }

        private static HostGroup findOrCreateGroup(Vault vault, String name) throws VaultException {
            for (HostGroup g : vault.groups().list()) {
                if (g.name().equalsIgnoreCase(name.strip())) {
                    return g;
                }
            }
            HostGroup created = HostGroup.create(name, null);
            vault.groups().save(created);
            return created;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List saved hosts.")
    static final class ListHosts extends VaultBoundCommand {

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Optional<Integer> beside = Cli.besideWindow(spec, env, common, InstanceRequest.of(InstanceRequest.HOST_LIST, List.of()));
                if (beside.isPresent()) {
                    return beside.get();
                }
                return Cli.withVault(spec, env, common, (vault, out) -> {
                    print(vault, out);
                    return 0;
                });
            });
        }

        /** The table of saved hosts (no secret in it), for this command and for the window serving it. */
        static void print(Vault vault, PrintWriter out) throws VaultException {
            List<Host> hosts = vault.hosts().list();
            Map<UUID, String> groups = vault.groups().list().stream().collect(Collectors.toMap(HostGroup::id, HostGroup::name));
            Map<UUID, String> keys = vault.keys().list().stream().collect(Collectors.toMap(KeyEntry::id, KeyEntry::name));
            Table.list(out, hosts, "No hosts yet. Add one with: keyport host add NAME USER@ADDRESS",
                    new String[] {"NAME", "TARGET", "LOGIN", "GROUP", "TAGS"}, h -> new String[] {h.name(),
                            Destination.display(h.username(), h.address(), h.port(), true), describe(h.auth(), keys),
                            h.details().groupId().map(groups::get).orElse("-"),
                            h.details().tags().isEmpty() ? "-" : String.join(",", h.details().tags())});
        }

        private static String describe(HostAuth auth, Map<UUID, String> keys) {
            if (auth instanceof HostAuth.KeyFile f) {
                return "key file " + f.path();
            }
            if (auth instanceof HostAuth.VaultKey k) {
                return "key " + keys.getOrDefault(k.keyId(), k.keyId().toString());
            }
            if (auth instanceof HostAuth.SavedPassword) {
                return "saved password";
            }
            if (auth instanceof HostAuth.Managed) {
                return "managed";
            }
            if (auth instanceof HostAuth.Agent) {
                return "SSH agent only";
            }
            return "password (asked)";
        }
    }

    @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a saved host (by name or id).")
    static final class Remove extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "HOST", description = "Name or id")
        String which;

        @Override
        public Integer call() {
            return Cli.withVault(spec, common, (vault, out) -> {
                Host host = find(vault.hosts().list(), which);
                vault.hosts().delete(host.id());
                out.println("Removed " + Display.escape(host.name()));
                return 0;
            });
        }
    }

    static Host find(List<Host> hosts, String which) throws VaultException {
        Optional<Host> byId = hosts.stream().filter(h -> h.id().toString().equalsIgnoreCase(which)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Host> byName = hosts.stream().filter(h -> h.name().toLowerCase(Locale.ROOT).equals(which.toLowerCase(Locale.ROOT))).toList();
        if (byName.isEmpty()) {
            throw new VaultException("There is no host called " + which + ". See: keyport host list");
        }
        if (byName.size() > 1) {
            throw new VaultException(byName.size() + " hosts are called " + which + "; name one by id: "
                    + byName.stream().map(h -> h.id().toString()).collect(Collectors.joining(", ")));
        }
        return byName.get(0);
    }

    static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
