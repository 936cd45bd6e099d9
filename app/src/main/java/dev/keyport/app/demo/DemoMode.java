package dev.keyport.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.DaemonThreads;
import dev.keyport.app.services.Folders;
import dev.keyport.app.services.VaultLockProbe;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * {@code --demo}: a throwaway vault and an SSH server inside this process (127.0.0.1, random port,
 * accepting only a key generated for this run), seeded as "Demo server". Gone when Keyport exits.
 */
public final class DemoMode implements AutoCloseable {

    public static final String HOST_NAME = "Demo server";
    static final String KEY_REFERENCE = "demo-key";
    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);
    static final String FOLDER_PREFIX = "keyport-demo-";
    /** How long a demo folder must have been left alone before a later demo takes it for left behind. */
    static final Duration LEFT_BEHIND_AFTER = Duration.ofMinutes(10);

    private final Path dataDirectory;
    private final LocalSshServer server;

    private DemoMode(Path dataDirectory, LocalSshServer server) {
        this.dataDirectory = dataDirectory;
        this.server = server;
    }

    public static DemoMode start() throws IOException {
        return start(newDataDirectory());
    }

    /** A new, empty folder for a demo's throwaway vault. */
    public static Path newDataDirectory() throws IOException {
        return Files.createTempDirectory(FOLDER_PREFIX);
    }

    /** The demo server, for a demo whose throwaway vault is (or will be) in {@code dir}. */
    public static DemoMode start(Path dir) throws IOException {
        LocalSshServer server = LocalSshServer.start();
        LOG.info("Demo SSH server listening on 127.0.0.1:{}", server.port());
        return new DemoMode(dir, server);
    }

    /** A demo ready to show (its server and throwaway vault), or what went wrong; the caller closes {@code demo} when given. */
    public record Setup(DemoMode demo, Vault vault, String problem) {
    }

    /**
     * Starts the demo's server and makes its throwaway vault (KDF, H2) side by side, on threads of their own;
     * the future never fails: a problem is in {@link Setup#problem()}.
     */
    public static CompletableFuture<Setup> prepare() {
        return CompletableFuture.supplyAsync(DemoMode::setUp, DemoMode::onOwnThread);
    }

    private static Setup setUp() {
        Path dir;
        try {
            dir = newDataDirectory();
        } catch (IOException e) {
            return new Setup(null, null, e.getMessage());
        }
        CompletableFuture<Vault> vault = CompletableFuture.supplyAsync(() -> {
            try {
                return createVault(dir);
            } catch (VaultException e) {
                throw new CompletionException(e);
            }
        }, DemoMode::onOwnThread);
        DemoMode demo;
        try {
            demo = start(dir);
        } catch (IOException | RuntimeException e) {
            vault.thenAccept(Vault::close);
            return new Setup(null, null, e.getMessage());
        }
        try {
            return new Setup(demo, vault.join(), null);
        } catch (CompletionException e) {
            return new Setup(demo, null, (e.getCause() != null ? e.getCause() : e).getMessage());
        }
    }

    private static void onOwnThread(Runnable work) {
        DaemonThreads.named("keyport-demo-setup").newThread(work).start();
    }

    /** Where the throwaway vault lives. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The throwaway vault, under a random master password nobody ever types (the floor KDF keeps the demo quick). */
    public Vault createVault() throws VaultException {
        return createVault(dataDirectory);
    }

    /** As {@link #createVault()}, in {@code dir}: it can be made while the server starts. */
    public static Vault createVault(Path dir) throws VaultException {
        char[] throwaway = randomPassword();
        try {
            return Vault.create(dir, throwaway, KdfParameters.FLOOR);
        } finally {
            Arrays.fill(throwaway, '\0');
        }
    }

    static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < password.length; i++) {
            password[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return password;
    }

    public LocalSshServer server() {
        return server;
    }

    /** Adds the "Demo server" host, pins the demo server's key and hands the demo key to the app (memory only). */
    public Host seed(KeyportContext context) throws VaultException {
        Host host = Host.create(HOST_NAME, server.host(), server.port(), System.getProperty("user.name", "demo"),
                new HostAuth.Managed(KEY_REFERENCE));
        context.vault().hosts().save(host);
        context.hostKeys().trust(server.host(), server.port(), server.hostKey());
        context.credentials().registerManaged(KEY_REFERENCE,
                () -> new Credential.PrivateKey("demo key", server.clientPrivateKeyFile()));
        return host;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Stopping the demo server failed: {}", e.getMessage());
        }
        try {
            Folders.deleteTree(dataDirectory);
        } catch (IOException e) {
            LOG.warn("Removing the demo vault {} failed: {}", dataDirectory, e.getMessage());
        }
        removeLeftBehind(dataDirectory.getParent(), Instant.now());
    }

    /**
     * Removes the demo folders that earlier demos ended by a kill or a crash left in {@code temp} (see
     * {@link #leftBehind}). Called as a demo ends, so no start waits for it.
     */
    static void removeLeftBehind(Path temp, Instant now) {
        try {
            for (Path folder : leftBehind(temp, now)) {
                Folders.deleteTree(folder);
                LOG.info("Removed the demo folder {}, left behind by a demo that did not end normally", folder);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Demo folders left behind were not removed: {}", e.toString());
        }
    }

    /**
     * The demo folders in {@code temp} that no demo uses any more: named as {@link #newDataDirectory()} names them,
     * untouched for {@link #LEFT_BEHIND_AFTER} (a demo makes its vault within seconds), and with no Keyport
     * holding the vault in them.
     */
    static List<Path> leftBehind(Path temp, Instant now) throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX))
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> untouchedSince(p, now.minus(LEFT_BEHIND_AFTER)))
                    .filter(p -> !VaultLockProbe.isOpenElsewhere(p))
                    .toList();
        }
    }

    private static boolean untouchedSince(Path folder, Instant since) {
        try {
            return Files.getLastModifiedTime(folder, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(since);
        } catch (IOException e) {
            return false;
        }
    }
}
