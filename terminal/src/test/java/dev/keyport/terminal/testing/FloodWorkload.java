package dev.keyport.terminal.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The flood workload of issue 5: {@code seq 1 N} with an ANSI-coloured log line after every 50th
 * number, CRLF line endings as a PTY sends them. N = 5,000,000 gives 54,826,569 bytes (54.9 MB).
 * Log line: dim time stamp, level (INFO green, DEBUG blue, WARN bold yellow, ERROR bold red),
 * worker, class name in cyan, then plain text.
 */
public final class FloodWorkload {

    public static final int FULL_COUNT = 5_000_000;
    private static final String[] LEVEL = {"INFO ", "DEBUG", "WARN ", "ERROR"};
    private static final String[] LEVEL_SGR = {"32", "34", "1;33", "1;31"};
    private static final String[] CLASSES = {"com.example.flood.Service", "org.acme.net.Connection",
        "io.keyport.ssh.Channel", "com.example.db.Pool", "org.acme.http.Handler"};

    private FloodWorkload() {
    }

    public static byte[] generate(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 12);
        try {
            write(out, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static long write(Path file, int count) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            return write(out, count);
        }
    }

    private static long write(OutputStream out, int count) throws IOException {
        long seed = 42;
        long bytes = 0;
        StringBuilder sb = new StringBuilder(256);
        for (int i = 1; i <= count; i++) {
            sb.setLength(0);
            sb.append(i).append("\r\n");
            if (i % 50 == 0) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                int r = (int) (seed >>> 33);
                int level = (r & 15) < 10 ? 0 : (r & 15) < 13 ? 1 : (r & 15) < 15 ? 2 : 3;
                long ms = i * 7L;
                sb.append("\u001b[2m")
                        .append(pad((ms / 3_600_000) % 24, 2)).append(':').append(pad((ms / 60_000) % 60, 2)).append(':')
                        .append(pad((ms / 1000) % 60, 2)).append('.').append(pad(ms % 1000, 3))
                        .append("\u001b[0m \u001b[").append(LEVEL_SGR[level]).append('m').append(LEVEL[level])
                        .append("\u001b[0m [worker-").append(pad((r >>> 4) % 16, 2)).append("] \u001b[36m")
                        .append(CLASSES[(r >>> 8) % CLASSES.length]).append("\u001b[0m - req id=")
                        .append(pad(i, 7))
                        .append(" status=").append(level == 3 ? 500 : 200).append("\r\n");
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
            out.write(b);
            bytes += b.length;
        }
        return bytes;
    }

    /**
     * What a terminal must show after the workload, independent of any emulator: the input without
     * its CSI sequences, split at line feeds; the last {@code lines} of it (the last one is the empty
     * cursor line).
     */
    public static List<String> lastLines(byte[] bytes, int lines) {
        String data = new String(bytes, StandardCharsets.UTF_8);
        ArrayDeque<String> ring = new ArrayDeque<>(lines + 1);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < data.length(); i++) {
            char b = data.charAt(i);
            if (b == 0x1b && i + 1 < data.length() && data.charAt(i + 1) == '[') {
                i += 2;
                while (i < data.length() && (data.charAt(i) < 0x40 || data.charAt(i) > 0x7e)) {
                    i++;
                }
            } else if (b == '\n') {
                ring.addLast(current.toString());
                current.setLength(0);
                if (ring.size() > lines) {
                    ring.removeFirst();
                }
            } else if (b != '\r') {
                current.append(b);
            }
        }
        ring.addLast(current.toString());
        if (ring.size() > lines) {
            ring.removeFirst();
        }
        return new ArrayList<>(ring);
    }

    private static String pad(long v, int width) {
        StringBuilder s = new StringBuilder(Long.toString(v));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }
}
