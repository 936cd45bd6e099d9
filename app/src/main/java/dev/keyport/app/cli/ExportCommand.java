package dev.keyport.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.teamfile.ExportReport;
import dev.keyport.app.teamfile.TeamFileService;

/** {@code keyport export FILE [--include-secrets] [--passphrase-file F]}: the whole vault as a team file. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the whole vault to a team file to share (e.g. in git)."
        + " Secrets (saved passwords, private keys) only with --include-secrets, encrypted under a passphrase from --passphrase-file,"
        + " the file in " + TeamPassphrase.FILE_ENV + ", the terminal (typed twice), or standard input."
        + " Exporting over an earlier export keeps what did not change byte for byte.")
public final class ExportCommand extends VaultBoundCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The team file to write, e.g. team.keyport (replaced if it exists)")
    Path file;
    @Option(names = "--include-secrets", description = "Also write saved passwords, private keys and key passphrases, encrypted")
    boolean includeSecrets;
    @Option(names = "--passphrase-file", paramLabel = "F", description = "Read the export passphrase from the first line of F")
    Path passphraseFile;

    @Override
    public Integer call() {
        return Cli.run(spec, env -> {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new IllegalArgumentException("There is no folder " + parent + " to write " + file.getFileName() + " in.");
            }
            if (passphraseFile != null && !includeSecrets) {
                throw new IllegalArgumentException("--passphrase-file is for --include-secrets; without it no secret is written.");
            }
            return Cli.withVault(spec, env, common, (vault, out) -> {
                char[] passphrase = includeSecrets ? TeamPassphrase.read(env, passphraseFile, "Passphrase for the team file's secrets", true) : null;
                try {
                    ExportReport report = new TeamFileService(vault).export(file, Optional.ofNullable(passphrase));
                    out.println("Exported to " + report.file() + " (" + report.bytes() + " bytes"
                            + (report.secretsIncluded() ? ", secrets encrypted under the passphrase" : ", no secrets") + "):");
                    out.println("  " + Cli.count(report.hosts(), "host", "hosts") + ", " + Cli.count(report.groups(), "group", "groups")
                            + ", " + Cli.count(report.identities(), "identity", "identities") + ", " + Cli.count(report.keys(), "key", "keys")
                            + ", " + Cli.count(report.tunnels(), "tunnel", "tunnels") + ", "
                            + Cli.count(report.trustedHostKeys(), "trusted host key", "trusted host keys"));
                    return 0;
                } finally {
                    if (passphrase != null) {
                        Arrays.fill(passphrase, '\0');
                    }
                }
            });
        });
    }
}
