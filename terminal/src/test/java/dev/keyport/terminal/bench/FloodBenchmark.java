package dev.keyport.terminal.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import dev.keyport.terminal.testing.FloodWorkload;
import dev.keyport.terminal.testing.HeadlessTerminal;
import dev.keyport.terminal.testing.Workload;
import dev.keyport.terminal.tty.FloodTuning;

/**
 * Not a test: parses the flood workload with Keyport's terminal pipeline (a TtyConnector over a UTF-8
 * reader, as SshTtyConnector reads the channel, feeding JediTermFX's emulator and buffer; no screen),
 * 200x50 with 10,000 lines of scrollback, and prints MB/s, CPU, peak heap and peak RSS, then checks
 * the kept text against the input. Run with {@code bench/flood.sh} (docs/benchmarks.md).
 *
 * <p>{@code gen-all DIR} writes every {@link Workload} (issue 13) as {@code DIR/<name>.bin}; {@code run} on one of
 * them prints its name. The kept text is checked against the input only for the workloads without cursor
 * movement or carriage-return overwrites (the plain flood and the build log).
 *
 * <pre>FloodBenchmark gen FILE [COUNT] | gen-all DIR | run FILE [--no-skip] [--stock]</pre>
 */
public final class FloodBenchmark {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if (args[0].equals("gen")) {
            long bytes = FloodWorkload.write(file, args.length > 2 ? Integer.parseInt(args[2]) : FloodWorkload.FULL_COUNT);
            System.out.printf("wrote %s: %,d bytes%n", file, bytes);
            return;
        }
        if (args[0].equals("gen-all")) {
            Files.createDirectories(file);
            for (Workload w : Workload.values()) {
                Path out = file.resolve(w.id() + ".bin");
                if (!Files.exists(out)) {
                    System.out.printf("wrote %s: %,d bytes%n", out, w.write(out, w.benchmarkBytes(), 200, 50));
                }
            }
            return;
        }
        List<String> options = List.of(args).subList(2, args.length);
        boolean stock = options.contains("--stock");
        FloodTuning tuning = FloodTuning.forScrollback(10_000).withSkipInvisibleLines(!options.contains("--no-skip"));
        long size = Files.size(file);
        MemorySampler memory = new MemorySampler();
        memory.start();
        double seconds;
        double parseCpu;
        long cpu0;
        HeadlessTerminal term;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            var tty = HeadlessTerminal.connector(in);
            // built before the clock starts, as the xterm.js script builds its Terminal first
            term = stock ? HeadlessTerminal.stock(200, 50, 10_000, tty) : HeadlessTerminal.keyport(200, 50, tuning, tty);
            cpu0 = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
            long t0 = System.nanoTime();
            long thread0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            term.run();
            seconds = (System.nanoTime() - t0) / 1e9;
            parseCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread0) / 1e9;
        }
        long cpu = (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0) - cpu0;
        memory.halt();
        String label = stock ? "stock JediTermFX" : "Keyport pipeline" + (tuning.skipInvisibleLines() ? "" : " (no skipper)");
        String name = file.getFileName().toString().replaceFirst("\\.bin$", "");
        System.out.printf("RESULT %s, %s: %.1f MB in %.2f s = %.2f MB/s (process CPU %.2f s, parsing thread %.2f s = %.2f MB/s of its CPU) | peak heap %d MB, peak RSS %d MB, max heap %d MB%n",
                name, label, size / 1e6, seconds, size / 1e6 / seconds, cpu / 1e9, parseCpu, size / 1e6 / parseCpu, memory.peakHeap / 1_048_576, vmHwmKb() / 1024,
                Runtime.getRuntime().maxMemory() / 1_048_576);
        if (term.pipeline() != null && term.pipeline().skipper() != null) {
            System.out.printf("skipper dropped %,d lines before the emulator%n", term.pipeline().skipper().droppedLines());
        }
        if (name.equals("flood") || name.equals(Workload.PLAIN_FLOOD.id()) || name.equals(Workload.BUILD_LOG.id())) {
            check(Files.readAllBytes(file), term.buffer());
        }
    }

    private static void check(byte[] sent, TerminalTextBuffer buffer) {
        int want = 10_000 + buffer.getHeight();
        List<String> expected = FloodWorkload.lastLines(sent, want);
        List<String> actual = new ArrayList<>();
        LinesBuffer history = buffer.getHistoryBuffer();
        for (int i = 0; i < history.getLineCount(); i++) {
            actual.add(strip(history.getLine(i).getText()));
        }
        for (int i = 0; i < buffer.getHeight(); i++) {
            actual.add(strip(buffer.getLine(i).getText()));
        }
        int mismatches = 0;
        for (int k = 1; k <= Math.min(expected.size(), actual.size()); k++) {
            if (!expected.get(expected.size() - k).equals(actual.get(actual.size() - k))) {
                mismatches++;
            }
        }
        System.out.printf("CHECK %d kept lines (history %d + screen %d) against the input: %s%n", actual.size(),
                history.getLineCount(), buffer.getHeight(), mismatches == 0 && actual.size() == want ? "identical" : mismatches + " differ");
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    static long vmHwmKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return -1;
    }

    private static final class MemorySampler extends Thread {
        private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private volatile long peakHeap;

        MemorySampler() {
            setDaemon(true);
            setName("memory-sampler");
        }

        @Override
        public void run() {
            while (running) {
                peakHeap = Math.max(peakHeap, bean.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void halt() {
            running = false;
        }
    }
}
