package dev.keyport.app.startup;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Keyport ends when it is asked to, even when a part of it does not. On {@code System.exit} and on a
 * signal (a logout, {@code kill}, Ctrl+C) the JVM first runs its shutdown hooks, H2's among them (it
 * closes a vault that is still open), and waits for every one of them. A hook that never returns keeps
 * the process alive for good, busy and holding the vault's lock, so the next start says Keyport is
 * already open. Seen here once: H2 2.3.232's closer spinning at full CPU in
 * {@code MVStore.registerVersionUsage} after {@code System.exit} with the vault in use.
 *
 * <p>This adds one more hook, which only starts a timer: if the JVM is still shutting down when it runs
 * out, the process is halted with exit code 1 after saying so. Nothing committed is lost by that (the
 * vault writes each change when it is made, and its file format survives a stop at any point); when the
 * hooks end in time, the timer dies with the JVM and changes nothing.
 */
public final class ExitWatchdog {

    /** How long the shutdown hooks may take together. Closing the vault takes well under a second. */
    public static final Duration BOUND = Duration.ofSeconds(10);

    private ExitWatchdog() {
    }

    /** Installs the watchdog for this process (once, first thing in {@code main}). */
    public static void install() {
        install(BOUND, System.err);
    }

    /** As {@link #install()}, with the bound and where the message goes. */
    public static void install(Duration bound, PrintStream messages) {
        Thread hook = new Thread(() -> {
            Thread timer = new Thread(() -> {
                try {
                    Thread.sleep(bound.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                messages.println("keyport: closing took longer than " + bound.toSeconds() + " s (a part of Keyport did not stop),"
                        + " so Keyport ended without waiting for it. Everything saved before is kept; start Keyport again as usual.");
                messages.flush();
                Runtime.getRuntime().halt(1);
            }, "keyport-exit-watchdog");
            timer.setDaemon(true); // when the hooks end in time, the JVM ends and takes it along
            timer.start();
        }, "keyport-exit-watchdog-start");
        Runtime.getRuntime().addShutdownHook(hook);
    }
}
