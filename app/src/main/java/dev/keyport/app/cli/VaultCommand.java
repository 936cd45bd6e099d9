package dev.keyport.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.services.MasterPasswordRule;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.VaultHeader;

/** {@code keyport vault init|passwd|lock}. */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "Create the vault, change its master password, lock it.",
        subcommands = {VaultCommand.Init.class, VaultCommand.Passwd.class, VaultCommand.Lock.class})
public final class VaultCommand {

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Create a new vault. The master password comes from the file in"
            + " KEYPORT_MASTER_PASSWORD_FILE, the terminal, or standard input; never from an argument.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CommonOptions common;

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
    static final class Passwd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CommonOptions common;
        @Option(names = "--allow-weak", description = "Accept a new master password rated weak (never one shorter than "
                + MasterPasswordRule.MIN_LENGTH + " characters).")
        boolean allowWeak;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Path dir = env.dataDirectory(common.dataDir);
                MasterPasswordInput input = env.passwords();
                char[] current = input.current("Current master password");
                try (Vault vault = Vault.unlock(dir, current)) {
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
    static final class Lock implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        CommonOptions common;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                Path dir = env.dataDirectory(common.dataDir);
                if (!Vault.exists(dir)) {
                    throw new dev.keyport.vault.VaultException("There is no vault in " + dir + ".");
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
}
