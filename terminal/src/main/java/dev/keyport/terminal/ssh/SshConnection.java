package dev.keyport.terminal.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.terminal.tunnel.Forwarding;
import dev.keyport.terminal.tunnel.Tunnels;

/** An authenticated SSH session to one server. */
public final class SshConnection implements AutoCloseable {

    public static final String TERM_TYPE = "xterm-256color";
    private static final Duration CHANNEL_OPEN_TIMEOUT = Duration.ofSeconds(30);

    private final ConnectionSpec spec;
    private final ClientSession session;
    /** Jump-host sessions and their tunnels, first hop first; closed after this session. */
    private final List<AutoCloseable> jumpChain;

    private final boolean forwardAgent;

    SshConnection(ConnectionSpec spec, ClientSession session, List<AutoCloseable> jumpChain, boolean forwardAgent) {
        this.forwardAgent = forwardAgent;
        this.spec = spec;
        this.session = session;
        this.jumpChain = new ArrayList<>(jumpChain);
        session.addCloseFutureListener(f -> closeChain());
    }

    public ConnectionSpec spec() {
        return spec;
    }

    /** The key exchange negotiated with the server (e.g. {@code mlkem768x25519-sha256}), for diagnostics. */
    public String negotiatedKeyExchange() {
        return session.getNegotiatedKexParameter(org.apache.sshd.common.kex.KexProposalOption.ALGORITHMS);
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /** Opens an interactive shell with an {@code xterm-256color} PTY of the given size. */
    public ShellChannel openShell(int columns, int rows) throws SshFailure {
        return openShell(columns, rows, TERM_TYPE, true);
    }

    /**
     * Opens the login shell with a PTY of type {@code term} and the given size, or without a PTY (as
     * {@code ssh -T} does) when {@code pty} is false.
     */
    public ShellChannel openShell(int columns, int rows, String term, boolean pty) throws SshFailure {
        return openShell(columns, rows, term, pty, false);
    }

    /**
     * As {@link #openShell(int, int, String, boolean)}; with {@code localTerminalModes} the PTY gets the
     * modes of this process's terminal ({@code stty -a} on it, as OpenSSH's client sends them: Enter as
     * CR mapped to NL, the erase and interrupt keys, ...). Call it before putting that terminal in raw mode.
     */
    public ShellChannel openShell(int columns, int rows, String term, boolean pty, boolean localTerminalModes) throws SshFailure {
        try {
            return open(session.createShellChannel(), columns, rows, term, pty, localTerminalModes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SshFailure f) {
                throw f;
            }
            throw new SshFailure(Kind.CHANNEL_OPEN_FAILED, "The server " + spec.displayName() + " refused to open a shell: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code command} as {@code ssh -t HOST COMMAND} does: on a PTY of type {@code term} and the
     * given size (when {@code pty}), read and written like a shell, so a full-screen program or one
     * that checks {@code tty} works. Without {@code pty} it is {@link #exec} with streams.
     */
    public ShellChannel openCommand(String command, int columns, int rows, String term, boolean pty, boolean localTerminalModes)
            throws SshFailure {
        try {
            return open(session.createExecChannel(command), columns, rows, term, pty, localTerminalModes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SshFailure f) {
                throw f;
            }
            throw channelFailure("run a command", e);
        }
    }

    private ShellChannel open(org.apache.sshd.client.channel.PtyCapableChannelSession channel, int columns, int rows, String term,
            boolean pty, boolean localTerminalModes) throws SshFailure {
        try {
            channel.setUsePty(pty);
            if (pty && localTerminalModes) {
                try {
                    channel.setPtyModes(org.apache.sshd.common.channel.SttySupport.getUnixPtyModes());
                } catch (IOException | InterruptedException | RuntimeException e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    // keep sshd-core's default modes
                }
            }
            channel.setPtyType(term == null || term.isBlank() ? TERM_TYPE : term);
            channel.setPtyColumns(columns);
            channel.setPtyLines(rows);
            channel.setAgentForwarding(forwardAgent);
            channel.open().verify(CHANNEL_OPEN_TIMEOUT);
            return new ShellChannel(this, channel);
        } catch (IOException | RuntimeException e) {
            if (!session.isOpen()) {
                throw new SshFailure(Kind.DISCONNECTED, "The connection to " + spec.displayName() + " was closed before the shell opened", e);
            }
            throw new SshFailure(Kind.CHANNEL_OPEN_FAILED, "The server " + spec.displayName() + " refused to open a shell: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code command} (no PTY) and waits for it to end, at most {@code timeout}.
     *
     * @param stdin bytes to send to the command's standard input, then end-of-file; may be null
     */
    public ExecResult exec(String command, byte[] stdin, Duration timeout) throws SshFailure {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = exec(command, stdin == null ? null : new java.io.ByteArrayInputStream(stdin), out, err, timeout);
        return new ExecResult(status, out.toByteArray(), err.toByteArray());
    }

    /** Runs {@code command} streaming its output; returns the exit status (-1 when the server sent none). */
    public int exec(String command, InputStream stdin, OutputStream stdout, OutputStream stderr, Duration timeout) throws SshFailure {
        ChannelExec channel;
        try {
            channel = session.createExecChannel(command);
            channel.setAgentForwarding(forwardAgent);
            channel.setOut(stdout);
            channel.setErr(stderr);
            if (stdin != null) {
                channel.setIn(stdin);
            }
            channel.open().verify(CHANNEL_OPEN_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            throw channelFailure("run a command", e);
        }
        try (ChannelExec ch = channel) {
            if (stdin == null) {
                ch.getInvertedIn().close();
            }
            Set<ClientChannelEvent> events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout.isZero() ? 0L : timeout.toMillis());
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new SshFailure(Kind.TIMEOUT, "The command on " + spec.displayName() + " did not finish within "
                        + timeout.toSeconds() + " s");
            }
            Integer status = ch.getExitStatus();
            if (status == null && !session.isOpen()) {
                throw new SshFailure(Kind.DISCONNECTED, "The connection to " + spec.displayName() + " was lost while the command ran");
            }
            return status == null ? -1 : status;
        } catch (IOException e) {
            if (e instanceof SshFailure f) {
                throw f;
            }
            throw channelFailure("run a command", e);
        }
    }

    /**
     * The ssh-copy-id job: appends {@code publicKeyLine} (an OpenSSH public key line) to the remote
     * {@code ~/.ssh/authorized_keys} unless it is already there, creating {@code ~/.ssh} (700) and the
     * file (600) when missing.
     *
     * @return true when the key was added, false when it was already authorized
     */
    public boolean installPublicKey(String publicKeyLine) throws SshFailure {
        String line = publicKeyLine.strip();
        try {
            AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(line);
            if (entry == null || entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING) == null) {
                throw new IllegalArgumentException("empty");
            }
        } catch (Exception e) {
            throw new SshFailure(Kind.KEY_UNREADABLE, "That is not an OpenSSH public key line (ssh-ed25519 AAAA... comment)");
        }
        if (line.contains("'") || line.contains("\n")) {
            throw new SshFailure(Kind.KEY_UNREADABLE, "The public key's comment may not contain quotes or line breaks");
        }
        String script = "umask 077; mkdir -p ~/.ssh && chmod 700 ~/.ssh && touch ~/.ssh/authorized_keys && chmod 600 ~/.ssh/authorized_keys"
                + " && { if grep -qxF -- '" + line + "' ~/.ssh/authorized_keys; then echo keyport:present;"
                + " else { [ -z \"$(tail -c1 ~/.ssh/authorized_keys)\" ] || echo; echo '" + line + "'; } >> ~/.ssh/authorized_keys && echo keyport:added; fi; }";
        ExecResult result = exec(script, null, Duration.ofSeconds(30));
        if (result.exitStatus() != 0) {
            throw new SshFailure(Kind.CHANNEL_OPEN_FAILED, "Could not install the key on " + spec.displayName() + ": "
                    + result.stderrText().strip());
        }
        return result.stdoutText().contains("keyport:added");
    }

    /**
     * Starts one forward over this authenticated connection. It closes when this connection closes (then
     * {@link Forwarding#isOpen()} is false, so the caller can reconnect and start it again).
     *
     * @throws SshFailure with a message a person can act on: {@link Kind#PORT_IN_USE}, {@link Kind#BIND_FAILED},
     *                    {@link Kind#FORWARD_REFUSED}, {@link Kind#DISCONNECTED}
     */
    public Forwarding startForward(ForwardSpec spec) throws SshFailure {
        return Tunnels.start(session, spec, spec().displayName());
    }

    private SshFailure channelFailure(String what, Exception e) {
        if (!session.isOpen()) {
            return new SshFailure(Kind.DISCONNECTED, "The connection to " + spec.displayName() + " is closed", e);
        }
        return new SshFailure(Kind.CHANNEL_OPEN_FAILED, "The server " + spec.displayName() + " refused to " + what + ": " + e.getMessage(), e);
    }

    private void closeChain() {
        List<AutoCloseable> reversed = new ArrayList<>(jumpChain);
        Collections.reverse(reversed);
        for (AutoCloseable c : reversed) {
            try {
                if (c instanceof ClientSession s) {
                    s.close(false);
                } else {
                    c.close();
                }
            } catch (Exception e) {
                // closing anyway
            }
        }
    }

    @Override
    public void close() {
        ConnectionNotes.of(session).closedLocally = true;
        session.close(false);
        closeChain();
    }
}
