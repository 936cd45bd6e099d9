package dev.keyport.terminal.tunnel;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/** A real OpenSSH sshd that allows forwarding, and a Keyport connection to it, for the tunnel tests. */
final class OpenSshTunnels implements AutoCloseable {

    final OpenSshServer server;
    final SshConnector connector;
    final SshConnection connection;

    private OpenSshTunnels(OpenSshServer server, SshConnector connector, SshConnection connection) {
        this.server = server;
        this.connector = connector;
        this.connection = connection;
    }

    /** Debian's default sshd allows TCP forwarding; the test says so anyway, and keeps -R ports on the loopback. */
    static OpenSshTunnels start(Path dir, String... extraConfig) throws Exception {
        List<String> config = new ArrayList<>(List.of(extraConfig));
        config.addAll(List.of("AllowTcpForwarding yes", "GatewayPorts no", "MaxSessions 1000", "MaxStartups 100"));
        OpenSshServer server = OpenSshServer.start(dir, config);
        Path key = server.authorizeNewKey("tunnel-client");
        SshConnector connector = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, null),
                java.util.Optional.empty());
        SshConnection connection = connector.connect(new ConnectionSpec("tunnels", "127.0.0.1", server.port(), "root",
                List.of(new Credential.PrivateKey("tunnel-client", Files.readAllBytes(key)))));
        return new OpenSshTunnels(server, connector, connection);
    }

    @Override
    public void close() {
        connection.close();
        connector.close();
        server.close();
    }

    static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Waits up to {@code limit} for {@code condition}; a liveness bound, not a timing assertion. */
    static boolean eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
