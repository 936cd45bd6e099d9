package dev.keyport.terminal.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.testing.LoopbackServer;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.terminal.tunnel.Forwarding;

/**
 * Tunnel benchmark (not a test; see docs/benchmarks.md, "Tunnels"): Keyport's -L against OpenSSH's
 * {@code ssh -N -L} through the same local OpenSSH sshd, to the same sink, source and echo servers in
 * this JVM. Per cipher setting: bulk MB/s each way (rounds alternate between the two forwarders), short
 * connections per second, and the memory of 200 open connections.
 *
 * <p>Usage: {@code TunnelBenchmark OUTDIR [MiB per transfer] [rounds]}
 */
public final class TunnelBenchmark {

    private static final int BUFFER = 256 * 1024;
    private static final int SHORT_CONNECTIONS = 2000;
    private static final int SHORT_THREADS = 8;
    private static final int HELD_CONNECTIONS = 200;

    private final long size;
    private final int rounds;
    private final LoopbackServer sink;
    private final LoopbackServer source;
    private final LoopbackServer echo;

    private TunnelBenchmark(long size, int rounds) throws IOException {
        this.size = size;
        this.rounds = rounds;
        this.sink = LoopbackServer.start("sink", countingSink());
        this.source = LoopbackServer.start("source", repeatingSource());
        this.echo = LoopbackServer.start("echo", LoopbackServer.echo());
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench-out/tunnel").toAbsolutePath();
        long mib = args.length > 1 ? Long.parseLong(args[1]) : 1024;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(out);
        TunnelBenchmark bench = new TunnelBenchmark(mib * 1024 * 1024, rounds);
        if (args.length > 3 && args[3].equals("keyport-only")) {
            bench.keyportOnly(out.resolve("keyport-only")); // for a profiler: Keyport's transfers alone, aes128-gcm
            System.exit(0);
        }
        System.out.println("== Tunnels: " + mib + " MiB per transfer, " + rounds + " rounds, " + OpenSshServer.run("sh", "-c", "ssh -V 2>&1").trim()
                + ", Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, load "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        bench.run(out.resolve("aes128-gcm"), Optional.of("aes128-gcm@openssh.com"));
        bench.run(out.resolve("defaults"), Optional.empty());
        System.exit(0);
    }

    /** One {@code ssh -N -L} with its three forwards (sink, source, echo). */
    private record OpenSshForward(Process process, int sink, int source, int echo) implements AutoCloseable {
        static OpenSshForward start(Path dir, String name, int niceness, int sshdPort, Path key, LoopbackServer sink,
                                    LoopbackServer source, LoopbackServer echo) throws Exception {
            int oSink = freePort();
            int oSource = freePort();
            int oEcho = freePort();
            List<String> command = new ArrayList<>();
            if (niceness != 0) {
                command.addAll(List.of("nice", "-n", String.valueOf(niceness)));
            }
            command.addAll(List.of("ssh", "-N", "-F", "/dev/null", "-i", key.toString(), "-p", String.valueOf(sshdPort),
                    "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                    "-o", "ExitOnForwardFailure=yes",
                    "-L", "127.0.0.1:" + oSink + ":127.0.0.1:" + sink.port(),
                    "-L", "127.0.0.1:" + oSource + ":127.0.0.1:" + source.port(),
                    "-L", "127.0.0.1:" + oEcho + ":127.0.0.1:" + echo.port(), "root@127.0.0.1"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
            awaitListening(oSink, oSource, oEcho);
            return new OpenSshForward(process, oSink, oSource, oEcho);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void run(Path dir, Optional<String> cipher) throws Exception {
        deleteTree(dir);
        List<String> config = new ArrayList<>(List.of("LogLevel DEBUG1", "MaxStartups 200", "MaxSessions 1000"));
        cipher.ifPresent(c -> config.add("Ciphers " + c));
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), config)) {
            Path key = sshd.authorizeNewKey("bench_key");
            SshConnector connector = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, null),
                    Optional.empty());
            SshConnection connection = connector.connect(new ConnectionSpec("bench", "127.0.0.1", sshd.port(), "root",
                    List.of(new Credential.PrivateKey("bench_key", Files.readAllBytes(key)))));
            Forwarding kSink = connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + sink.port()));
            Forwarding kSource = connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + source.port()));
            Forwarding kEcho = connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + echo.port()));
            try (OpenSshForward ssh = OpenSshForward.start(dir, "ssh", 0, sshd.port(), key, sink, source, echo);
                 OpenSshForward sshNice = OpenSshForward.start(dir, "ssh-nice10", BackgroundPriority.NICE, sshd.port(), key, sink, source, echo)) {
                List<String> ciphers = negotiatedCiphers(sshd.log());
                System.out.println();
                System.out.println("-- " + (cipher.isPresent() ? "server restricted to " + cipher.get() : "each side's default")
                        + ": Keyport negotiated " + (ciphers.size() > 0 ? ciphers.get(0) : "?")
                        + ", OpenSSH ssh negotiated " + (ciphers.size() > 1 ? ciphers.get(1) : "?"));

                // JIT warm-up for Keyport (OpenSSH needs none): the full size each way once
                upload(kSink.boundPort(), size);
                download(kSource.boundPort(), size);

                List<Double> kUps = new ArrayList<>(), oUps = new ArrayList<>(), nUps = new ArrayList<>();
                List<Double> kDowns = new ArrayList<>(), oDowns = new ArrayList<>(), nDowns = new ArrayList<>();
                List<Double> ratiosUp = new ArrayList<>(), ratiosDown = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    ThreadCpu threads = new ThreadCpu();
                    Transfer kUp = measure(() -> upload(kSink.boundPort(), size), ssh.process());
                    String upThreads = threads.finish();
                    Transfer oUp = measure(() -> upload(ssh.sink(), size), ssh.process());
                    Transfer nUp = measure(() -> upload(sshNice.sink(), size), sshNice.process());
                    threads = new ThreadCpu();
                    Transfer kDown = measure(() -> download(kSource.boundPort(), size), ssh.process());
                    String downThreads = threads.finish();
                    Transfer oDown = measure(() -> download(ssh.source(), size), ssh.process());
                    Transfer nDown = measure(() -> download(sshNice.source(), size), sshNice.process());
                    kUps.add(kUp.mbs);
                    oUps.add(oUp.mbs);
                    nUps.add(nUp.mbs);
                    kDowns.add(kDown.mbs);
                    oDowns.add(oDown.mbs);
                    nDowns.add(nDown.mbs);
                    ratiosUp.add(kUp.mbs / oUp.mbs);
                    ratiosDown.add(kDown.mbs / oDown.mbs);
                    System.out.printf(Locale.ROOT, "round %d  up:   Keyport %5.0f MB/s | OpenSSH %5.0f MB/s, ratio %.2fx | OpenSSH at nice 10 %5.0f MB/s,"
                            + " ratio %.2fx   CPU s: Keyport JVM %.2f | JVM %.2f + ssh %.2f%n", round, kUp.mbs, oUp.mbs, kUp.mbs / oUp.mbs,
                            nUp.mbs, kUp.mbs / nUp.mbs, kUp.jvmCpu, oUp.jvmCpu, oUp.sshCpu);
                    System.out.printf(Locale.ROOT, "round %d  down: Keyport %5.0f MB/s | OpenSSH %5.0f MB/s, ratio %.2fx | OpenSSH at nice 10 %5.0f MB/s,"
                            + " ratio %.2fx   CPU s: Keyport JVM %.2f | JVM %.2f + ssh %.2f%n", round, kDown.mbs, oDown.mbs, kDown.mbs / oDown.mbs,
                            nDown.mbs, kDown.mbs / nDown.mbs, kDown.jvmCpu, oDown.jvmCpu, oDown.sshCpu);
                    if (round == 1) {
                        System.out.println("  Keyport JVM CPU by thread, up:   " + upThreads);
                        System.out.println("  Keyport JVM CPU by thread, down: " + downThreads);
                    }
                }
                System.out.printf(Locale.ROOT, "median   up:   Keyport %5.0f MB/s | OpenSSH %5.0f MB/s, ratio %.2fx (lowest round %.2fx) |"
                        + " OpenSSH at nice 10 %5.0f MB/s, ratio %.2fx%n", median(kUps), median(oUps), median(kUps) / median(oUps),
                        Collections.min(ratiosUp), median(nUps), median(kUps) / median(nUps));
                System.out.printf(Locale.ROOT, "median   down: Keyport %5.0f MB/s | OpenSSH %5.0f MB/s, ratio %.2fx (lowest round %.2fx) |"
                        + " OpenSSH at nice 10 %5.0f MB/s, ratio %.2fx%n", median(kDowns), median(oDowns), median(kDowns) / median(oDowns),
                        Collections.min(ratiosDown), median(nDowns), median(kDowns) / median(nDowns));

                shortConnections(kEcho.boundPort()); // warm-up
                double kShort = shortConnections(kEcho.boundPort());
                double oShort = shortConnections(ssh.echo());
                double nShort = shortConnections(sshNice.echo());
                System.out.printf(Locale.ROOT, "short connections (%d, %d clients at a time, 1 byte echoed): Keyport %5.0f/s | OpenSSH %5.0f/s,"
                        + " ratio %.2fx | OpenSSH at nice 10 %5.0f/s, ratio %.2fx%n", SHORT_CONNECTIONS, SHORT_THREADS, kShort, oShort,
                        kShort / oShort, nShort, kShort / nShort);

                // The echo server and the clients live in this JVM too: what they cost alone is measured first and taken off.
                Memory direct = heldConnections(echo.port(), TunnelBenchmark::selfRss);
                Memory kMem = heldConnections(kEcho.boundPort(), TunnelBenchmark::selfRss).minus(direct);
                Memory oMem = heldConnections(ssh.echo(), () -> rss(ssh.process().pid()));
                System.out.printf(Locale.ROOT, "%d open connections (16 KiB echoed on each): Keyport RSS +%.1f MB (%.0f KB per connection;"
                        + " heap +%.1f MB, direct buffers +%.1f MB, threads +%d) | ssh RSS +%.1f MB (%.0f KB per connection)%n",
                        HELD_CONNECTIONS, kMem.rss / 1e6, kMem.rss / 1e3 / HELD_CONNECTIONS, kMem.heap / 1e6, kMem.direct / 1e6, kMem.threads,
                        oMem.rss / 1e6, oMem.rss / 1e3 / HELD_CONNECTIONS);
            } finally {
                connection.close();
                connector.close();
            }
        }
    }

    private void keyportOnly(Path dir) throws Exception {
        deleteTree(dir);
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of("Ciphers aes128-gcm@openssh.com"))) {
            Path key = sshd.authorizeNewKey("bench_key");
            try (SshConnector connector = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, null),
                    Optional.empty()); SshConnection connection = connector.connect(new ConnectionSpec("bench", "127.0.0.1", sshd.port(), "root",
                    List.of(new Credential.PrivateKey("bench_key", Files.readAllBytes(key)))))) {
                Forwarding kSink = connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + sink.port()));
                Forwarding kSource = connection.startForward(ForwardSpec.parse('L', "0:127.0.0.1:" + source.port()));
                for (int round = 0; round <= rounds; round++) {
                    ThreadCpu threads = new ThreadCpu();
                    double up = upload(kSink.boundPort(), size);
                    String upThreads = threads.finish();
                    threads = new ThreadCpu();
                    double down = download(kSource.boundPort(), size);
                    System.out.printf(Locale.ROOT, "%s up %5.0f MB/s (%s) | down %5.0f MB/s (%s)%n", round == 0 ? "warm-up" : "round " + round,
                            up, upThreads, down, threads.finish());
                }
            }
        }
    }

    // --- transfers ---

    @FunctionalInterface
    private interface Job {
        double run() throws Exception;
    }

    private record Transfer(double mbs, double jvmCpu, double sshCpu) {
    }

    private static Transfer measure(Job job, Process ssh) throws Exception {
        double jvm0 = cpuSeconds(ProcessHandle.current().pid());
        double ssh0 = cpuSeconds(ssh.pid());
        double mbs = job.run();
        return new Transfer(mbs, cpuSeconds(ProcessHandle.current().pid()) - jvm0, cpuSeconds(ssh.pid()) - ssh0);
    }

    /** Sends {@code bytes}, half-closes, waits for the sink's count; MB/s. */
    private static double upload(int port, long bytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (Socket socket = connect(port)) {
            long start = System.nanoTime();
            writeRepeated(socket.getOutputStream(), buffer, bytes);
            socket.shutdownOutput();
            long counted = ByteBuffer.wrap(socket.getInputStream().readNBytes(8)).getLong();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (counted != bytes) {
                throw new IOException("The sink counted " + counted + " bytes, not " + bytes);
            }
            return bytes / 1e6 / seconds;
        }
    }

    /** Asks the source for {@code bytes} and reads them to the end; MB/s. */
    private static double download(int port, long bytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (Socket socket = connect(port)) {
            long start = System.nanoTime();
            socket.getOutputStream().write(ByteBuffer.allocate(8).putLong(bytes).array());
            long got = countToEnd(socket.getInputStream(), buffer);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (got != bytes) {
                throw new IOException("Received " + got + " bytes, not " + bytes);
            }
            return bytes / 1e6 / seconds;
        }
    }

    private static double shortConnections(int port) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SHORT_THREADS);
        AtomicInteger left = new AtomicInteger(SHORT_CONNECTIONS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < SHORT_THREADS; t++) {
            done.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    try (Socket socket = connect(port)) {
                        socket.getOutputStream().write(7);
                        if (socket.getInputStream().read() != 7) {
                            throw new IOException("no echo");
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return SHORT_CONNECTIONS / seconds;
    }

    private record Memory(long rss, long heap, long direct, int threads) {
        Memory minus(Memory other) {
            return new Memory(rss - other.rss, heap - other.heap, direct - other.direct, threads - other.threads);
        }
    }

    @FunctionalInterface
    private interface Gauge {
        long read() throws IOException;
    }

    /** What holding 200 connections open costs: run with -Xms = -Xmx and AlwaysPreTouch, so the heap is in RSS from the start. */
    private static Memory heldConnections(int port, Gauge rss) throws Exception {
        Thread.sleep(2000); // let the short connections' threads end
        System.gc();
        long rss0 = rss.read();
        long heap0 = heapUsed();
        long direct0 = directUsed();
        int threads0 = Thread.activeCount();
        List<Socket> held = new ArrayList<>();
        byte[] data = new byte[16 * 1024];
        try {
            for (int i = 0; i < HELD_CONNECTIONS; i++) {
                Socket socket = connect(port);
                held.add(socket);
                socket.getOutputStream().write(data);
                socket.getInputStream().readNBytes(data.length);
            }
            Thread.sleep(1000);
            System.gc();
            return new Memory(rss.read() - rss0, heapUsed() - heap0, directUsed() - direct0, Thread.activeCount() - threads0);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static long directUsed() {
        return java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
    }

    // --- servers ---

    /** Reads to the end, then answers with the count (8 bytes). */
    private static LoopbackServer.Handler countingSink() {
        return socket -> {
            long count = countToEnd(socket.getInputStream(), new byte[BUFFER]);
            socket.getOutputStream().write(ByteBuffer.allocate(8).putLong(count).array());
            socket.shutdownOutput();
        };
    }

    /** Reads an 8-byte length and sends that many bytes (one buffer, again and again). */
    private static LoopbackServer.Handler repeatingSource() {
        return socket -> {
            long bytes = ByteBuffer.wrap(socket.getInputStream().readNBytes(8)).getLong();
            byte[] buffer = new byte[BUFFER];
            new java.util.Random(1).nextBytes(buffer);
            writeRepeated(socket.getOutputStream(), buffer, bytes);
            socket.shutdownOutput();
        };
    }

    // --- helpers ---

    /** Writes {@code bytes} bytes: {@code buffer} again and again. */
    private static void writeRepeated(OutputStream out, byte[] buffer, long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            int n = (int) Math.min(left, buffer.length);
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** Reads to the end; returns how many bytes came. */
    private static long countToEnd(InputStream in, byte[] buffer) throws IOException {
        long count = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            count += n;
        }
        return count;
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int... ports) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int port : ports) {
            while (true) {
                try (Socket s = connect(port)) {
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("ssh -L did not listen on " + port);
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    /** The ciphers sshd logged, one per connection in order ("kex: client->server cipher: X ..."). */
    private static List<String> negotiatedCiphers(String log) {
        List<String> ciphers = new ArrayList<>();
        Matcher m = Pattern.compile("kex: client->server cipher: (\\S+)").matcher(log);
        while (m.find()) {
            ciphers.add(m.group(1));
        }
        return ciphers;
    }

    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime + stime in clock ticks (USER_HZ 100)
    }

    /**
     * CPU of this JVM's threads while it runs, by name with digits folded (threads of one kind add up),
     * sampled every 20 ms so threads that end meanwhile (a connection's) are counted too.
     */
    private static final class ThreadCpu extends Thread {
        private final java.util.Map<String, double[]> byTask = new java.util.HashMap<>(); // tid -> {first, last}
        private final java.util.Map<String, String> names = new java.util.HashMap<>();
        private volatile boolean running = true;
        private boolean first = true;

        ThreadCpu() {
            setDaemon(true);
            sample();
            first = false;
            start();
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private synchronized void sample() {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String tid = task.getFileName().toString();
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        double cpu = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                        names.computeIfAbsent(tid, t -> stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N"));
                        // a thread there at the start counts from then, one born later from zero
                        byTask.computeIfAbsent(tid, t -> new double[] {first ? cpu : 0, cpu})[1] = cpu;
                    } catch (IOException | RuntimeException ended) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                // no /proc
            }
        }

        synchronized String finish() {
            running = false;
            sample();
            java.util.Map<String, Double> byName = new java.util.TreeMap<>();
            byTask.forEach((tid, cpu) -> byName.merge(names.get(tid), cpu[1] - cpu[0], Double::sum));
            StringBuilder text = new StringBuilder();
            byName.entrySet().stream().filter(e -> e.getValue() >= 0.05)
                    .sorted(java.util.Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> text.append(String.format(Locale.ROOT, "%s %.2f s, ", e.getKey(), e.getValue())));
            return text.length() == 0 ? "-" : text.substring(0, text.length() - 2);
        }
    }

    private static long selfRss() throws IOException {
        return rss(ProcessHandle.current().pid());
    }

    private static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    private static long heapUsed() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
