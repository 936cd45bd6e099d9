package dev.keyport.app.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.services.Folders;
import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.ssh.AlgorithmPolicy;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * While the person types the master password, a low-priority thread runs once through what the unlock
 * and the main window need next, so that their classes are loaded and their code warm when Enter comes:
 * a throwaway vault in a temporary folder (Argon2id at the floor cost, H2's encrypted store, the schema,
 * the host table), closed and deleted again, and an SSH client set up as the connector sets it up (with
 * BouncyCastle registered), never started. Nothing of the person's vault is touched, and no secret is
 * involved: the throwaway vault's password is random and forgotten. Failures only cost the warm-up.
 */
public final class UnlockWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(UnlockWarmUp.class);

    private UnlockWarmUp() {
    }

    /** Starts the warm-up on its own daemon thread at the lower priority, and returns at once. */
    public static Thread start() {
        Thread thread = BackgroundPriority.threadFactory("keyport-warm-up-", true)
                .newThread(() -> run(Path.of(System.getProperty("java.io.tmpdir"))));
        thread.start();
        return thread;
    }

    /** The warm-up itself, on the calling thread (blocking: about a second of CPU); its throwaway vault goes in {@code temp}. */
    static void run(Path temp) {
        long started = System.nanoTime();
        warmVault(temp);
        warmSsh();
        LOG.debug("Start-up warm-up took {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private static void warmVault(Path temp) {
        Path dir;
        try {
            dir = Files.createTempDirectory(temp, "keyport-warm-up-");
        } catch (IOException e) {
            LOG.debug("Start-up warm-up of the vault skipped: {}", e.toString());
            return;
        }
        // Keyport may exit before the warm-up ends (the dialog cancelled): the folder goes then too, once
        // the warm-up has let go of it (H2 still adds and removes files while it runs)
        Thread warmUp = Thread.currentThread();
        Thread removal = new Thread(() -> {
            try {
                warmUp.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delete(dir);
        }, "keyport-warm-up-removal");
        Runtime.getRuntime().addShutdownHook(removal);
        char[] throwaway = randomPassword();
        try (Vault vault = Vault.create(dir, throwaway, KdfParameters.FLOOR)) {
            vault.hosts().list();
        } catch (VaultException | RuntimeException e) {
            LOG.debug("Start-up warm-up of the vault skipped: {}", e.toString());
        } finally {
            Arrays.fill(throwaway, '\0');
            delete(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(removal);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private static void warmSsh() {
        try {
            SecurityUtils.isBouncyCastleRegistered();
            SshClient client = SshClient.setUpDefaultClient();
            AlgorithmPolicy.applyModernDefaults(client);
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("Start-up warm-up of SSH skipped: {}", e.toString());
        }
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }

    private static void delete(Path dir) {
        try {
            Folders.deleteTree(dir);
        } catch (IOException e) {
            LOG.debug("Could not remove the warm-up folder {}: {}", dir, e.getMessage());
        }
    }
}
