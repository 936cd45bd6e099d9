package dev.keyport.terminal.tty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.testing.HeadlessTerminal;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;

/**
 * A real full-screen program through a real PTY on the real sshd: {@code vi} opens a file, jumps
 * and scrolls through it line by line (scroll regions, insert and delete lines, cursor addressing
 * on the alternate screen), and quits. Keyport's pipeline renders it live; then the bytes the
 * program sent are parsed again by stock JediTermFX and by Keyport's pipeline, whole and in random
 * pieces, and must give the same screen, history, colours and cursor, both while {@code vi} shows
 * the file and after it has restored the shell's screen.
 */
class FullScreenProgramTest {

    private static final int COLUMNS = 80;
    private static final int ROWS = 24;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static OpenSshServer server;
    private static Path key;

    @BeforeAll
    static void start() throws Exception {
        OpenSshServer.requireInstalled();
        server = OpenSshServer.start(dir.resolve("sshd"), List.of());
        key = server.authorizeNewKey("client");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void viScrollingThroughAFileRendersAsStockJediTermRendersIt() throws Exception {
        Path file = dir.resolve("notes.txt");
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            text.append(String.format("file-line-%03d %s%n", i, "abcdefghij".repeat(i % 7)));
        }
        Files.writeString(file, text);
        ConnectionSpec spec = new ConnectionSpec("vi", "127.0.0.1", server.port(), "root",
                List.of(new Credential.PrivateKey("client", Files.readAllBytes(key))));
        Recording recording;
        HeadlessTerminal live;
        int whileInVi;
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), new ScriptedPrompter(HostKeyAnswer.TRUST_ONCE, null));
             SshConnection connection = ssh.connect(spec)) {
            ShellChannel shell = connection.openShell(COLUMNS, ROWS);
            recording = new Recording(shell.output());
            live = HeadlessTerminal.keyport(COLUMNS, ROWS, FloodTuning.forScrollback(1000), HeadlessTerminal.connector(recording));
            Thread emulator = new Thread(live::run, "test-live-emulator");
            emulator.setDaemon(true);
            emulator.start();
            OutputStream keys = shell.input();
            type(keys, "export PS1='$ '; clear; seq 1 40; echo before-vi\n");
            awaitScreen(live, s -> s.contains("before-vi"));
            type(keys, "vi -u NONE -N -c 'set number ruler' " + file + "\n");
            awaitScreen(live, s -> s.contains("file-line-001") && s.contains("1,1"));
            type(keys, ":150\n");
            awaitScreen(live, s -> s.contains("150,1"));
            for (int line = 151; line <= 190; line++) { // down one line at a time: vi scrolls the window
                type(keys, "j");
                int expected = line;
                awaitScreen(live, s -> s.contains(expected + ",1"));
            }
            for (int line = 189; line >= 140; line--) { // and back up past the top
                type(keys, "k");
                int expected = line;
                awaitScreen(live, s -> s.contains(expected + ",1"));
            }
            type(keys, "\u0006"); // Ctrl-F: a page forward
            awaitScreen(live, s -> s.contains("file-line-170"));
            whileInVi = recording.size();
            assertThat(screen(live)).as("vi shows the file").contains("file-line-170").doesNotContain("before-vi");
            type(keys, ":q\n");
            awaitScreen(live, s -> s.contains("before-vi"));
            type(keys, "echo vi-done-42; exit\n");
            emulator.join(WAIT.toMillis());
        }
        assertThat(screen(live)).as("the shell's screen is back after vi").contains("before-vi").contains("vi-done-42")
                .doesNotContain("file-line-");
        byte[] bytes = recording.bytes();
        String sent = new String(bytes, StandardCharsets.UTF_8);
        assertThat(sent).as("vi used the alternate screen").contains("\u001b[?1049h");
        assertThat(sent).as("vi scrolled with a scroll region, reverse index or insert/delete lines")
                .containsPattern("\u001b\\[\\d+;\\d+r|\u001bM|\u001b\\[\\d*[LM]");
        for (byte[] prefix : List.of(Arrays.copyOf(bytes, whileInVi), bytes)) {
            HeadlessTerminal stock = HeadlessTerminal.stock(COLUMNS, ROWS, 1000, HeadlessTerminal.connector(new ByteArrayInputStream(prefix))).run();
            String expected = BufferSnapshot.of(stock.terminal(), stock.buffer());
            for (int pieces : new int[] {1, 3, 50}) {
                HeadlessTerminal fast = HeadlessTerminal.keyport(COLUMNS, ROWS, FloodTuning.forScrollback(1000),
                        HeadlessTerminal.connector(WorkloadDifferentialTest.pieces(prefix,
                                WorkloadDifferentialTest.cuts(prefix, new Random(pieces), Math.max(1, prefix.length / pieces)))))
                        .run();
                assertThat(BufferSnapshot.of(fast.terminal(), fast.buffer()))
                        .as("%d bytes in pieces of up to %d", prefix.length, Math.max(1, prefix.length / pieces)).isEqualTo(expected);
            }
        }
        HeadlessTerminal stock = HeadlessTerminal.stock(COLUMNS, ROWS, 1000, HeadlessTerminal.connector(new ByteArrayInputStream(bytes))).run();
        assertThat(BufferSnapshot.of(live.terminal(), live.buffer())).as("the live tab, read as the network cut the output")
                .isEqualTo(BufferSnapshot.of(stock.terminal(), stock.buffer()));
    }

    private static void type(OutputStream keys, String s) throws IOException {
        keys.write(s.getBytes(StandardCharsets.UTF_8));
        keys.flush();
    }

    private static String screen(HeadlessTerminal terminal) {
        return terminal.buffer().getScreenLines();
    }

    private static void awaitScreen(HeadlessTerminal terminal, Predicate<String> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(screen(terminal))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The screen never showed what was expected within " + WAIT + ":\n" + screen(terminal));
            }
            Thread.sleep(20);
        }
    }

    /** The shell's output as the emulator reads it, kept byte for byte. */
    private static final class Recording extends FilterInputStream {
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Recording(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                synchronized (copy) {
                    copy.write(b);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                synchronized (copy) {
                    copy.write(b, off, n);
                }
            }
            return n;
        }

        int size() {
            synchronized (copy) {
                return copy.size();
            }
        }

        byte[] bytes() {
            synchronized (copy) {
                return copy.toByteArray();
            }
        }
    }
}
