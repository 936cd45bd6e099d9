package dev.keyport.terminal.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1 and a free port, with its own config, host key and
 * authorized keys in a directory the test owns. Logs at VERBOSE so tests can read what happened.
 */
public final class OpenSshServer implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    public static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");

    private final Path dir;
    private final int port;
    private final Process process;
    private final List<String> extraConfig;

    private OpenSshServer(Path dir, int port, Process process, List<String> extraConfig) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.extraConfig = List.copyOf(extraConfig);
    }

    /** Fails with a clear message when OpenSSH is not installed. */
    public static void requireInstalled() {
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(SSH_KEYGEN)) {
            throw new IllegalStateException("This test needs a real OpenSSH server: /usr/sbin/sshd and ssh-keygen were not found."
                    + " Install it with: apt-get install openssh-server  (.ci/run does this).");
        }
    }

    /** Starts sshd with key authentication for the current user; {@code extraConfig} lines override the defaults. */
    public static OpenSshServer start(Path dir, List<String> extraConfig) throws IOException, InterruptedException {
        return start(dir, extraConfig, 0);
    }

    /**
     * Stops this server, gives it a new ed25519 host key and starts it again on the same port with
     * the same configuration: what a man in the middle (or a reinstall) looks like to a client.
     */
    public OpenSshServer restartWithNewHostKey() throws IOException, InterruptedException {
        close();
        Files.deleteIfExists(dir.resolve("ssh_host_ed25519_key"));
        Files.deleteIfExists(dir.resolve("ssh_host_ed25519_key.pub"));
        Files.deleteIfExists(dir.resolve("sshd.log"));
        return start(dir, extraConfig, port);
    }

    /** Starts this server again on the same port with the same host key and configuration (after {@link #kill()}, say). */
    public OpenSshServer restart() throws IOException, InterruptedException {
        close();
        return start(dir, extraConfig, port);
    }

    /** Freezes sshd and all its connection processes (SIGSTOP): a server that stops answering without closing TCP. */
    public void freeze() throws IOException, InterruptedException {
        signalAll("-STOP");
    }

    /** Kills sshd and all its connection processes at once (SIGKILL), as a crash or power loss would. */
    public void kill() throws IOException, InterruptedException {
        signalAll("-KILL");
    }

    private void signalAll(String signal) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal, String.valueOf(process.pid())));
        process.descendants().forEach(p -> command.add(String.valueOf(p.pid())));
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static OpenSshServer start(Path dir, List<String> extraConfig, int fixedPort) throws IOException, InterruptedException {
        requireInstalled();
        Files.createDirectories(dir);
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
        }
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        if (!Files.exists(hostKey)) {
            run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", "keyport-test-host", "-f", hostKey.toString());
        }
        Path authorized = dir.resolve("authorized_keys");
        if (!Files.exists(authorized)) {
            Files.writeString(authorized, "");
        }
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = fixedPort > 0 ? fixedPort : freePort();
            // sshd keeps the first value of a keyword: the test's lines come first so they override the defaults.
            List<String> config = new ArrayList<>(extraConfig);
            config.addAll(List.of(
                    "Port " + port,
                    "ListenAddress 127.0.0.1",
                    "HostKey " + hostKey,
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + authorized,
                    "StrictModes no",
                    "UsePAM no",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PermitRootLogin prohibit-password",
                    "PrintMotd no",
                    "PrintLastLog no",
                    "LogLevel VERBOSE"));
            Path configFile = dir.resolve("sshd_config");
            Files.write(configFile, config, StandardCharsets.UTF_8);
            Path log = dir.resolve("sshd.log");
            Process process = new ProcessBuilder(SSHD.toString(), "-D", "-f", configFile.toString(), "-E", log.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.out").toFile()).start();
            OpenSshServer server = new OpenSshServer(dir, port, process, extraConfig);
            if (server.awaitListening()) {
                return server;
            }
            server.close();
            last = new IOException("sshd did not start on port " + port + ": " + server.log());
        }
        throw last;
    }

    private boolean awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /** Makes an ed25519 key pair with the real ssh-keygen, authorizes it, and returns the private key file. */
    public Path authorizeNewKey(String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        run(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        return key;
    }

    /** Authorizes an existing public key file (appends it to the server's authorized_keys). */
    public void authorize(Path publicKey) throws IOException {
        String line = Files.readString(publicKey).trim() + "\n";
        Files.writeString(dir.resolve("authorized_keys"), line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return dir;
    }

    /** The host public key line, {@code ssh-ed25519 AAAA... comment}. */
    public String hostPublicKey() throws IOException {
        return Files.readString(dir.resolve("ssh_host_ed25519_key.pub")).trim();
    }

    /** What sshd logged so far. */
    public String log() {
        try {
            Path log = dir.resolve("sshd.log");
            return (Files.exists(log) ? Files.readString(log) : "") + readIfExists(dir.resolve("sshd.out"));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String readIfExists(Path path) throws IOException {
        return Files.exists(path) ? Files.readString(path) : "";
    }

    /** Runs a command, fails when it exits non-zero; returns its output (stdout and stderr). */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            signalAll("-CONT");
        } catch (IOException | InterruptedException e) {
            // it may be gone already
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
