package dev.keyport.app.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.keyport.app.openssh.KnownHostsImport;
import dev.keyport.app.openssh.ServerKeys;

/** {@code keyport known-hosts import FILE|list}: the server keys Keyport trusts. */
@Command(name = "known-hosts", mixinStandardHelpOptions = true, description = "Import and list the server keys Keyport trusts.",
        subcommands = {KnownHostsCommand.Import.class, KnownHostsCommand.ListKeys.class})
public final class KnownHostsCommand {

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Trust the keys of an OpenSSH known_hosts file. Hashed"
            + " lines hide their host name: they are imported for the saved hosts whose address and port they match, and skipped"
            + " otherwise. A key that contradicts one you trust is not imported.")
    static final class Import extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "e.g. ~/.ssh/known_hosts")
        Path file;

        @Override
        public Integer call() {
            return Cli.withVault(spec, common, (vault, out) -> {
                vault.backup("before-import");
                KnownHostsImport.Result result = new KnownHostsImport(vault).importFrom(file);
                result.lines().forEach(l -> out.println(Display.escape(l)));
                result.warnings().forEach(w -> out.println("Skipped: " + Display.escape(w)));
                out.println("Imported " + file + ": " + Cli.count(result.trusted(), "key", "keys") + " newly trusted, "
                        + result.alreadyTrusted() + " already trusted, " + result.conflicts() + " not imported (another key is trusted);"
                        + " skipped " + Cli.count(result.hashedSkipped(), "hashed line that matches", "hashed lines that match")
                        + " no saved host and " + Cli.count(result.patternsOnly(), "line", "lines") + " with patterns only.");
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the trusted server keys: host, port, type, fingerprint, from where.")
    static final class ListKeys extends VaultBoundCommand {

        @Override
        public Integer call() {
            return Cli.withVault(spec, common, (vault, out) -> {
                Table.list(out, vault.hostKeys().list(), "No trusted server keys yet. Keyport asks when it first meets a server, or:"
                        + " keyport known-hosts import FILE", new String[] {"HOST", "PORT", "TYPE", "FINGERPRINT", "FROM"},
                        k -> new String[] {k.host(), String.valueOf(k.port()), k.keyType(), ServerKeys.fingerprint(k.keyType(), k.keyData()),
                                k.source()});
                return 0;
            });
        }
    }
}
