package dev.keyport.app.cli;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import dev.keyport.app.openssh.SshConfigExport;

/** {@code keyport export-ssh-config DIR}: DIR/config and DIR/known_hosts for OpenSSH. */
@Command(name = "export-ssh-config", mixinStandardHelpOptions = true, description = "Write the saved hosts as an OpenSSH client"
        + " configuration (DIR/config) and the trusted server keys as DIR/known_hosts; use them with"
        + " ssh -F DIR/config -o UserKnownHostsFile=DIR/known_hosts HOST. Existing files are not replaced.")
public final class ExportSshConfigCommand extends VaultBoundCommand {
    @Parameters(index = "0", paramLabel = "DIR", description = "The folder to write them in (made if missing)")
    Path dir;

    @Override
    public Integer call() {
        return Cli.withVault(spec, common, (vault, out) -> {
            SshConfigExport.Result result = new SshConfigExport(vault).export(dir);
            out.println("Wrote " + result.config() + " (" + Cli.count(result.hosts(), "host", "hosts") + ") and " + result.knownHosts()
                    + " (" + Cli.count(result.knownHostLines(), "key", "keys") + ").");
            result.notes().forEach(n -> out.println("Note: " + Display.escape(n)));
            return 0;
        });
    }
}
