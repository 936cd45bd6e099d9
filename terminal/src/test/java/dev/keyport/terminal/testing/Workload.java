package dev.keyport.terminal.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The terminal benchmark's workloads (issue 13), each named after the output it imitates. All are
 * deterministic (fixed seed), use CRLF line endings as a PTY sends them, and are generated for a
 * given screen size (full-screen programs address the whole screen).
 */
public enum Workload {

    /** Issue 5's flood: {@code seq} with a coloured log line after every 50th number (see {@link FloodWorkload}). */
    PLAIN_FLOOD("plain-flood") {
        @Override
        void write(Out out, Random r, long target, int columns, int rows) throws IOException {
            // about 11 bytes per number: scale the count to the target size
            out.raw(FloodWorkload.generate((int) Math.max(50, Math.min(FloodWorkload.FULL_COUNT, target / 11))));
        }
    },

    /** A compiler and test run: every line coloured (levels, file names, durations, warnings, errors). */
    BUILD_LOG("build-log") {
        @Override
        void write(Out out, Random r, long target, int columns, int rows) throws IOException {
            int n = 0;
            while (out.size() < target) {
                n++;
                switch (r.nextInt(10)) {
                    case 0, 1, 2 -> out.s(ESC + "[1;34m[INFO]" + ESC + "[0m Compiling " + ESC + "[1m" + module(r) + ESC + "[22m ("
                            + path(r) + ".java)");
                    case 3, 4, 5 -> out.s(ESC + "[32m  \u2714" + ESC + "[0m " + test(r) + " " + ESC + "[2m(" + r.nextInt(900) + " ms)"
                            + ESC + "[0m");
                    case 6 -> out.s(ESC + "[33mwarning" + ESC + "[0m" + ESC + "[1m: unused variable: `" + word(r) + "`" + ESC + "[0m\r\n"
                            + ESC + "[1;34m   --> " + ESC + "[0m" + path(r) + ".rs:" + (1 + r.nextInt(400)) + ":" + (1 + r.nextInt(60)));
                    case 7 -> out.s(ESC + "[2m" + time(n) + ESC + "[0m " + ESC + "[36m" + module(r) + ESC + "[39m: "
                            + ESC + "[38;5;" + (16 + r.nextInt(216)) + "m" + words(r, 4 + r.nextInt(10)) + ESC + "[0m");
                    case 8 -> out.s(ESC + "[1;31m  \u2718 " + test(r) + ESC + "[0m " + ESC + "[31mexpected " + ESC + "[1m" + r.nextInt(100)
                            + ESC + "[22m but was " + ESC + "[1m" + r.nextInt(100) + ESC + "[0m");
                    default -> out.s(ESC + "[1;32m[INFO]" + ESC + "[0m Tests run: " + ESC + "[1m" + r.nextInt(300) + ESC
                            + "[0m, Failures: " + ESC + "[31m" + r.nextInt(3) + ESC + "[0m, Skipped: " + r.nextInt(5) + ", Time elapsed: "
                            + ESC + "[1;38;2;" + r.nextInt(256) + ";" + r.nextInt(256) + ";" + r.nextInt(256) + "m" + r.nextInt(60) + "."
                            + r.nextInt(1000) + " s" + ESC + "[0m - in " + path(r).replace('/', '.'));
                }
                out.s("\r\n");
            }
        }
    },

