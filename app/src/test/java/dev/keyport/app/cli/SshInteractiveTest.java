package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.Main;
import dev.keyport.terminal.testing.OpenSshServer;

/**
 * {@code keyport ssh HOST} without a command, in a real PTY ({@code script}) against a real OpenSSH
 * sshd: the login shell gets the terminal's size, follows a window-size change (SIGWINCH), sees no
 * local echo games (raw mode), and keyport exits with the shell's status.
 */
class SshInteractiveTest {

    @TempDir
    static Path dir;
    private static OpenSshServer server;
    private static Path key;

    @BeforeAll
    static void start() throws Exception {
        server = OpenSshServer.start(dir.resolve("sshd"), List.of());
        key = server.authorizeNewKey("interactive_key");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Reads what the PTY shows until {@code expected} appears (no time assertions: a generous cap only). */
    private static String readUntil(InputStream in, ByteArrayOutputStream seen, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        byte[] buffer = new byte[4096];
        while (!seen.toString(StandardCharsets.UTF_8).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never saw '" + expected + "' in:\n" + seen.toString(StandardCharsets.UTF_8));
            }
            if (in.available() > 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new AssertionError("The PTY closed before '" + expected + "':\n" + seen.toString(StandardCharsets.UTF_8));
                }
                seen.write(buffer, 0, n);
            } else {
                Thread.sleep(20);
            }
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theLoginShellRunsInThisTerminalFollowsItsSizeAndExitsWithItsStatus() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path classpath = dir.resolve("cp.txt");
        Files.writeString(classpath, System.getProperty("java.class.path"));
        Path tty = dir.resolve("tty.txt");
        Path pid = dir.resolve("pid.txt");
        String keyport = "exec '" + java + "' -Xmx256m -cp \"$(cat '" + classpath + "')\" " + Main.class.getName()
                + " -v ssh -i '" + key + "' -p " + server.port() + " -o StrictHostKeyChecking=accept-new -o UserKnownHostsFile='"
                + dir.resolve("kh") + "' -o BatchMode=yes root@127.0.0.1";
        String inPty = "export KEYPORT_DATA_DIR='" + dir.resolve("data") + "'; stty rows 30 cols 100; tty > '" + tty + "'; echo $$ > '" + pid + "'; " + keyport;
        Process script = new ProcessBuilder("script", "-q", "-e", "-c", inPty, "/dev/null").redirectErrorStream(true).start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        try {
            InputStream screen = script.getInputStream();
            OutputStream keyboard = script.getOutputStream();
            type(keyboard, "echo size-$(stty size | tr ' ' x)-end\r");
            readUntil(screen, seen, "size-30x100-end");

            // the local window grows: the terminal's size changes and SIGWINCH reaches keyport
            String pts = Files.readString(tty).strip();
            assertThat(OpenSshServer.run("stty", "-F", pts, "rows", "40", "cols", "120")).isNotNull();
            OpenSshServer.run("kill", "-WINCH", Files.readString(pid).strip());
            // the remote shell learns it through SSH window-change; ask until it has (each answer is awaited)
            for (int asked = 0; asked < 30 && !seen.toString(StandardCharsets.UTF_8).contains("size-40x120-end"); asked++) {
                int answers = count(seen.toString(StandardCharsets.UTF_8), "x1");
                type(keyboard, "echo size-$(stty size | tr ' ' x)-end\r");
                while (count(seen.toString(StandardCharsets.UTF_8), "x1") == answers) {
                    readMore(screen, seen);
                }
            }
            assertThat(seen.toString(StandardCharsets.UTF_8)).contains("size-40x120-end");

            // raw mode: a Ctrl-C goes to the remote shell (it interrupts a sleep there) instead of killing keyport
            type(keyboard, "sleep 30; echo slept-$((2+2))\r");
            Thread.sleep(500);
            type(keyboard, "\u0003");
            type(keyboard, "echo after-$((1+1))-interrupt\r");
            readUntil(screen, seen, "after-2-interrupt");

            type(keyboard, "exit 3\r");
            assertThat(script.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(script.exitValue()).as(seen.toString(StandardCharsets.UTF_8)).isEqualTo(3);
            assertThat(seen.toString(StandardCharsets.UTF_8)).doesNotContain("slept-4").doesNotContain("keyport:");
        } finally {
            script.destroyForcibly();
        }
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    /** Waits for the next bytes the PTY shows. */
    private static void readMore(InputStream in, ByteArrayOutputStream seen) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        byte[] buffer = new byte[4096];
        while (in.available() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The PTY went quiet:\n" + seen.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        int n = in.read(buffer);
        if (n < 0) {
            throw new AssertionError("The PTY closed:\n" + seen.toString(StandardCharsets.UTF_8));
        }
        seen.write(buffer, 0, n);
    }

    private static void type(OutputStream keyboard, String text) throws Exception {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }
}
