package dev.keyport.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.services.MasterPasswordRule;
import dev.keyport.vault.Backups;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.VaultHeader;

/** {@code keyport vault init|passwd|lock}. */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "Create the vault, change its master password, lock it,"
        + " list its backups and restore one.",
        subcommands = {VaultCommand.Init.class, VaultCommand.Passwd.class, VaultCommand.Lock.class, VaultCommand.ListBackups.class,
                VaultCommand.Restore.class})
public final class VaultCommand {

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new vault. The master password comes from the file in"
            + " KEYPORT_MASTER_PASSWORD_FILE, the terminal, or standard input; never from an argument.")
    static final class Init extends VaultBoundCommand {

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Path dir = env.dataDirectory(common.dataDir);
                try (Vault vault = VaultAccess.create(dir, env.passwords(), env.kdfForNewVaults())) {
                    PrintWriter out = spec.commandLine().getOut();
                    out.println("Created a vault in " + vault.directory());
                    out.println("Key derivation: " + VaultHeader.read(dir).kdf());
                }
                return 0;
            });
        }
    }

    @Command(name = "passwd", mixinStandardHelpOptions = true, description = {"Change the master password. Current password as for init; the new"
            + " one from KEYPORT_NEW_MASTER_PASSWORD_FILE, the terminal (typed twice), or the next line of standard input.",
            "The new one must have at least " + MasterPasswordRule.MIN_LENGTH + " characters; a weak one is refused unless --allow-weak"
                    + " is given. " + MasterPasswordRule.ADVICE})
    static final class Passwd extends VaultBoundCommand {
        @Option(names = "--allow-weak", description = "Accept a new master password rated weak (never one shorter than "
                + MasterPasswordRule.MIN_LENGTH + " characters).")
        boolean allowWeak;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Path dir = env.dataDirectory(common.dataDir);
                MasterPasswordInput input = env.passwords();
                char[] current = input.current("Current master password");
                if (!Vault.exists(dir)) {
                    throw new dev.keyport.vault.VaultException(Vault.describeMissing(dir));
                }
                try (Vault vault = Vault.unlock(dir, current, VaultAccess.LOCK_WAIT, "keyport vault passwd")) {
                    char[] next = input.newPassword("New master password", false);
                    try {
                        MasterPasswordRule.Verdict verdict = MasterPasswordRule.check(next);
                        if (verdict == MasterPasswordRule.Verdict.TOO_SHORT) {
                            throw new VaultException("The new master password is too short: " + MasterPasswordRule.tooShortMessage().toLowerCase(java.util.Locale.ROOT)
                                    + " Nothing was changed. " + MasterPasswordRule.ADVICE);
                        }
                        if (verdict == MasterPasswordRule.Verdict.WEAK && !allowWeak) {
                            throw new VaultException("The new master password is weak: anyone with the vault file could guess it. Nothing was"
                                    + " changed. " + MasterPasswordRule.ADVICE + " To use it anyway, run again with --allow-weak.");
                        }
                        vault.changeMasterPassword(current, next);
                    } finally {
                        Arrays.fill(next, '\0');
                    }
                } finally {
                    Arrays.fill(current, '\0');
                }
                spec.commandLine().getOut().println("Master password changed for the vault in " + dir);
                return 0;
            });
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true, description = "Lock the vault. The command line never keeps it unlocked: each command"
            + " unlocks, works, locks and wipes the keys. This checks that no Keyport window holds it open.")
    static final class Lock extends VaultBoundCommand {

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Path dir = env.dataDirectory(common.dataDir);
                if (!Vault.exists(dir)) {
                    throw new dev.keyport.vault.VaultException(Vault.describeMissing(dir));
                }
                if (Cli.isOpenElsewhere(dir)) {
                    spec.commandLine().getErr().println("keyport: the vault in " + dir + " is open in a Keyport window;"
                            + " lock it there (or close the window).");
                    return 1;
                }
                spec.commandLine().getOut().println("The vault in " + dir + " is locked.");
                return 0;
            });
        }
    }

    @Command(name = "backups", mixinStandardHelpOptions = true, description = "List the vault's backups, newest first: one a day on"
            + " the first change, one before every import, schema upgrade and restore; the newest " + Backups.KEEP + " are kept.")
    static final class ListBackups extends VaultBoundCommand {

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Path dir = env.dataDirectory(common.dataDir);
                PrintWriter out = spec.commandLine().getOut();
                Table.list(out, Backups.list(dir), "No backups in " + dir.resolve(Vault.BACKUP_DIR) + " yet. Keyport makes one a day"
                                + " on the first change, and before every import.",
                        new String[] {"BACKUP", "MADE", "WHY", "SIZE"},
                        b -> new String[] {b.name(), b.made().withNano(0).toString().replace('T', ' '), why(b.reason()),
                                Math.max(1, b.bytes() / 1024) + " KiB"});
                return 0;
            });
        }

        private static String why(String reason) {
            if (reason.equals("daily")) {
                return "first change of the day";
            }
            if (reason.startsWith("before-v")) {
                return "before a schema upgrade";
            }
            return reason.replace('-', ' ');
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Put a backup (a name from keyport vault backups) in"
            + " place of the vault, after confirming. The current vault is kept as a backup of its own, so a restore can be undone."
            + " The restored vault opens with the master password it had then.")
    static final class Restore extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup's name, as keyport vault backups lists it")
        String name;
        @Option(names = "--yes", description = "Do not ask for confirmation (for scripts)")
        boolean yes;

        private final java.io.Console console = System.console();

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Path dir = env.dataDirectory(common.dataDir);
                Backups.Backup backup = Backups.list(dir).stream().filter(b -> b.name().equals(name)).findFirst()
                        .orElseThrow(() -> new dev.keyport.vault.VaultException("There is no backup " + name + " in "
                                + dir.resolve(Vault.BACKUP_DIR) + ". See the list with: keyport vault backups"));
                if (!yes) {
                    if (console == null) {
                        throw new IllegalArgumentException("Restoring replaces the vault in " + dir + "; there is no terminal to"
                                + " confirm on. Add --yes to restore " + name + " anyway.");
                    }
                    String answer = console.readLine("Put backup %s (made %s) in place of the vault in %s? The current vault is kept"
                            + " as a backup. Type yes to restore: ", name, backup.made().withNano(0), dir);
                    if (answer == null || !answer.strip().equalsIgnoreCase("yes")) {
                        spec.commandLine().getErr().println("keyport: nothing was restored.");
                        return Cli.FAILED;
                    }
                }
                Optional<Path> kept = Vault.restore(dir, name, VaultAccess.LOCK_WAIT, "keyport vault restore");
                PrintWriter out = spec.commandLine().getOut();
                out.println("Restored " + name + " in " + dir + ".");
                kept.ifPresent(k -> out.println("The vault as it was is kept as backup " + k.getFileName()
                        + " (keyport vault restore " + k.getFileName() + " undoes this)."));
                return 0;
            });
        }
    }
}