    /** A package manager: coloured lines with progress bars redrawn in place (CR + erase line) between them. */
    PROGRESS_BARS("progress-bars") {
        @Override
        void write(Out out, Random r, long target, int columns, int rows) throws IOException {
            while (out.size() < target) {
                String name = module(r) + "-" + r.nextInt(10) + "." + r.nextInt(30) + "." + r.nextInt(10);
                out.s(ESC + "[32mCollecting" + ESC + "[0m " + ESC + "[1m" + name + ESC + "[0m\r\n");
                int total = 1 + r.nextInt(900);
                boolean unicode = r.nextBoolean();
                int width = Math.max(10, Math.min(40, columns - 50));
                for (int step = 0; step <= 20; step++) {
                    int done = width * step / 20;
                    StringBuilder bar = new StringBuilder("\r" + ESC + "[K  ");
                    if (unicode) { // pip / rich
                        bar.append(ESC).append("[38;5;197m").append("\u2501".repeat(done)).append(ESC).append("[38;5;237m")
                                .append("\u2578").append("\u2501".repeat(width - done)).append(ESC).append("[0m");
                    } else { // wget / apt
                        bar.append('[').append("=".repeat(Math.max(0, done - 1))).append(done > 0 ? ">" : "").append(" ".repeat(width - done))
                                .append(']');
                    }
                    bar.append(' ').append(ESC).append("[32m").append(total * step / 20).append('.').append(r.nextInt(10)).append('/')
                            .append(total).append(" MB").append(ESC).append("[0m ").append(ESC).append("[31m").append(1 + r.nextInt(90))
                            .append('.').append(r.nextInt(10)).append(" MB/s").append(ESC).append("[0m eta ").append(ESC).append("[36m0:00:")
                            .append(pad(20 - step, 2)).append(ESC).append("[0m");
                    out.s(bar.toString());
                }
                out.s("\r\n");
                if (r.nextInt(4) == 0) {
                    out.s(ESC + "[33mWARNING:" + ESC + "[0m " + words(r, 6 + r.nextInt(8)) + "\r\n");
                }
            }
            out.s(ESC + "[1;32mSuccessfully installed" + ESC + "[0m everything\r\n");
        }
    },

