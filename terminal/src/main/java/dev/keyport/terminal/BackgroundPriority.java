package dev.keyport.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The threads that move a flood (the SSH client's I/O threads, the terminal emulator) and the JVM's
 * JIT compiler run at a lower scheduling priority than the JavaFX threads, so that when the CPU is
 * short, painting and input win and the flood slows down instead. On the 2-core benchmark machine the
 * longest JavaFX pulse gap during a 54.9 MB {@code cat} went from 98-159 ms to 49-75 ms, with the
 * same throughput: the flood gets the CPU the screen does not need (docs/benchmarks.md).
 *
 * <p>Java thread priorities do nothing on Linux unless the JVM is started with a special flag, so on
 * Linux the thread's nice value is raised to {@value #NICE} with {@code renice} on its thread id (a
 * process may always lower its own threads' priority). That runs on a helper thread, so the lowered
 * thread never waits for it. Threads a lowered thread starts inherit its priority. Elsewhere
 * {@link Thread#setPriority} is what there is (Windows honours it).
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

    /**
     * Lowers the JVM's JIT compiler threads too (Linux only; elsewhere they keep their priority). They
     * do most of their work in the first seconds of the first flood, exactly when the screen needs the
     * CPU; compiler threads the JVM adds later inherit the lower priority from the one that creates them.
     */
    public static void lowerJitCompilerThreads() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        String tid = task.getFileName().toString();
                        RENICER.execute(() -> renice(tid));
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | UncheckedIOException notLinux) {
            // no /proc: nothing to do
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
