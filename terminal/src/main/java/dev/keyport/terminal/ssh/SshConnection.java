package dev.keyport.terminal.ssh;

import java.io.IOException;
import java.time.Duration;

import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.session.ClientSession;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;

/** An authenticated SSH session to one server. */
public final class SshConnection implements AutoCloseable {

    public static final String TERM_TYPE = "xterm-256color";
    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionSpec spec;
    private final ClientSession session;

    SshConnection(ConnectionSpec spec, ClientSession session) {
        this.spec = spec;
        this.session = session;
    }

    public ConnectionSpec spec() {
        return spec;
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Opens an interactive shell with an {@code xterm-256color} PTY of the given size. */
    public ShellChannel openShell(int columns, int rows) throws SshFailure {
        try {
            ChannelShell channel = session.createShellChannel();
            channel.setPtyType(TERM_TYPE);
            channel.setPtyColumns(columns);
            channel.setPtyLines(rows);
            channel.open().verify(CHANNEL_OPEN_TIMEOUT);
            return new ShellChannel(this, channel);
        } catch (IOException | RuntimeException e) {
            if (!session.isOpen()) {
                throw new SshFailure(Kind.DISCONNECTED, "The connection to " + spec.displayName() + " was closed before the shell opened", e);
            }
            throw new SshFailure(Kind.CHANNEL_OPEN_FAILED, "The server " + spec.displayName() + " refused to open a shell: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close(false);
    }
}