    /**
     * Full-screen programs repainting: an htop-like screen redrawn by cursor addressing, a vim-like
     * editor scrolling inside a scroll region (line feed, reverse index, insert and delete lines),
     * a less-like pager clearing and repainting, all on the alternate screen, with shell prompts on
     * the main screen between sessions.
     */
    FULL_SCREEN("full-screen") {
        @Override
        void write(Out out, Random r, long target, int columns, int rows) throws IOException {
            int session = 0;
            while (out.size() < target) {
                session++;
                out.s(ESC + "[1;32muser@host" + ESC + "[0m:" + ESC + "[1;34m~/src" + ESC + "[0m$ " + (session % 3 == 1 ? "htop" : session % 3 == 2 ? "vim Main.java" : "less log.txt")
                        + "\r\n");
                out.s(ESC + "[?1049h" + ESC + "[22;0;0t" + ESC + "[H" + ESC + "[2J");
                switch (session % 3) {
                    case 1 -> htop(out, r, columns, rows);
                    case 2 -> vim(out, r, columns, rows);
                    default -> less(out, r, columns, rows);
                }
                out.s(ESC + "[r" + ESC + "[" + rows + ";1H" + ESC + "[?1049l" + ESC + "[23;0;0t");
            }
        }

        private void htop(Out out, Random r, int columns, int rows) throws IOException {
            for (int frame = 0; frame < 60; frame++) {
                StringBuilder sb = new StringBuilder();
                for (int cpu = 0; cpu < Math.min(4, rows / 4); cpu++) {
                    int used = r.nextInt(Math.max(2, columns / 2 - 12));
                    sb.append(ESC).append('[').append(cpu + 1).append(";3H").append(ESC).append("[36m").append(cpu).append(ESC)
                            .append("[1;30m[").append(ESC).append("[32m").append("|".repeat(used)).append(ESC).append("[31m")
                            .append("|".repeat(used / 4)).append(ESC).append("[0m").append(ESC).append("[K").append(ESC)
                            .append("[1;30m").append(r.nextInt(100)).append('.').append(r.nextInt(10)).append("%]").append(ESC).append("[0m");
                }
                // a box-drawing rule in the DEC special graphics set, as ncurses draws borders
                sb.append(ESC).append('[').append(Math.min(5, rows / 2)).append(";1H").append(ESC).append("(0").append(ESC).append("[34m")
                        .append("q".repeat(Math.max(1, columns / 2))).append('w').append(ESC).append("[0m").append(ESC).append("(B");
                int first = Math.min(6, rows / 2);
                sb.append(ESC).append('[').append(first).append(";1H").append(ESC).append("[30;42m").append(
                        fit("    PID USER      PRI  NI  VIRT   RES   SHR S CPU% MEM%   TIME+  Command", columns)).append(ESC).append("[0m");
                for (int row = first + 1; row < rows; row++) {
                    if (r.nextInt(3) != 0 && frame > 0) {
                        continue; // htop only rewrites rows that changed
                    }
                    sb.append(ESC).append('[').append(row).append(";1H");
                    if (row == first + 1) {
                        sb.append(ESC).append("[30;46m");
                    }
                    sb.append(fit(String.format(Locale.ROOT, "%7d %-9s %3d %3d %5dM %5dM %5dM %s %4.1f %4.1f %3d:%02d.%02d ", 1 + r.nextInt(99999),
                            pick(r, "root", "user", "postgres"), r.nextInt(40), r.nextInt(20) - 10, r.nextInt(9999), r.nextInt(999),
                            r.nextInt(99), pick(r, "S", "R", "D"), r.nextDouble() * 100, r.nextDouble() * 10, r.nextInt(99), r.nextInt(60),
                            r.nextInt(100)) + ESC + "[1m" + path(r) + ESC + "[22m --" + word(r), columns));
                    sb.append(ESC).append("[0m").append(ESC).append("[K");
                }
                sb.append(ESC).append('[').append(rows).append(";1H").append(ESC).append("[30;46mF1").append(ESC).append("[0mHelp  ")
                        .append(ESC).append("[30;46mF10").append(ESC).append("[0mQuit").append(ESC).append("[K");
                out.s(sb.toString());
            }
        }

        private void vim(Out out, Random r, int columns, int rows) throws IOException {
            int text = rows - 1;
            StringBuilder sb = new StringBuilder(ESC + "[1;" + text + "r");
            for (int row = 1; row <= text; row++) {
                sb.append(ESC).append('[').append(row).append(";1H").append(code(r, row, columns));
            }
            out.s(sb.toString());
            int line = text;
            for (int step = 0; step < 400; step++) {
                sb.setLength(0);
                switch (r.nextInt(6)) {
                    case 0, 1, 2 -> { // scroll down one line: line feed at the bottom of the region
                        line++;
                        sb.append(ESC).append('[').append(text).append(";1H\n").append(code(r, line, columns));
                    }
                    case 3 -> { // scroll back: reverse index at the top
                        line = Math.max(text, line - 1);
                        sb.append(ESC).append("[1;1H").append(ESC).append('M').append(code(r, line - text + 1, columns));
                    }
                    case 4 -> { // delete a line, insert a new one
                        int at = 1 + r.nextInt(text);
                        sb.append(ESC).append('[').append(at).append(";1H").append(ESC).append("[M").append(ESC).append("[L")
                                .append(code(r, at, columns));
                    }
                    default -> { // half-page scroll with SU
                        int n = 1 + r.nextInt(Math.max(1, text / 2));
                        sb.append(ESC).append('[').append(n).append('S');
                        for (int k = 0; k < n; k++) {
                            line++;
                            sb.append(ESC).append('[').append(text - n + 1 + k).append(";1H").append(code(r, line, columns));
                        }
                    }
                }
                sb.append(ESC).append('7').append(ESC).append('[').append(rows).append(";1H").append(ESC).append("[1m-- INSERT --").append(ESC).append("[0m")
                        .append(ESC).append("[K").append(ESC).append('[').append(rows).append(';').append(Math.max(1, columns - 18))
                        .append('H').append(line).append(',').append(1 + r.nextInt(40)).append("  ").append(100 * line / (line + 50)).append('%')
                        .append(ESC).append('8');
                if (r.nextInt(4) == 0) {
                    sb.append(ESC).append('[').append(1 + r.nextInt(text)).append(';').append(1 + r.nextInt(columns)).append('H');
                }
                out.s(sb.toString());
            }
        }

        private void less(Out out, Random r, int columns, int rows) throws IOException {
            for (int page = 0; page < 20; page++) {
                StringBuilder sb = new StringBuilder(ESC + "[H" + ESC + "[2J");
                for (int row = 1; row < rows; row++) {
                    sb.append(ESC).append("[2m").append(time(page * rows + row)).append(ESC).append("[0m ").append(
                            fit(words(r, 3 + r.nextInt(30)), columns - 14)).append("\r\n");
                }
                sb.append(ESC).append("[7m").append("log.txt lines ").append(page * rows).append('-').append(page * rows + rows)
                        .append(ESC).append("[27m").append(ESC).append("[K");
                out.s(sb.toString());
                for (int k = 0; k < 30; k++) { // line-wise scroll: the status line is erased, a line feed, the status back
                    out.s("\r" + ESC + "[K" + ESC + "[2m" + time(k) + ESC + "[0m " + fit(words(r, 3 + r.nextInt(20)), columns - 14) + "\r\n"
                            + ESC + "[7m:" + ESC + "[27m");
                }
            }
        }

        private String code(Random r, int line, int columns) {
            StringBuilder sb = new StringBuilder();
            sb.append(ESC).append("[33m").append(String.format(Locale.ROOT, "%4d ", line)).append(ESC).append("[0m");
            int indent = 4 * r.nextInt(4);
            sb.append(" ".repeat(indent));
            switch (r.nextInt(4)) {
                case 0 -> sb.append(ESC).append("[38;5;170mpublic ").append(ESC).append("[38;5;39mvoid ").append(ESC).append("[0m")
                        .append(word(r)).append("(").append(ESC).append("[38;5;39mint ").append(ESC).append("[0m").append(word(r)).append(") {");
                case 1 -> sb.append(ESC).append("[38;5;244m// ").append(words(r, 3 + r.nextInt(8))).append(ESC).append("[0m");
                case 2 -> sb.append(word(r)).append(" = ").append(ESC).append("[38;5;114m\"").append(words(r, 2)).append('"').append(ESC)
                        .append("[0m;");
                default -> sb.append(ESC).append("[38;5;170mreturn ").append(ESC).append("[0m").append(word(r)).append(';');
            }
            return fit(sb.toString(), columns) + ESC + "[K";
        }
    },

