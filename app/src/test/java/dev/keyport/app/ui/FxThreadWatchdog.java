package dev.keyport.app.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.application.Platform;

/**
 * Watches the JavaFX thread for blocking work while a GUI test runs: it samples the thread's stack
 * every few milliseconds and records a violation when it sees
 * <ul>
 *   <li>the vault at work (H2, a repository, the vault's key derivation), or an SSH connect, shell open,
 *       command or client shutdown; or</li>
 *   <li>the thread waiting (park, wait, sleep, socket or file I/O) on behalf of Keyport's code, rather
 *       than idling in the toolkit's own event loop (a dialog's nested loop is the toolkit's) or
 *       loading a class.</li>
 * </ul>
 * It looks at what the thread does, not how long it takes, so a loaded machine does not make it
 * flaky; anything blocking for more than a few milliseconds is seen.
 */
public final class FxThreadWatchdog implements AutoCloseable {

    private static final long SAMPLE_MICROS = 2_000;
    private final Thread fxThread;
    private final Thread sampler;
    private final List<String> violations = new ArrayList<>();
    private volatile boolean running = true;

    private FxThreadWatchdog(Thread fxThread) {
        this.fxThread = fxThread;
        this.sampler = new Thread(this::sample, "fx-thread-watchdog");
        this.sampler.setDaemon(true);
    }

    /** Starts watching; the JavaFX toolkit must be running. Call on any thread. */
    public static FxThreadWatchdog start() throws Exception {
        Thread fxThread;
        if (Platform.isFxApplicationThread()) {
            fxThread = Thread.currentThread();
        } else {
            CompletableFuture<Thread> fx = new CompletableFuture<>();
            Platform.runLater(() -> fx.complete(Thread.currentThread()));
            fxThread = fx.get(10, TimeUnit.SECONDS);
        }
        FxThreadWatchdog watchdog = new FxThreadWatchdog(fxThread);
        watchdog.sampler.start();
        return watchdog;
    }

    private void sample() {
        while (running) {
            String problem = blocking(fxThread.getStackTrace());
            if (problem != null) {
                synchronized (violations) {
                    if (violations.size() < 5) {
                        violations.add(problem);
                    }
                }
            }
            try {
                TimeUnit.MICROSECONDS.sleep(SAMPLE_MICROS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Why this stack is blocking work on the FX thread, or null. */
    static String blocking(StackTraceElement[] stack) {
        if (stack.length == 0) {
            return null;
        }
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            String m = frame.getMethodName();
            boolean vault = c.startsWith("org.h2.") || c.startsWith("dev.keyport.vault.crypto.")
                    || (c.startsWith("dev.keyport.vault.") && (c.endsWith("Repository") || c.equals("dev.keyport.vault.Db")
                    || c.equals("dev.keyport.vault.Vault")));
            boolean ssh = (c.equals("dev.keyport.terminal.ssh.SshConnector") && (m.equals("connect") || m.equals("close") || m.equals("<init>")))
                    || (c.equals("dev.keyport.terminal.ssh.SshConnection") && (m.equals("openShell") || m.equals("exec")))
                    || (c.equals("dev.keyport.app.KeyportContext") && (m.equals("close") || m.equals("<init>")));
            if (vault || ssh) {
                return "the FX thread ran " + c + "." + m + describe(stack);
            }
        }
        if (waitingPrimitive(stack[0])) {
            for (StackTraceElement frame : stack) {
                String c = frame.getClassName();
                if (c.startsWith("com.sun.glass.") || c.startsWith("com.sun.javafx.") || c.startsWith("javafx.")) {
                    return null; // the toolkit waiting for events, or a dialog's nested event loop
                }
                if (c.startsWith("jdk.internal.loader.") || c.equals("java.lang.ClassLoader")
                        || (c.equals("java.lang.Class") && frame.getMethodName().startsWith("getResource"))) {
                    return null; // loading a class or a bundled resource: every first use of a screen does it
                }
                if (c.startsWith("sun.security.provider.") || c.equals("java.security.SecureRandom")) {
                    return null; // the kernel's random source (a new id's UUID), read in microseconds
                }
                if (c.startsWith("dev.keyport.")) {
                    return "the FX thread waited in " + stack[0].getClassName() + "." + stack[0].getMethodName() + " for " + c + "."
                            + frame.getMethodName() + describe(stack);
                }
            }
        }
        return null;
    }

    private static boolean waitingPrimitive(StackTraceElement top) {
        String c = top.getClassName();
        String m = top.getMethodName();
        return (c.equals("jdk.internal.misc.Unsafe") && m.equals("park")) || (c.equals("java.lang.Object") && m.startsWith("wait"))
                || (c.equals("java.lang.Thread") && m.startsWith("sleep")) || (c.equals("java.lang.Thread") && m.startsWith("join"))
                || c.startsWith("sun.nio.ch.") || (c.startsWith("java.net.") && top.isNativeMethod())
                || (c.startsWith("java.io.") && top.isNativeMethod());
    }

    private static String describe(StackTraceElement[] stack) {
        return ":\n    at " + Arrays.stream(stack).limit(25).map(String::valueOf).collect(Collectors.joining("\n    at "));
    }

    /** What was seen so far (at most five). */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Stops watching and fails with what was seen, if anything. */
    public void assertNothingBlocked() {
        close();
        List<String> seen = violations();
        if (!seen.isEmpty()) {
            throw new AssertionError("Blocking work on the JavaFX thread (it freezes the window):\n" + String.join("\n\n", seen));
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
