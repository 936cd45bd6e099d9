package dev.keyport.app.teamfile;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;

/**
 * Not a timed test (skipped unless {@code -Dkeyport.bench=true}): the team file end to end through
 * {@link TeamFileService} on real encrypted vaults. A vault with 10,000 hosts (each with a saved
 * password) in 200 groups, 100 keys, 100 identities with passwords, 100 tunnels and 1,000 trusted host
 * keys is exported with secrets (Argon2id at the export default, 64 MiB, t=3, p=1), exported again over
 * that file, and imported into an empty vault (preview, then apply), then previewed again; printed:
 * wall and CPU time of each step per run, medians, file sizes. Run {@code bench/team-file-vault.sh}.
 * See "Team file" in docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "keyport.bench", matches = "true")
class TeamFileServiceBenchmark {

    private static final int HOSTS = Integer.getInteger("keyport.bench.hosts", 10_000);
    private static final int RUNS = Integer.getInteger("keyport.bench.runs", 3);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path tmp;

    @Test
    void exportAndImportATenThousandHostVaultWithSecrets() throws Exception {
        char[] passphrase = "benchmark passphrase".toCharArray();
        List<String> steps = List.of("export", "export again", "preview", "apply", "preview again");
        List<List<long[]>> times = new ArrayList<>();
        steps.forEach(s -> times.add(new ArrayList<>()));
        long fileBytes = 0;
        long plainBytes = 0;
        long[] plainExport = null;
        try (Vault source = TeamFileFixtures.vault(tmp.resolve("source"))) {
            long[] fill = start();
            fill(source, new Random(42));
            System.out.printf(Locale.ROOT, "Team file service benchmark: %,d hosts with saved passwords, 200 groups, 100 keys,"
                    + " 100 identities, 100 tunnels, 1,000 trusted host keys (filled in %s); %d runs%n", HOSTS, ms(stop(fill)), RUNS);
            TeamFileService exporter = new TeamFileService(source);
            for (int run = 1; run <= RUNS; run++) {
                Path file = tmp.resolve("run-" + run + ".keyport");
                long[] t = start();
                exporter.export(file, Optional.of(passphrase));
                times.get(0).add(stop(t));
                byte[] first = Files.readAllBytes(file);
                t = start();
                exporter.export(file, Optional.of(passphrase));
                times.get(1).add(stop(t));
                if (!Arrays.equals(first, Files.readAllBytes(file))) {
                    throw new AssertionError("exporting unchanged data over the previous file changed bytes");
                }
                fileBytes = first.length;
                try (Vault target = TeamFileFixtures.vault(tmp.resolve("target-" + run))) {
                    TeamFileService importer = new TeamFileService(target);
                    t = start();
                    ImportPlan plan = importer.plan(file, Optional.of(passphrase));
                    times.get(2).add(stop(t));
                    t = start();
                    ImportReport report = importer.apply(plan, ConflictChoice.MINE);
                    times.get(3).add(stop(t));
                    t = start();
                    try (ImportPlan again = importer.plan(file, Optional.of(passphrase))) {
                        times.get(4).add(stop(t));
                        if (again.hasChanges() || report.added() != plan.changes().size()) {
                            throw new AssertionError("a second import would change something: " + report);
                        }
                    }
                }
                StringBuilder line = new StringBuilder("run " + run + ":");
                for (int i = 0; i < steps.size(); i++) {
                    line.append(' ').append(steps.get(i)).append(' ').append(ms(times.get(i).get(run - 1))).append(';');
                }
                System.out.printf(Locale.ROOT, "%s load %.1f%n", line, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            Path plain = tmp.resolve("plain.keyport");
            plainExport = start();
            exporter.export(plain, Optional.empty());
            plainExport = stop(plainExport);
            plainBytes = Files.size(plain);
        }
        StringBuilder medians = new StringBuilder("median:");
        for (int i = 0; i < steps.size(); i++) {
            medians.append(' ').append(steps.get(i)).append(' ').append(ms(median(times.get(i)))).append(';');
        }
        System.out.println(medians);
        System.out.printf(Locale.ROOT, "file with secrets %,d bytes (%.1f MiB); without secrets %,d bytes (%.1f MiB), exported in %s%n",
                fileBytes, fileBytes / 1048576.0, plainBytes, plainBytes / 1048576.0, ms(plainExport));
    }

    /** The vault to export, through the repositories (batches of 1,000 hosts). */
    private static void fill(Vault vault, Random random) throws Exception {
        List<HostGroup> groups = new ArrayList<>();
        for (int g = 0; g < 200; g++) {
            HostGroup group = HostGroup.create("group " + g, g >= 20 ? groups.get(g % 20).id() : null);
            vault.groups().save(group);
            groups.add(group);
        }
        List<KeyEntry> keys = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            keys.add(TeamFileVaults.key(vault, "key " + k, KeyAlgorithm.ED25519, null));
        }
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Identity identity = Identity.create("identity " + i, "user" + i, keys.get(i).id());
            vault.identities().save(identity, ("identity password " + i).toCharArray());
            identities.add(identity);
        }
        List<Host> hosts = new ArrayList<>();
        List<Host> batch = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            List<UUID> chain = i % 10 == 9 ? List.of(hosts.get(i - 9).id()) : List.of();
            HostDetails details = HostDetails.NONE.withGroup(groups.get(i % 200).id()).withTags(List.of("env" + (i % 3), "bench"))
                    .withJumpChain(chain).withIdentity(i % 100 == 0 ? identities.get(i / 100 % 100).id() : null);
            Host host = Host.create("host " + i, "10." + (i / 65536 % 256) + "." + (i / 256 % 256) + "." + (i % 256), 22, "user" + (i % 50),
                    new HostAuth.SavedPassword()).withDetails(details);
            hosts.add(host);
            batch.add(host);
            if (batch.size() == 1000) {
                vault.hosts().saveAll(batch);
                batch.clear();
            }
        }
        vault.hosts().saveAll(batch);
        for (Host host : hosts) {
            vault.hosts().savePassword(host.id(), ("password of " + host.name()).toCharArray());
        }
        for (int t = 0; t < 100; t++) {
            vault.forwardProfiles().save(new ForwardProfile(UUID.randomUUID(), "tunnel " + t, hosts.get(t * 7).id(), false, List.of(
                    new ForwardProfile.Forward(ForwardProfile.Kind.LOCAL, "127.0.0.1", 10000 + t, "localhost", 5432))));
        }
        for (int k = 0; k < 1000; k++) {
            vault.hostKeys().add(hosts.get(k).address(), 22, "ssh-ed25519", ed25519Blob(random));
        }
    }

    private static String ed25519Blob(Random random) {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[32];
        random.nextBytes(key);
        ByteBuffer blob = ByteBuffer.allocate(4 + type.length + 4 + key.length);
        blob.putInt(type.length).put(type).putInt(key.length).put(key);
        return Base64.getEncoder().encodeToString(blob.array());
    }

    private static long[] start() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static long[] stop(long[] started) {
        return new long[] {System.nanoTime() - started[0], THREADS.getCurrentThreadCpuTime() - started[1]};
    }

    private static long[] median(List<long[]> runs) {
        List<Long> wall = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        runs.forEach(r -> {
            wall.add(r[0]);
            cpu.add(r[1]);
        });
        Collections.sort(wall);
        Collections.sort(cpu);
        return new long[] {wall.get(wall.size() / 2), cpu.get(cpu.size() / 2)};
    }

    private static String ms(long[] time) {
        return String.format(Locale.ROOT, "%d ms (cpu %d)", time[0] / 1_000_000, time[1] / 1_000_000);
    }
}
