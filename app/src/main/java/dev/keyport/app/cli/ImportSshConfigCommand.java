package dev.keyport.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.keyport.app.openssh.SshConfigImport;

/** {@code keyport import-ssh-config [FILE]}: hosts, keys and forwards from an OpenSSH client configuration. */
@Command(name = "import-ssh-config", mixinStandardHelpOptions = true, description = "Import the hosts of an OpenSSH client"
        + " configuration as ssh resolves them: HostName, User, Port, ProxyJump (as jump hosts), ServerAliveInterval, ForwardAgent,"
        + " the first IdentityFile (read into the vault; its passphrase from " + KeyCommand.PASSPHRASE_FILE_ENV + ", the terminal"
        + " or standard input) and the forwards (a tunnel \"ALIAS forwards\"). Running it again updates them, by name.")
public final class ImportSshConfigCommand extends VaultBoundCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The configuration (default: ~/.ssh/config)")
    Path file;

    @Override
    public Integer call() {
        return Cli.run(spec, env -> {
            Path home = Path.of(System.getProperty("user.home"));
            Path config = file != null ? file : home.resolve(".ssh").resolve("config");
            if (!Files.isRegularFile(config)) {
                throw new IOException("There is no ssh_config " + config + ".");
            }
            return Cli.withVault(spec, env, common, (vault, out) -> {
                vault.backup("before-import");
                SshConfigImport.Result result = new SshConfigImport(vault).importFrom(config, home, source -> {
                    try {
                        return env.passwords().secret(KeyCommand.PASSPHRASE_FILE_ENV, "Passphrase for " + source, false);
                    } catch (IOException e) {
                        return null;
                    }
                });
                result.lines().forEach(l -> out.println(Display.escape(l)));
                result.warnings().forEach(w -> out.println("Warning: " + Display.escape(w)));
                out.println("Imported " + config + ": " + result.added() + " added, " + result.updated() + " updated, "
                        + result.unchanged() + " unchanged; " + Cli.count(result.keysAdded(), "key", "keys") + " added, "
                        + Cli.count(result.tunnels(), "tunnel", "tunnels") + ".");
                return 0;
            });
        });
    }
}
