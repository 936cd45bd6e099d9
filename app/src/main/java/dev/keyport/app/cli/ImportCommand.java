package dev.keyport.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.teamfile.ChangeKind;
import dev.keyport.app.teamfile.ConflictChoice;
import dev.keyport.app.teamfile.EntityKind;
import dev.keyport.app.teamfile.ImportPlan;
import dev.keyport.app.teamfile.ImportReport;
import dev.keyport.app.teamfile.PlannedChange;
import dev.keyport.app.teamfile.TeamFileService;
import dev.keyport.syncformat.TeamFileException;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/** {@code keyport import FILE [--dry-run] [--on-conflict mine|theirs|both] [--passphrase-file F]}. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a team file: prints what it adds, changes and"
        + " where it conflicts with your vault, then imports it all or nothing. A file with secrets needs its passphrase (from"
        + " --passphrase-file, the file in " + TeamPassphrase.FILE_ENV + ", the terminal, or standard input). While the Keyport"
        + " window is open, keyport import FILE opens the import preview there and you confirm it in the window.")
public final class ImportCommand extends VaultBoundCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The team file, e.g. team.keyport")
    Path file;
    @Option(names = "--dry-run", description = "Only print what importing would do; change nothing")
    boolean dryRun;
    @Option(names = "--on-conflict", paramLabel = "mine|theirs|both", defaultValue = "mine",
            description = "Where you and the file both changed something: keep yours (mine, the default), take the file's (theirs),"
                    + " or keep yours and add the file's as \"NAME (team)\" (both). A server key that contradicts one you trust is"
                    + " only replaced with theirs.")
    String onConflict;
    @Option(names = "--passphrase-file", paramLabel = "F", description = "Read the file's passphrase from the first line of F")
    Path passphraseFile;

    @Override
    public Integer call() {
        return Cli.run(spec, env -> {
            ConflictChoice choice = choice(onConflict);
            if (!dryRun && passphraseFile == null && choice == ConflictChoice.MINE) {
                Optional<Integer> beside = Cli.besideWindow(spec, env, common,
                        InstanceRequest.of(InstanceRequest.IMPORT, List.of(file.toAbsolutePath().toString())));
                if (beside.isPresent()) {
                    return beside.get();
                }
            }
            return Cli.withVault(spec, env, common, (vault, out) -> {
                try (ImportPlan plan = plan(vault, env)) {
                    print(out, plan);
                    if (dryRun) {
                        out.println("Dry run: nothing was imported.");
                        return 0;
                    }
                    if (!plan.hasChanges()) {
                        out.println("Nothing to import: your vault already has everything in " + file + ".");
                        return 0;
                    }
                    ImportReport report = new TeamFileService(vault).apply(plan, choice);
                    out.println(summary(report));
                    return 0;
                }
            });
        });
    }

    static ConflictChoice choice(String text) {
        try {
            return ConflictChoice.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--on-conflict takes mine, theirs or both, not " + text + ".");
        }
    }

    /** The plan; the passphrase is asked only when the file turns out to carry secrets. */
    private ImportPlan plan(Vault vault, CliEnvironment env) throws TeamFileException, VaultException, IOException {
        TeamFileService service = new TeamFileService(vault);
        if (passphraseFile == null) {
            try {
                return service.plan(file, Optional.empty());
            } catch (TeamFileException e) {
                if (e.kind() != TeamFileException.Kind.PASSPHRASE_REQUIRED) {
                    throw e;
                }
            }
        }
        char[] passphrase = TeamPassphrase.read(env, passphraseFile, "Passphrase of the team file " + file, false);
        try {
            return service.plan(file, Optional.of(passphrase));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private static void print(PrintWriter out, ImportPlan plan) {
        out.println("Team file " + plan.file() + " (id " + plan.fileId() + (plan.secretsIncluded() ? ", with secrets" : "") + ")");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "ADDED", "CHANGED", "UNCHANGED", "CONFLICT"});
        for (EntityKind kind : EntityKind.values()) {
            String[] row = new String[5];
            row[0] = plural(kind);
            for (ChangeKind change : ChangeKind.values()) {
                row[1 + change.ordinal()] = String.valueOf(plan.count(kind, change));
            }
            rows.add(row);
        }
        Table.print(out, rows);
        for (PlannedChange c : plan.changes()) {
            if (c.change() == ChangeKind.CHANGED || c.change() == ChangeKind.CONFLICT
                    || (c.change() == ChangeKind.ADDED || c.change() == ChangeKind.UNCHANGED) && !c.detail().isEmpty()) {
                out.println(Display.escape(c.change() + " " + c.entity().label() + " " + c.name() + (c.detail().isEmpty() ? "" : ": " + c.detail())));
            }
        }
        if (!plan.newlyTrusted().isEmpty()) {
            out.println("Server keys that become trusted:");
            plan.newlyTrusted().forEach(k -> out.println("  " + Display.escape(String.valueOf(k))));
        }
        plan.warnings().forEach(w -> out.println("Warning: " + Display.escape(w)));
        out.flush();
    }

    private static String plural(EntityKind kind) {
        return kind == EntityKind.IDENTITY ? "identities" : kind.label() + "s";
    }

    static String summary(ImportReport r) {
        String text = "Imported: " + r.added() + " added, " + r.changed() + " changed, " + r.unchanged() + " unchanged";
        if (r.conflicts() > 0) {
            text += "; conflicts: " + r.conflictsKeptMine() + " kept yours, " + r.conflictsTakenTheirs() + " took the file's, "
                    + r.conflictsKeptBoth() + " kept both";
        }
        return text + ".";
    }
}
