package dev.keyport.terminal.tty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.techsenger.jeditermfx.core.util.TermSize;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.ssh.SshConnector;
import dev.keyport.terminal.testing.MemoryHostKeyStore;
import dev.keyport.terminal.testing.ScriptedPrompter;

/** A terminal wired before its shell exists: reads wait for the shell, and a size asked meanwhile reaches the server. */
class ShellHandOffTest {

    private LocalSshServer server;
    private SshConnector ssh;
    private SshConnection connection;

    @BeforeEach
    void connect() throws Exception {
        server = LocalSshServer.start();
        MemoryHostKeyStore hostKeys = new MemoryHostKeyStore();
        hostKeys.trust(server.host(), server.port(), server.hostKey());
        ssh = new SshConnector(hostKeys, new ScriptedPrompter(HostKeyAnswer.CANCEL, null), Optional.empty());
        connection = ssh.connect(new ConnectionSpec("local", server.host(), server.port(), "tester",
                List.of(new Credential.PrivateKey("demo key", server.clientPrivateKeyFile()))));
    }

    @AfterEach
    void close() throws IOException {
        connection.close();
        ssh.close();
        server.close();
    }

    /** Reads on a thread of its own, as the terminal's emulator does, until {@code expected} shows. */
    private static CompletableFuture<String> readUntil(ShellHandOff tty, String expected) {
        CompletableFuture<String> seen = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            StringBuilder text = new StringBuilder();
            char[] buf = new char[4096];
            try {
                int n;
                while ((n = tty.read(buf, 0, buf.length)) >= 0) {
                    text.append(buf, 0, n);
                    if (text.toString().contains(expected)) {
                        seen.complete(text.toString());
                        return;
                    }
                }
                seen.complete(text.toString());
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
        }, "test-reader");
        reader.setDaemon(true);
        reader.start();
        return seen;
    }

    @Test
    void aReaderStartedBeforeTheShellGetsItsOutputAndASizeAskedMeanwhileIsSentToTheServer() throws Exception {
        ShellHandOff tty = new ShellHandOff("local");
        CompletableFuture<String> output = readUntil(tty, "handed-over-42");
        tty.resize(new TermSize(97, 31)); // the terminal was laid out while connecting
        tty.write("echo lost-$((1+1))\r".getBytes(StandardCharsets.UTF_8)); // nothing can receive it yet: dropped, not queued
        assertThat(tty.isConnected()).isTrue();
        assertThat(tty.ready()).isFalse();
        assertThat(output).isNotDone();

        ShellChannel shell = connection.openShell(80, 24);
        assertThat(tty.attach(new SshTtyConnector(shell, "local"))).isTrue();
        tty.write("echo handed-over-$((6*7))\r".getBytes(StandardCharsets.UTF_8));

        String text = output.get(20, TimeUnit.SECONDS);
        assertThat(text).contains("handed-over-42").doesNotContain("lost-");
        // the window change went out once the shell was there (the demo server's shell then sets its own start-up size)
        assertThat(shell.columns()).isEqualTo(97);
        assertThat(shell.rows()).isEqualTo(31);
        tty.close();
        assertThat(shell.isOpen()).as("closing the terminal's connector closes the shell").isFalse();
    }

    @Test
    void closedBeforeAnyShellTheReaderEndsQuietlyAndALateShellIsClosed() throws Exception {
        ShellHandOff tty = new ShellHandOff("local");
        CompletableFuture<String> output = readUntil(tty, "never");
        tty.close();
        assertThat(output.get(20, TimeUnit.SECONDS)).isEmpty(); // end of stream, no exception
        assertThat(tty.isConnected()).isFalse();

        ShellChannel late = connection.openShell(80, 24);
        assertThat(tty.attach(new SshTtyConnector(late, "local"))).isFalse();
        assertThat(late.isOpen()).isFalse();
    }
}
