package dev.keyport.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.keyport.app.KeyportContext;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.VaultException;

/**
 * The real window on a new vault with an SSH server inside the JVM ({@link LocalSshServer}) whose host key the
 * vault trusts, and hosts saved on it that log in as one user: with the server's client key (the managed
 * credential "test-key") or with a password asked when connecting.
 */
public final class WindowWithLocalServer extends WindowOnNewVault {

    /** Starts the server the window talks to. */
    public interface ServerStart {
        LocalSshServer start() throws IOException;
    }

    private final ServerStart start;
    private final String user;
    private final List<String> keyHosts = new ArrayList<>();
    private final List<String> passwordHosts = new ArrayList<>();
    private final Map<String, Host> saved = new LinkedHashMap<>();
    private LocalSshServer server;

    private WindowWithLocalServer(ServerStart start, String user) {
        this.start = start;
        this.user = user;
    }

    /** The server {@code start} starts; the hosts saved on it log in as {@code user}. */
    public static WindowWithLocalServer on(ServerStart start, String user) {
        return new WindowWithLocalServer(start, user);
    }

    /** Saves a host called {@code name} that logs in with the server's client key. */
    public WindowWithLocalServer keyHost(String name) {
        keyHosts.add(name);
        return this;
    }

    /** Saves a host called {@code name} that asks for the password when connecting. */
    public WindowWithLocalServer passwordHost(String name) {
        passwordHosts.add(name);
        return this;
    }

    @Override
    public WindowWithLocalServer demo() {
        super.demo();
        return this;
    }

    @Override
    protected void startServers(Path dir) throws Exception {
        server = start.start();
    }

    @Override
    protected void fill(KeyportHarness app) throws Exception {
        KeyportContext context = app.context;
        context.hostKeys().trust(server.host(), server.port(), server.hostKey());
        if (!keyHosts.isEmpty()) {
            context.credentials().registerManaged("test-key", () -> new Credential.PrivateKey("test key", server.clientPrivateKeyFile()));
        }
        for (String name : keyHosts) {
            save(context, Host.create(name, server.host(), server.port(), user, new HostAuth.Managed("test-key")));
        }
        for (String name : passwordHosts) {
            save(context, Host.create(name, server.host(), server.port(), user, new HostAuth.Password()));
        }
    }

    private void save(KeyportContext context, Host host) throws VaultException {
        context.vault().hosts().save(host);
        saved.put(host.name(), host);
    }

    @Override
    protected void stopServers() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    public LocalSshServer server() {
        return server;
    }

    /** The saved host called {@code name}. */
    public Host host(String name) {
        Host host = saved.get(name);
        if (host == null) {
            throw new IllegalArgumentException("No host " + name + " was saved; saved: " + saved.keySet());
        }
        return host;
    }
}
