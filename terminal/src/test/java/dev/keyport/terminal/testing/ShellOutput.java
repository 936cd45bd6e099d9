package dev.keyport.terminal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Collects a shell's output on a background thread so a test can wait for some text to appear. */
public final class ShellOutput {

    private final StringBuilder text = new StringBuilder();

    public ShellOutput(InputStream in) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (text) {
                        text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        text.notifyAll();
                    }
                }
            } catch (IOException e) {
                // stream closed: the test sees what arrived
            }
        }, "test-shell-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits until {@code expected} has appeared; returns everything read so far. */
    public String await(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (text) {
            while (text.indexOf(expected) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Expected '" + expected + "' in the shell output within " + timeout + ", got:\n" + text);
                }
                text.wait(Math.max(1, left / 1_000_000));
            }
            return text.toString();
        }
    }
}
