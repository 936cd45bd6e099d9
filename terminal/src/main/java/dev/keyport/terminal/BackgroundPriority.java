package dev.keyport.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that move a flood (the SSH client's I/O threads and the terminal emulator) run at a lower
 * scheduling priority than the JavaFX threads, so that when the CPU is short, painting and input win
 * and the flood slows down instead. On a 2-core machine this took the longest JavaFX pulse gap during
 * a 54.9 MB {@code cat} from 91-159 ms to 38-86 ms (docs/benchmarks.md) and did not cost throughput:
 * the flood simply gets the CPU the screen does not need.
 *
 * <p>Java thread priorities do nothing on Linux unless the JVM is started with a special flag, so on
 * Linux the thread's nice value is raised to {@value #NICE} with {@code renice} on its thread id (an
 * unprivileged process may always lower its own threads' priority). That runs on a helper thread, so
 * the lowered thread never waits for it. Elsewhere {@link Thread#setPriority} is what there is
 * (Windows honours it).
 */
public final class BackgroundPriority {

    /** The nice value given to flood threads on Linux (0 is normal, 19 the lowest). */
    public static final int NICE = 10;

    private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final ExecutorService RENICER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "keyport-renice");
        t.setDaemon(true);
        return t;
    });

    private BackgroundPriority() {
    }

    /** A factory of threads named {@code prefix + n} that run at the lower priority. */
    public static ThreadFactory threadFactory(String prefix, boolean daemon) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread t = new Thread(() -> {
                lowerCurrentThread();
                task.run();
            }, prefix + count.getAndIncrement());
            t.setDaemon(daemon);
            return t;
        };
    }

    /** Lowers the calling thread's priority (returns at once; on Linux the renice follows within milliseconds). */
    public static void lowerCurrentThread() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        String tid = linuxThreadId();
        if (tid != null) {
            RENICER.execute(() -> renice(tid));
        }
    }

    /** The calling thread's kernel id on Linux, or null elsewhere. */
    static String linuxThreadId() {
        try {
            return Files.readSymbolicLink(THREAD_SELF).getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null; // not Linux
        }
    }

    private static void renice(String tid) {
        try {
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.debug("renice of thread {} timed out", tid);
            } else if (p.exitValue() != 0) {
                log.debug("renice of thread {} failed with exit code {}", tid, p.exitValue());
            }
        } catch (IOException e) {
            log.debug("renice is not available ({}); flood threads keep the normal priority", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
