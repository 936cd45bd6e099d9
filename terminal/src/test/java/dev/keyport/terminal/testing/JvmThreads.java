package dev.keyport.terminal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** This JVM's threads as Linux sees them (/proc/self/task): kernel name, nice value, CPU time. */
public final class JvmThreads {

    /**
     * One thread. {@code name} is the kernel's name: the first 15 characters of the Java name.
     * {@code cpuTicks} is user plus system time in clock ticks (1/100 s).
     */
    public record ThreadStat(String name, String tid, int nice, long cpuTicks) {
    }

    private JvmThreads() {
    }

    /** True when threads can be inspected here (Linux). */
    public static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    /** Every live thread of this JVM. */
    public static List<ThreadStat> all() throws IOException {
        List<ThreadStat> threads = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // f[0] is field 3 of proc(5)
                    threads.add(new ThreadStat(name, task.getFileName().toString(), Integer.parseInt(f[16]),
                            Long.parseLong(f[11]) + Long.parseLong(f[12])));
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return threads;
    }

    /** The distinct nice values of the live threads whose kernel name starts with {@code prefix}; empty when there is none. */
    public static Set<Integer> nices(String prefix) throws IOException {
        Set<Integer> nices = new HashSet<>();
        for (ThreadStat t : all()) {
            if (t.name().startsWith(prefix)) {
                nices.add(t.nice());
            }
        }
        return nices;
    }

    /** CPU ticks so far by "name#tid". */
    public static Map<String, Long> cpuTicks() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        for (ThreadStat t : all()) {
            ticks.put(t.name() + "#" + t.tid(), t.cpuTicks());
        }
        return ticks;
    }
}
