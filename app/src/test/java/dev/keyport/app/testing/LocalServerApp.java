package dev.keyport.app.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.keyport.app.KeyportContext;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * The application's services (the real composition root) on a vault in a temp dir, with an SSH
 * server inside the JVM: "Local server" logs in with a key, "Password server" with a password.
 * For view-model and service tests that need no window.
 */
public final class LocalServerApp implements AutoCloseable {

    public static final String USER = "tester";
    public static final String PASSWORD = "correct horse";

    public final LocalSshServer server;
    public final KeyportContext context;
    public final Host keyHost;
    public final Host passwordHost;

    private LocalServerApp(LocalSshServer server, KeyportContext context, Host keyHost, Host passwordHost) {
        this.server = server;
        this.context = context;
        this.keyHost = keyHost;
        this.passwordHost = passwordHost;
    }

    public static LocalServerApp start(Path dataDir, UserPrompter prompter) throws Exception {
        LocalSshServer server = LocalSshServer.start(USER, PASSWORD);
        Vault vault = Vault.create(dataDir, "test master password".toCharArray(), KdfParameters.FLOOR);
        KeyportContext context = new KeyportContext(vault, prompter);
        context.hostKeys().trust(server.host(), server.port(), server.hostKey());
        context.credentials().registerManaged("test-key", () -> new Credential.PrivateKey("test key", server.clientPrivateKeyFile()));
        Host keyHost = Host.create("Local server", server.host(), server.port(), USER, new HostAuth.Managed("test-key"));
        Host passwordHost = Host.create("Password server", server.host(), server.port(), USER, new HostAuth.Password());
        vault.hosts().save(keyHost);
        vault.hosts().save(passwordHost);
        return new LocalServerApp(server, context, keyHost, passwordHost);
    }

    /** Waits until {@code condition} holds; fails with {@code what} (and what it shows) after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> shows) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + "; it shows: " + shows.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        context.close();
        server.close();
    }
}
