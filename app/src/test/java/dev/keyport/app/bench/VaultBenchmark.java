package dev.keyport.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;

import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.hosts.HostListViewModel;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;
import dev.keyport.vault.crypto.VaultHeader;

/**
 * Not a test: measures unlock (Argon2id + H2 open) and loading 10,000 hosts in 200 groups into the
 * host list model. Run with {@code bench/vault.sh} (see docs/benchmarks.md).
 */
public final class VaultBenchmark {

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int hostsCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int groupsCount = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = 5;
        Path dir = Files.createTempDirectory("keyport-bench-");
        char[] password = "benchmark master password".toCharArray();

        long t0 = System.nanoTime();
        KdfParameters kdf = args.length > 2 && args[2].equals("calibrate") ? KdfParameters.calibrate(Duration.ofMillis(500))
                : KdfParameters.DEFAULT;
        System.out.printf("calibrated KDF: %s (%d ms to calibrate)%n", kdf, ms(System.nanoTime() - t0));

        try (Vault vault = Vault.create(dir, password, kdf)) {
            List<HostGroup> groups = new ArrayList<>();
            for (int g = 0; g < groupsCount; g++) {
                HostGroup group = HostGroup.create("group-" + g, g >= 20 ? groups.get(g % 20).id() : null);
                vault.groups().save(group);
                groups.add(group);
            }
            List<Host> batch = new ArrayList<>();
            long s = System.nanoTime();
            for (int i = 0; i < hostsCount; i++) {
                HostDetails details = HostDetails.NONE.withGroup(groups.get(i % groupsCount).id()).withTags(List.of("env" + (i % 3), "bench"));
                batch.add(Host.create("host-" + i, "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256), 22,
                        "user" + (i % 50), i % 2 == 0 ? new HostAuth.Password() : new HostAuth.KeyFile("~/.ssh/id_ed25519"))
                        .withDetails(details));
                if (batch.size() == 1000) {
                    vault.hosts().saveAll(batch);
                    batch.clear();
                }
            }
            vault.hosts().saveAll(batch);
            System.out.printf("seeded %d hosts in %d groups in %d ms%n", hostsCount, groupsCount, ms(System.nanoTime() - s));
        }
        System.out.printf("vault file: %d KiB%n", Files.size(dir.resolve("vault.mv.db")) / 1024);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();

        long[] unlock = new long[runs];
        long[] kdfOnly = new long[runs];
        long[] load = new long[runs];
        long[] kdfCpu = new long[runs];
        long[] unlockCpu = new long[runs];
        long[] listCpu = new long[runs];
        long[] loadCpu = new long[runs];
        for (int r = 0; r < runs; r++) {
            long kCpu = CPU.getCurrentThreadCpuTime();
            long k = System.nanoTime();
            VaultHeaderProbe.unwrap(dir, password);
            kdfOnly[r] = System.nanoTime() - k;
            kdfCpu[r] = CPU.getCurrentThreadCpuTime() - kCpu;

            long uCpu = CPU.getCurrentThreadCpuTime();
            long u = System.nanoTime();
            Vault vault = Vault.unlock(dir, password);
            unlock[r] = System.nanoTime() - u;
            unlockCpu[r] = CPU.getCurrentThreadCpuTime() - uCpu;

            var pool = Executors.newSingleThreadExecutor();
            long[] coldCpu = new long[1];
            java.util.concurrent.Executor executor = task -> pool.execute(() -> {
                long c = CPU.getCurrentThreadCpuTime();
                task.run();
                coldCpu[0] = CPU.getCurrentThreadCpuTime() - c;
            });
            HostListViewModel model = new HostListViewModel(new HostService(vault), executor, Platform::runLater);
            CountDownLatch loaded = new CountDownLatch(1);
            Platform.runLater(() -> model.visibleHosts().addListener((ListChangeListener<Host>) c -> {
                if (model.visibleHosts().size() == hostsCount) {
                    loaded.countDown();
                }
            }));
            waitForFx();
            long l = System.nanoTime();
            model.reload();
            if (!loaded.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("hosts did not load");
            }
            load[r] = System.nanoTime() - l;
            // the same query again on this thread, for its CPU time (the model's own load spans two threads)
            long lCpu = CPU.getCurrentThreadCpuTime();
            vault.hosts().list();
            listCpu[r] = CPU.getCurrentThreadCpuTime() - lCpu;
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
            loadCpu[r] = coldCpu[0];
            vault.close();
            System.out.printf("run %d: KDF %d ms (cpu %d), unlock (KDF + open) %d ms (cpu %d), load %d hosts into the host list model %d ms"
                    + " (cpu of the cold read %d, warm list() cpu %d)%n", r + 1, ms(kdfOnly[r]), ms(kdfCpu[r]), ms(unlock[r]),
                    ms(unlockCpu[r]), hostsCount, ms(load[r]), ms(loadCpu[r]), ms(listCpu[r]));
        }
        System.out.printf("median wall: KDF %d ms, unlock %d ms, load %d ms (aims: unlock < 700 ms, load < 300 ms)%n",
                ms(median(kdfOnly)), ms(median(unlock)), ms(median(load)));
        System.out.printf("median cpu:  KDF %d ms, unlock %d ms, cold read for the model %d ms, warm list() %d ms;"
                + " load average now %.1f on %d cores%n",
                ms(median(kdfCpu)), ms(median(unlockCpu)), ms(median(loadCpu)), ms(median(listCpu)),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        Arrays.fill(password, '\0');
        Platform.exit();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void waitForFx() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(done::countDown);
        done.await();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** Times the KDF + unwrap alone through the public header API. */
    static final class VaultHeaderProbe {
        static void unwrap(Path dir, char[] password) throws Exception {
            VaultHeader header = VaultHeader.read(dir);
            dev.keyport.vault.crypto.VaultKeys.unlock(header, password).wipe();
        }
    }
}
