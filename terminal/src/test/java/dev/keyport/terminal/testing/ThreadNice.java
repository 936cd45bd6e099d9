package dev.keyport.terminal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The Linux scheduling niceness of this JVM's threads, read from /proc/self/task, by thread name. */
public final class ThreadNice {

    private ThreadNice() {
    }

    /** True when threads can be inspected here (Linux). */
    public static boolean available() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    /**
     * The distinct nice values of the live threads whose kernel name (the first 15 characters of the
     * Java name) starts with {@code prefix}; empty when there is none.
     */
    public static Set<Integer> of(String prefix) throws IOException {
        Set<Integer> nices = new HashSet<>();
        for (Map.Entry<String, Integer> e : all().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                nices.add(e.getValue());
            }
        }
        return nices;
    }

    /** Nice value by "name#tid" for every live thread of this JVM. */
    public static Map<String, Integer> all() throws IOException {
        Map<String, Integer> nices = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    nices.put(name + "#" + task.getFileName(), Integer.parseInt(fields[16]));
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return nices;
    }
}
