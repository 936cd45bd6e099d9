package dev.keyport.app.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import sun.misc.Signal;

import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.ssh.SshConnection;

/**
 * {@code keyport ssh HOST} without a command: the login shell in the current terminal, as
 * {@code ssh} does it. With a PTY the local terminal goes into raw mode ({@code stty raw -echo} on
 * {@code /dev/tty}, restored however the shell ends), its size is sent at the start and again on
 * every SIGWINCH, and keystrokes go to the server as they are typed. The exit status is the shell's.
 * {@code ssh -t HOST COMMAND} runs the command the same way.
 */
final class InteractiveShell {

    private static final Logger LOG = LoggerFactory.getLogger(InteractiveShell.class);
    private static final File TTY = new File("/dev/tty");

    private InteractiveShell() {
    }

    /**
     * Runs the shell until it ends; returns its exit status (-1 when the server sent none).
     *
     * @param pty whether to ask for a PTY (and put the local terminal in raw mode when there is one)
     */
    static int run(SshConnection connection, boolean pty, InputStream in, OutputStream out) throws SshFailure, IOException {
        return run(connection, Optional.empty(), pty, in, out);
    }

    /**
     * As {@link #run(SshConnection, boolean, InputStream, OutputStream)} for {@code command} when given
     * ({@code ssh -t HOST COMMAND}: the command on a PTY, the local terminal in raw mode meanwhile).
     */
    static int run(SshConnection connection, Optional<String> command, boolean pty, InputStream in, OutputStream out)
            throws SshFailure, IOException {
        Optional<String> saved = pty ? stty("-g") : Optional.empty();
        int[] size = pty ? size().orElse(new int[] {80, 24}) : new int[] {80, 24};
        String term = Optional.ofNullable(System.getenv("TERM")).filter(t -> t.matches("[A-Za-z0-9._+-]{1,64}")).orElse(null);
        ShellChannel shell = command.isPresent()
                ? connection.openCommand(command.get(), size[0], size[1], term, pty, saved.isPresent())
                : connection.openShell(size[0], size[1], term, pty, saved.isPresent());
        Thread restore = null;
        try {
            if (saved.isPresent()) {
                String state = saved.get();
                restore = new Thread(() -> stty(state), "keyport-restore-tty");
                Runtime.getRuntime().addShutdownHook(restore);
                stty("raw", "-echo");
                followWindowSize(shell);
            }
            Thread typing = new Thread(() -> pump(in, shell.input(), true), "keyport-ssh-stdin");
            typing.setDaemon(true);
            typing.start();
            pump(shell.output(), out, false);
            int status = shell.waitFor();
            out.flush();
            return status;
        } finally {
            shell.close();
            if (saved.isPresent()) {
                stty(saved.get());
                try {
                    Runtime.getRuntime().removeShutdownHook(restore);
                } catch (IllegalStateException e) {
                    // shutting down: the hook restores the terminal
                }
            }
        }
    }

    private static void followWindowSize(ShellChannel shell) {
        try {
            Signal.handle(new Signal("WINCH"), signal -> size().ifPresent(s -> {
                try {
                    shell.resize(s[0], s[1]);
                } catch (IOException e) {
                    LOG.debug("Could not send the new window size: {}", e.getMessage());
                }
            }));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("Window-size changes are not followed here: {}", e.getMessage());
        }
    }

    /** Copies until end of input; the shell's input is closed at the local end-of-file (as ssh sends EOF). */
    private static void pump(InputStream from, OutputStream to, boolean closeAtEnd) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
            if (closeAtEnd) {
                to.close();
            }
        } catch (IOException e) {
            LOG.debug("The shell's stream ended: {}", e.getMessage());
        }
    }

    /** The terminal's columns and rows ({@code stty size} on /dev/tty). */
    static Optional<int[]> size() {
        return stty("size").flatMap(text -> {
            String[] parts = text.strip().split("\\s+");
            try {
                int rows = Integer.parseInt(parts[0]);
                int columns = Integer.parseInt(parts[1]);
                return rows > 0 && columns > 0 ? Optional.of(new int[] {columns, rows}) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /** Runs stty on /dev/tty; its output, or empty when there is no terminal or stty failed. */
    private static Optional<String> stty(String... args) {
        if (!TTY.exists()) {
            return Optional.empty();
        }
        String[] command = new String[args.length + 1];
        command[0] = "stty";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return process.waitFor() == 0 ? Optional.of(output.strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