    /** Wide and combining Unicode: CJK text, emoji (surrogate pairs), accents as combining marks, with colours. */
    WIDE_UNICODE("wide-unicode") {
        private static final String[] CJK = {"\u4e2d\u6587\u6587\u4ef6", "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8",
            "\ud55c\uad6d\uc5b4", "\u6570\u636e\u5e93\u8fde\u63a5\u6210\u529f", "\u30d3\u30eb\u30c9\u5b8c\u4e86", "\u8b66\u544a"};
        private static final String[] EMOJI = {"\ud83d\ude00", "\ud83d\ude80", "\ud83d\udd25", "\u2705", "\u274c", "\ud83d\udce6",
            "\ud83c\udf89", "\u26a0\ufe0f"};
        private static final String[] COMBINING = {"e\u0301", "a\u0308", "n\u0303", "o\u0302", "u\u0308", "c\u0327", "x\u0301\u0323"};

        @Override
        void write(Out out, Random r, long target, int columns, int rows) throws IOException {
            while (out.size() < target) {
                StringBuilder sb = new StringBuilder();
                int cells = 0;
                int limit = 20 + r.nextInt(Math.max(1, columns - 20));
                while (cells < limit) {
                    switch (r.nextInt(8)) {
                        case 0, 1 -> {
                            String s = pick(r, CJK);
                            sb.append(ESC).append("[3").append(1 + r.nextInt(6)).append('m').append(s).append(ESC).append("[0m");
                            cells += 2 * s.length();
                        }
                        case 2 -> {
                            sb.append(pick(r, EMOJI));
                            cells += 2;
                        }
                        case 3 -> {
                            String w = word(r);
                            sb.append(pick(r, COMBINING)).append(w);
                            cells += 1 + w.length();
                        }
                        default -> {
                            String w = word(r);
                            sb.append(w);
                            cells += w.length();
                        }
                    }
                    sb.append(' ');
                    cells++;
                }
                out.s(sb.append("\r\n").toString());
            }
        }
    };

