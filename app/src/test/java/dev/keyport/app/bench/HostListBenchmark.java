package dev.keyport.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.hosts.HostListView;
import dev.keyport.app.ui.hosts.HostListViewModel;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * Not a test: the host list with 10,000 hosts in 200 groups (20 top-level, 180 nested), in a real
 * {@link HostListView} on a headless stage. Measures (1) from the start of loading, right after
 * unlock, until the list has laid out its rows, and (2) each keystroke of a search: from setting the
 * query until its rows are shown and laid out, the JavaFX thread's CPU for it, its longest stretch of
 * work on that thread, and the search's CPU on the background thread. Run with
 * {@code bench/host-list.sh} (see docs/benchmarks.md).
 */
public final class HostListBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int hostsCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int groupsCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = 5;
        Path dir = Files.createTempDirectory("keyport-host-list-bench-");
        char[] password = "benchmark master password".toCharArray();
        try (Vault vault = Vault.create(dir, password, KdfParameters.FLOOR)) {
            List<HostGroup> groups = new ArrayList<>();
            for (int g = 0; g < groupsCount; g++) {
                HostGroup group = HostGroup.create("group-" + g, g >= 20 ? groups.get(g % 20).id() : null);
                vault.groups().save(group);
                groups.add(group);
            }
            List<Host> batch = new ArrayList<>();
            for (int i = 0; i < hostsCount; i++) {
                HostDetails details = HostDetails.NONE.withGroup(groups.get(i % groupsCount).id())
                        .withTags(List.of("env" + (i % 3), "bench"));
                batch.add(Host.create("host-" + i, "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256), 22,
                        "user" + (i % 50), new HostAuth.Password()).withDetails(details));
                if (batch.size() == 1000) {
                    vault.hosts().saveAll(batch);
                    batch.clear();
                }
            }
            vault.hosts().saveAll(batch);
        }
        System.out.printf("seeded %d hosts in %d groups%n", hostsCount, groupsCount);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Stage[] stage = new Stage[1];
        onFx(() -> {
            Platform.setImplicitExit(false);
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            stage[0] = new Stage();
            return null;
        });

        long[] load = new long[runs];
        long[] loadCpu = new long[runs];
        List<long[]> keystrokes = new ArrayList<>(); // per keystroke: wall, FX CPU, longest FX stretch, search CPU (ns)
        String[] queries = {"host-1234", "group-17", "#env1", "user7 10.0.3"};
        for (int r = 0; r < runs; r++) {
            Vault vault = Vault.unlock(dir, password);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            long[] cpu = new long[1];
            // what the view model's tasks cost, per thread kind (the UI tasks run on the FX thread, one at a time)
            long[] fxTasks = new long[2]; // CPU, longest wall
            long[] searchCpu = new long[1];
            java.util.concurrent.Executor background = task -> pool.execute(() -> {
                long c = CPU.getCurrentThreadCpuTime();
                task.run();
                long used = CPU.getCurrentThreadCpuTime() - c;
                synchronized (cpu) {
                    cpu[0] += used;
                    searchCpu[0] += used;
                }
            });
            java.util.concurrent.Executor ui = task -> Platform.runLater(() -> {
                long c = CPU.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                task.run();
                long used = CPU.getCurrentThreadCpuTime() - c;
                synchronized (cpu) {
                    cpu[0] += used;
                    fxTasks[0] += used;
                    fxTasks[1] = Math.max(fxTasks[1], System.nanoTime() - w);
                }
            });
            HostListViewModel model = new HostListViewModel(new HostService(vault), background, ui);
            HostListView view = onFx(() -> {
                HostListView v = new HostListView(model, host -> { });
                stage[0].setScene(new Scene(v, 420, 800));
                stage[0].show();
                return v;
            });
            CompletableFuture<Long> shown = new CompletableFuture<>();
            long t0 = System.nanoTime();
            onFx(() -> {
                model.loadedProperty().addListener((obs, was, now) -> {
                    if (now) {
                        long c = CPU.getCurrentThreadCpuTime();
                        view.applyCss();
                        view.layout();
                        synchronized (cpu) {
                            cpu[0] += CPU.getCurrentThreadCpuTime() - c;
                        }
                        shown.complete(System.nanoTime());
                    }
                });
                model.reload();
                return null;
            });
            load[r] = shown.get(60, TimeUnit.SECONDS) - t0;
            synchronized (cpu) {
                loadCpu[r] = cpu[0];
            }
            if (model.visibleHosts().size() != hostsCount) {
                throw new IllegalStateException("loaded " + model.visibleHosts().size() + " hosts");
            }
            for (String query : queries) {
                for (int i = 1; i <= query.length(); i++) {
                    keystrokes.add(keystroke(model, view, query.substring(0, i), fxTasks, searchCpu, cpu));
                }
                keystroke(model, view, "", fxTasks, searchCpu, cpu);
            }
            System.out.printf("run %d: %d hosts loaded and laid out %d ms after unlock (cpu %d ms); %d keystrokes so far%n", r + 1,
                    hostsCount, ms(load[r]), ms(loadCpu[r]), keystrokes.size());
            pool.shutdown();
            vault.close();
        }
        long[] keys = column(keystrokes, 0, 0);
        long[] warmKeys = column(keystrokes, keystrokes.size() / runs, 0);
        long[] keysCpu = column(keystrokes, 0, 1);
        long[] stretch = column(keystrokes, 0, 2);
        long[] warmStretch = column(keystrokes, keystrokes.size() / runs, 2);
        long[] search = column(keystrokes, 0, 3);
        System.out.printf("load after unlock: median %d ms, runs %s (aim: 300 ms)%n", ms(median(load)), Arrays.toString(
                Arrays.stream(load).map(HostListBenchmark::ms).toArray()));
        System.out.printf("keystroke until its rows are shown and laid out: median %.1f ms, 90th %.1f ms, max %.1f ms over %d;"
                        + " after the first run: median %.1f ms, 90th %.1f ms, max %.1f ms%n",
                msf(percentile(keys, 50)), msf(percentile(keys, 90)), msf(percentile(keys, 100)), keys.length,
                msf(percentile(warmKeys, 50)), msf(percentile(warmKeys, 90)), msf(percentile(warmKeys, 100)));
        System.out.printf("longest stretch of FX-thread work per keystroke: median %.1f ms, 90th %.1f ms, max %.1f ms;"
                        + " after the first run: median %.1f ms, 90th %.1f ms, max %.1f ms (aim: one frame, 16.7 ms)%n",
                msf(percentile(stretch, 50)), msf(percentile(stretch, 90)), msf(percentile(stretch, 100)),
                msf(percentile(warmStretch, 50)), msf(percentile(warmStretch, 90)), msf(percentile(warmStretch, 100)));
        System.out.printf("load cpu (read + rows + layout): median %d ms; keystroke cpu on the FX thread: median %.1f ms, 90th %.1f ms,"
                + " max %.1f ms; search cpu off the FX thread: median %.1f ms, 90th %.1f ms, max %.1f ms%n", ms(median(loadCpu)),
                msf(percentile(keysCpu, 50)), msf(percentile(keysCpu, 90)), msf(percentile(keysCpu, 100)),
                msf(percentile(search, 50)), msf(percentile(search, 90)), msf(percentile(search, 100)));
        System.out.printf("load average now %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        Arrays.fill(password, '\0');
        Platform.exit();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Types one keystroke (sets the query on the FX thread) and waits until its rows are shown and laid
     * out. Returns the wall time from the keystroke to that point, the FX thread's CPU for it (the
     * keystroke, the rows arriving, the layout), the longest single stretch of FX-thread work among
     * those, and the CPU of the search off the FX thread (0 when the search runs on the FX thread).
     */
    private static long[] keystroke(HostListViewModel model, HostListView view, String typed, long[] fxTasks, long[] searchCpu,
                                    Object lock) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        long[] start = new long[3]; // when, FX CPU of the keystroke itself (with the search when it runs there), its wall
        onFx(() -> {
            synchronized (lock) {
                fxTasks[0] = 0;
                fxTasks[1] = 0;
                searchCpu[0] = 0;
            }
            javafx.beans.value.ChangeListener<Number> shownListener = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number now) {
                    model.revisionProperty().removeListener(this);
                    view.applyCss();
                    view.layout();
                    Platform.runLater(() -> { // after the UI task that showed the rows has been counted
                        synchronized (lock) {
                            done.complete(new long[] {System.nanoTime() - start[0], start[1] + fxTasks[0],
                                    Math.max(start[2], fxTasks[1]), searchCpu[0]});
                        }
                    });
                }
            };
            model.revisionProperty().addListener(shownListener);
            long c = CPU.getCurrentThreadCpuTime();
            start[0] = System.nanoTime();
            model.queryProperty().set(typed); // a search on the FX thread shows its rows (and lays out) in here
            start[1] = CPU.getCurrentThreadCpuTime() - c;
            start[2] = System.nanoTime() - start[0];
            return null;
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    private static long[] column(List<long[]> rows, int from, int column) {
        return rows.subList(from, rows.size()).stream().mapToLong(row -> row[column]).toArray();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static long median(long[] values) {
        return percentile(values, 50);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static double msf(long nanos) {
        return nanos / 1_000_000.0;
    }
}
