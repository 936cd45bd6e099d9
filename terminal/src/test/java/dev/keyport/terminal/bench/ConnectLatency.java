package dev.keyport.terminal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.HostKeyPolicy;
import dev.keyport.terminal.SessionOptions;
import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/**
 * Connect latency benchmark (not a test): connect + authenticate (ed25519 key) + {@code exec true} +
 * close against one local OpenSSH sshd, for the OpenSSH client and for Keyport's session layer
 * (warm JVM median, and the first connection of a fresh JVM per key exchange). See docs/benchmarks.md.
 */
public final class ConnectLatency {

    private static final int RUNS = 20;
    private static final int WARMUP = 5;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("first")) {
            firstConnection(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
            return;
        }
        Path dir = Files.createTempDirectory("keyport-bench");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of("LogLevel ERROR"))) {
            Path key = sshd.authorizeNewKey("bench_key");
            Path knownHosts = dir.resolve("known_hosts");
            Files.writeString(knownHosts, "[127.0.0.1]:" + sshd.port() + " " + sshd.hostPublicKey() + "\n");
            String version = OpenSshServer.run("sh", "-c", "ssh -V 2>&1").trim();

            double openssh = median(measureOpenSsh(sshd.port(), key, knownHosts));
            List<Double> warm = measureKeyportWarm(sshd.port(), key, knownHosts);
            double keyport = median(warm.subList(WARMUP, warm.size()));
            String kex = negotiatedKex(sshd.port(), key, knownHosts);
            FirstRun first = firstInFreshJvm(sshd.port(), key, knownHosts);

            System.out.println();
            System.out.println("== Connect latency: connect + auth (ed25519) + exec true + close, 127.0.0.1, " + version + " ==");
            System.out.printf(Locale.ROOT, "OpenSSH ssh client          median of %d: %7.1f ms%n", RUNS, openssh);
            System.out.printf(Locale.ROOT, "Keyport warm JVM            median of %d: %7.1f ms   ratio %.2fx OpenSSH   (kex %s)%n",
                    RUNS, keyport, keyport / openssh, kex);
            System.out.printf(Locale.ROOT, "Keyport fresh JVM, first connection:    %7.1f ms   (process start to done: %.0f ms)%n",
                    first.inJvm, first.sinceProcessStart);

            System.out.println("-- first connection of a fresh JVM by key exchange (server restricted to one KEX) --");
            for (String only : List.of("curve25519-sha256", "sntrup761x25519-sha512@openssh.com")) {
                try (OpenSshServer one = OpenSshServer.start(dir.resolve("sshd-" + only.replace('@', '_')),
                        List.of("LogLevel ERROR", "KexAlgorithms " + only))) {
                    one.authorize(Path.of(key + ".pub"));
                    Path kh = dir.resolve("kh-" + one.port());
                    Files.writeString(kh, "[127.0.0.1]:" + one.port() + " " + one.hostPublicKey() + "\n");
                    FirstRun run = firstInFreshJvm(one.port(), key, kh);
                    List<Double> w = measureKeyportWarm(one.port(), key, kh);
                    System.out.printf(Locale.ROOT, "  %-40s first %7.1f ms, warm median %6.1f ms (OpenSSH sshd)%n", only, run.inJvm,
                            median(w.subList(WARMUP, w.size())));
                }
            }
            // OpenSSH 9.2 has no ML-KEM; measure it against sshd-core's server in this JVM instead.
            try (InProcessServer mlkem = InProcessServer.start("mlkem768x25519-sha256", Path.of(key + ".pub"))) {
                Path kh = dir.resolve("kh-mlkem");
                FirstRun run = firstInFreshJvm(mlkem.port(), key, kh);
                List<Double> w = measureKeyportWarm(mlkem.port(), key, kh);
                System.out.printf(Locale.ROOT, "  %-40s first %7.1f ms, warm median %6.1f ms (sshd-core server in the benchmark JVM)%n",
                        "mlkem768x25519-sha256", run.inJvm, median(w.subList(WARMUP, w.size())));
            }
        }
    }

    private static List<Double> measureOpenSsh(int port, Path key, Path knownHosts) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < RUNS + 2; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                    "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
                    "-o", "IdentityAgent=none", "-i", key.toString(), "-p", String.valueOf(port), "root@127.0.0.1", "true")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("ssh failed with " + p.exitValue());
            }
            if (i >= 2) {
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        return times;
    }

    private static ConnectionSpec spec(int port, Path key) throws Exception {
        return new ConnectionSpec("bench", "127.0.0.1", port, "root", List.of(new Credential.PrivateKey("bench", Files.readAllBytes(key))))
                .withOptions(SessionOptions.DEFAULTS.withHostKeyPolicy(HostKeyPolicy.ACCEPT_NEW).withAgent(false, false));
    }

    private static List<Double> measureKeyportWarm(int port, Path key, Path knownHosts) throws Exception {
        List<Double> times = new ArrayList<>();
        try (SshConnector ssh = new SshConnector(KnownHostsFile.of(knownHosts, false), new ScriptedPrompter(null, null))) {
            for (int i = 0; i < WARMUP + RUNS; i++) {
                ConnectionSpec spec = spec(port, key);
                long start = System.nanoTime();
                try (SshConnection connection = ssh.connect(spec)) {
                    int status = connection.exec("true", null, Duration.ofSeconds(30)).exitStatus();
                    if (status != 0) {
                        throw new IllegalStateException("exec true returned " + status);
                    }
                }
                times.add((System.nanoTime() - start) / 1e6);
            }
        }
        return times;
    }

    private static String negotiatedKex(int port, Path key, Path knownHosts) throws Exception {
        try (SshConnector ssh = new SshConnector(KnownHostsFile.of(knownHosts, false), new ScriptedPrompter(null, null));
             SshConnection connection = ssh.connect(spec(port, key))) {
            return connection.negotiatedKeyExchange();
        }
    }

    private record FirstRun(double inJvm, double sinceProcessStart) {
    }

    /** Runs {@code first} in a new JVM with the same class path; it prints two numbers. */
    private static FirstRun firstInFreshJvm(int port, Path key, Path knownHosts) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String logConfig = System.getProperty("logback.configurationFile", "");
        Process p = new ProcessBuilder(java, "-Dlogback.configurationFile=" + logConfig, "-cp", System.getProperty("java.class.path"),
                ConnectLatency.class.getName(), "first",
                String.valueOf(port), key.toString(), knownHosts.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("first-connection JVM failed: " + out);
        }
        String[] lines = out.lines().filter(l -> l.startsWith("FIRST ")).findFirst().orElseThrow(() -> new IllegalStateException(out)).split(" ");
        return new FirstRun(Double.parseDouble(lines[1]), Double.parseDouble(lines[2]));
    }

    private static void firstConnection(int port, Path key, Path knownHosts) throws Exception {
        long start = System.nanoTime();
        try (SshConnector ssh = new SshConnector(KnownHostsFile.of(knownHosts, false), new ScriptedPrompter(null, null));
             SshConnection connection = ssh.connect(spec(port, key))) {
            connection.exec("true", null, Duration.ofSeconds(30));
        }
        double inJvm = (System.nanoTime() - start) / 1e6;
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        double total = Duration.between(processStart, Instant.now()).toNanos() / 1e6;
        System.out.printf(Locale.ROOT, "FIRST %.1f %.1f%n", inJvm, total);
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** sshd-core's server restricted to one key exchange, accepting one public key, running commands with /bin/sh. */
    private static final class InProcessServer implements AutoCloseable {
        private final SshServer server;

        private InProcessServer(SshServer server) {
            this.server = server;
        }

        static InProcessServer start(String kex, Path authorizedKey) throws Exception {
            KeyPair hostKey = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
            java.security.PublicKey allowed = org.apache.sshd.common.config.keys.AuthorizedKeyEntry
                    .parseAuthorizedKeyEntry(Files.readString(authorizedKey).trim())
                    .resolvePublicKey(null, org.apache.sshd.common.config.keys.PublicKeyEntryResolver.FAILING);
            SshServer server = SshServer.setUpDefaultServer();
            server.setKeyExchangeFactories(server.getKeyExchangeFactories().stream().filter(f -> f.getName().equals(kex)).toList());
            if (server.getKeyExchangeFactories().isEmpty()) {
                throw new IllegalStateException(kex + " is not supported by sshd-core here");
            }
            server.setHost("127.0.0.1");
            server.setPort(0);
            server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            server.setPublickeyAuthenticator((user, k, session) -> KeyUtils.compareKeys(allowed, k));
            server.setPasswordAuthenticator(null);
            server.setKeyboardInteractiveAuthenticator(null);
            server.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
            server.start();
            return new InProcessServer(server);
        }

        int port() {
            return server.getPort();
        }

        @Override
        public void close() throws Exception {
            server.stop(true);
        }
    }

    private ConnectLatency() {
    }

    static String names(List<? extends NamedResource> list) {
        return NamedResource.getNameList(list).toString();
    }
}
