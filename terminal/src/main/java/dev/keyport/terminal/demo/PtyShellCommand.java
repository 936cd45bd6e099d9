package dev.keyport.terminal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local user's shell behind a real PTY, made by util-linux {@code script}. Window changes
 * from the client resize that PTY ({@code stty -F}), so full-screen programs and {@code stty size}
 * behave as on a real server. Linux only; {@link LocalSshServer} falls back to pipes elsewhere.
 */
final class PtyShellCommand implements Command {

    static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final Logger LOG = LoggerFactory.getLogger(PtyShellCommand.class);

    private final String shell;
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private Process process;

    PtyShellCommand(String shell) {
        this.shell = shell;
    }

    static boolean available() {
        return System.getProperty("os.name", "").toLowerCase().contains("linux") && Files.isExecutable(SCRIPT)
                && Files.isExecutable(Path.of("/bin/stty"));
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // script merges the shell's stderr into the PTY, as a real terminal does
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        Map<String, String> vars = env.getEnv();
        String columns = number(vars.get(Environment.ENV_COLUMNS), "80");
        String lines = number(vars.get(Environment.ENV_LINES), "24");
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qfec",
                "stty cols " + columns + " rows " + lines + " 2>/dev/null; exec " + shell + " -i", "/dev/null");
        builder.environment().put("TERM", vars.getOrDefault(Environment.ENV_TERM, "xterm-256color"));
        builder.redirectErrorStream(true);
        builder.directory(Path.of(System.getProperty("user.home")).toFile());
        process = builder.start();
        env.addSignalListener((ch, signal) -> resize(env.getEnv()), Signal.WINCH);
        Thread output = new Thread(() -> pump(process.getInputStream(), out, true), "demo-shell-out");
        Thread input = new Thread(() -> pump(in, process.getOutputStream(), false), "demo-shell-in");
        output.setDaemon(true);
        input.setDaemon(true);
        output.start();
        input.start();
    }

    private void pump(InputStream from, OutputStream to, boolean reportExit) {
        byte[] buffer = new byte[32 * 1024];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            LOG.debug("Demo shell stream ended: {}", e.getMessage());
        }
        if (reportExit) {
            int status = 0;
            try {
                process.waitFor(5, TimeUnit.SECONDS);
                status = process.isAlive() ? 0 : process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exit.onExit(status);
        } else {
            process.destroy();
        }
    }

    /** Resizes the PTY that {@code script} made for the shell, found through the shell's stdin. */
    private void resize(Map<String, String> vars) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        Optional<Path> tty = p.toHandle().children().findFirst()
                .map(child -> Path.of("/proc", Long.toString(child.pid()), "fd", "0"))
                .flatMap(PtyShellCommand::readLink);
        if (tty.isEmpty()) {
            return;
        }
        try {
            new ProcessBuilder(List.of("/bin/stty", "-F", tty.get().toString(),
                    "cols", number(vars.get(Environment.ENV_COLUMNS), "80"), "rows", number(vars.get(Environment.ENV_LINES), "24")))
                    .redirectErrorStream(true).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.debug("Resizing the demo PTY failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> readLink(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    private static String number(String value, String fallback) {
        return value != null && value.matches("\\d{1,4}") ? value : fallback;
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }
}
