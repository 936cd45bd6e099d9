package dev.keyport.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import dev.keyport.app.testing.EchoServer;
import dev.keyport.app.tunnels.Forwards;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/**
 * The real window on a new vault with a real OpenSSH sshd on 127.0.0.1 saved as the host "OpenSSH box"
 * (it logs in with a fresh ed25519 key; see {@link KeyportHarness#saveHostFor}). Optionally with an echo
 * service and the saved, switched-off tunnel "echo tunnel" through that host: {@code L tunnelPort:127.0.0.1:echo}.
 */
public final class WindowWithOpenSshHost extends WindowOnNewVault {

    public static final String HOST_NAME = "OpenSSH box";
    public static final String TUNNEL_NAME = "echo tunnel";

    private final boolean trusted;
    private boolean echoTunnel;
    private OpenSshServer sshd;
    private EchoServer echo;
    private Host host;
    private int tunnelPort;

    private WindowWithOpenSshHost(boolean trusted) {
        this.trusted = trusted;
    }

    /** The server's host key is already pinned in the vault. */
    public static WindowWithOpenSshHost trusted() {
        return new WindowWithOpenSshHost(true);
    }

    /** The server's host key is not known yet: connecting asks. */
    public static WindowWithOpenSshHost untrusted() {
        return new WindowWithOpenSshHost(false);
    }

    /** Adds the echo service and the saved tunnel "echo tunnel" to it through the host. */
    public WindowWithOpenSshHost withEchoTunnel() {
        echoTunnel = true;
        return this;
    }

    @Override
    protected void startServers(Path dir) throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"), List.of());
        if (echoTunnel) {
            echo = new EchoServer();
            tunnelPort = EchoServer.freePort();
        }
    }

    @Override
    protected void fill(KeyportHarness app) throws Exception {
        host = app.saveHostFor(sshd, HOST_NAME, trusted);
        if (echoTunnel) {
            app.context.tunnelProfiles().save(new ForwardProfile(UUID.randomUUID(), TUNNEL_NAME, host.id(), false,
                    Forwards.parseLines("L " + tunnelPort + ":127.0.0.1:" + echo.port()).stream().map(Forwards::fromSpec).toList()));
        }
    }

    @Override
    protected void stopServers() throws Exception {
        try {
            if (echo != null) {
                echo.close();
            }
        } finally {
            if (sshd != null) {
                sshd.close();
            }
        }
    }

    public OpenSshServer sshd() {
        return sshd;
    }

    /** Gives the server a new host key (same port); from here on {@link #sshd()} is the restarted server. */
    public OpenSshServer restartWithNewHostKey() throws Exception {
        sshd = sshd.restartWithNewHostKey();
        return sshd;
    }

    /** The saved host. */
    public Host host() {
        return host;
    }

    /** The local port of "echo tunnel" (nothing listens there until the tunnel is on). */
    public int tunnelPort() {
        return tunnelPort;
    }
}