    static final String ESC = "\u001b";
    private static final String[] WORDS = {"alpha", "bravo", "charlie", "delta", "echo", "socket", "buffer", "parser", "render",
        "session", "channel", "vault", "cipher", "tunnel", "window", "scroll", "history", "cursor", "thread", "queue"};

    private final String id;

    Workload(String id) {
        this.id = id;
    }

    /** The benchmark's size: the plain flood as issue 5 measured it (54.9 MB), the others about 30 MB. */
    public long benchmarkBytes() {
        return this == PLAIN_FLOOD ? FloodWorkload.FULL_COUNT * 11L : 30_000_000L;
    }

    /** The name the benchmark prints and the file is called by. */
    public String id() {
        return id;
    }

    public static Workload byId(String id) {
        for (Workload w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no workload " + id);
    }

    abstract void write(Out out, Random r, long target, int columns, int rows) throws IOException;

    /** About {@code targetBytes} of this workload (it stops at the first whole unit past the target), UTF-8. */
    public byte[] generate(long targetBytes, int columns, int rows, long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64, targetBytes + 4096));
        try {
            write(new Out(bytes), new Random(seed), targetBytes, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public long write(Path file, long targetBytes, int columns, int rows) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            Out out = new Out(stream);
            write(out, new Random(13), targetBytes, columns, rows);
            return out.size();
        }
    }

    static final class Out {
        private final OutputStream out;
        private long size;

        Out(OutputStream out) {
            this.out = out;
        }

        void s(String s) throws IOException {
            raw(s.getBytes(StandardCharsets.UTF_8));
        }

        void raw(byte[] b) throws IOException {
            out.write(b);
            size += b.length;
        }

        long size() {
            return size;
        }
    }

    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    static String words(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(word(r));
        }
        return sb.toString();
    }

    static String module(Random r) {
        return word(r) + "-" + word(r);
    }

    static String path(Random r) {
        return "src/main/" + word(r) + "/" + word(r) + "/" + Character.toUpperCase(WORDS[r.nextInt(WORDS.length)].charAt(0))
                + word(r).substring(1) + r.nextInt(100);
    }

    static String test(Random r) {
        return word(r) + "Should" + Character.toUpperCase(word(r).charAt(0)) + "When" + r.nextInt(1000);
    }

    static String time(long n) {
        long ms = n * 37;
        return pad((ms / 3_600_000) % 24, 2) + ":" + pad((ms / 60_000) % 60, 2) + ":" + pad((ms / 1000) % 60, 2) + "." + pad(ms % 1000, 3);
    }

    static String pad(long v, int width) {
        StringBuilder s = new StringBuilder(Long.toString(v));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    /** Cuts text with escape sequences after {@code n} visible characters (never inside a sequence). */
    static String fit(String s, int n) {
        int visible = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0x1b && i + 1 < s.length() && s.charAt(i + 1) == '[') {
                i += 2;
                while (i < s.length() && (s.charAt(i) < 0x40 || s.charAt(i) > 0x7e)) {
                    i++;
                }
            } else if (++visible > n) {
                return s.substring(0, i);
            }
        }
        return s;
    }
}
