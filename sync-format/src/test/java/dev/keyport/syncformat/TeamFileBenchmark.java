package dev.keyport.syncformat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.keyport.syncformat.TeamDocument.Auth;
import dev.keyport.syncformat.TeamDocument.Group;
import dev.keyport.syncformat.TeamDocument.Host;
import dev.keyport.syncformat.TeamDocument.Identity;
import dev.keyport.syncformat.TeamDocument.Key;
import dev.keyport.syncformat.TeamDocument.TrustedHostKey;
import dev.keyport.syncformat.openssh.SshPublicKey;

/**
 * Team file benchmark, not a timed test: writes and reads a team with 10,000 hosts (each with a saved
 * password) in 200 groups, 100 keys with private keys, 100 identities with passwords and 1,000 pinned
 * host keys, under the default Argon2id settings (64 MiB, t=3, p=1), and prints wall and CPU time per
 * run, the medians and the file size. Run: {@code bench/team-file.sh} or
 * {@code mvn -pl sync-format test -Dtest=TeamFileBenchmark -Dkeyport.bench=true}. The KDF alone is
 * timed too, since it is most of the CPU time. See docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "keyport.bench", matches = "true")
class TeamFileBenchmark {

    private static final int HOSTS = Integer.getInteger("keyport.bench.hosts", 10_000);
    private static final int RUNS = Integer.getInteger("keyport.bench.runs", 5);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void writeAndReadATenThousandHostTeamWithSecrets() throws Exception {
        TeamDocument team = team(HOSTS, new Random(42));
        char[] passphrase = "benchmark passphrase".toCharArray();
        SecretsPolicy secrets = SecretsPolicy.include(passphrase, KdfParameters.DEFAULT);
        System.out.printf(Locale.ROOT, "Team file benchmark: %,d hosts (saved passwords), %d groups, %d keys, %d identities,"
                + " %,d pinned host keys; %s; %d runs%n", team.hosts().size(), team.groups().size(), team.keys().size(),
                team.identities().size(), team.trustedHostKeys().size(), KdfParameters.DEFAULT, RUNS);

        List<long[]> kdf = new ArrayList<>();
        List<long[]> write = new ArrayList<>();
        List<long[]> rewrite = new ArrayList<>();
        List<long[]> read = new ArrayList<>();
        byte[] file = null;
        for (int run = 1; run <= RUNS; run++) {
            long[] k = start();
            java.util.Arrays.fill(TeamCrypto.argon2id(passphrase, new byte[16], KdfParameters.DEFAULT), (byte) 0);
            kdf.add(stop(k));
            long[] w = start();
            file = TeamFileWriter.write(team, secrets, Optional.empty());
            write.add(stop(w));
            long[] rw = start();
            byte[] again = TeamFileWriter.write(team, secrets, Optional.of(file));
            rewrite.add(stop(rw));
            if (!java.util.Arrays.equals(file, again)) {
                throw new AssertionError("rewriting with the previous file changed bytes");
            }
            long[] r = start();
            try (ReadResult result = TeamFileReader.read(new java.io.ByteArrayInputStream(file), Optional.of(passphrase))) {
                read.add(stop(r));
                if (result.document().hosts().size() != team.hosts().size()) {
                    throw new AssertionError("read back a different team");
                }
            }
            System.out.printf(Locale.ROOT, "run %d: KDF alone %s; write %s, write again with the previous file %s, read %s"
                    + " (load %.1f)%n", run, ms(kdf.get(run - 1)), ms(write.get(run - 1)), ms(rewrite.get(run - 1)),
                    ms(read.get(run - 1)), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        byte[] plain = TeamFileWriter.write(team, SecretsPolicy.omit(), Optional.empty());
        long[] pw = start();
        TeamFileWriter.write(team, SecretsPolicy.omit(), Optional.empty());
        long[] plainWrite = stop(pw);
        long[] pr = start();
        TeamFileReader.read(new java.io.ByteArrayInputStream(plain), Optional.empty()).close();
        long[] plainRead = stop(pr);
        System.out.printf(Locale.ROOT, "median: KDF alone %s; write %s, write again %s, read %s%n", ms(median(kdf)),
                ms(median(write)), ms(median(rewrite)), ms(median(read)));
        System.out.printf(Locale.ROOT, "file with secrets: %,d bytes (%.1f MiB), %,d lines; without secrets: %,d bytes,"
                + " written in %s, read in %s%n", file.length, file.length / 1048576.0, count(file), plain.length,
                ms(plainWrite), ms(plainRead));
    }

    static TeamDocument team(int hostCount, Random random) {
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 200; g++) {
            Optional<UUID> parent = g < 20 ? Optional.empty() : Optional.of(groups.get(g % 20).id());
            groups.add(new Group(uuid(random), "group " + g, parent));
        }
        List<Key> keys = new ArrayList<>();
        for (int k = 0; k < 100; k++) {
            byte[] blob = new byte[51];
            byte[] type = "ssh-ed25519".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            blob[3] = (byte) type.length;
            System.arraycopy(type, 0, blob, 4, type.length);
            blob[18] = 32;
            byte[] point = new byte[32];
            random.nextBytes(point);
            System.arraycopy(point, 0, blob, 19, 32);
            SshPublicKey publicKey = new SshPublicKey("ssh-ed25519", Base64.getEncoder().encodeToString(blob), "key" + k);
            byte[] privateKey = new byte[2600];
            random.nextBytes(privateKey);
            keys.add(new Key(uuid(random), "key " + k, "ssh-ed25519", 256, publicKey.fingerprint(), publicKey.line(),
                    Optional.of(Secret.ofBytes(privateKey)), Optional.empty()));
        }
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            identities.add(new Identity(uuid(random), "identity " + i, "user" + i, Optional.of(keys.get(i).id()),
                    Optional.of(Secret.ofChars(("identity-password-" + i).toCharArray()))));
        }
        List<Host> hosts = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            Host.Builder host = Host.builder(uuid(random), "host-" + h, "host-" + h + ".dc" + (h % 7) + ".example", "ops")
                    .port(22 + h % 3).group(groups.get(h % groups.size()).id())
                    .auth(new Auth.SavedPassword(Optional.of(Secret.ofChars(("pw-" + Long.toHexString(random.nextLong()))
                            .toCharArray()))))
                    .tags(List.of("env" + h % 4, "team" + h % 9)).keepAliveSeconds(h % 2 == 0 ? 30 : 0);
            if (h % 10 == 5 && !hosts.isEmpty()) {
                host.jumpChain(List.of(hosts.get(0).id()));
            }
            hosts.add(host.build());
        }
        List<TrustedHostKey> pinned = new ArrayList<>();
        for (int p = 0; p < Math.min(1000, hostCount); p++) {
            pinned.add(new TrustedHostKey(uuid(random), hosts.get(p).address(), hosts.get(p).port(), "ssh-ed25519",
                    SshPublicKey.parse(keys.get(p % keys.size()).publicKey()).base64()));
        }
        Collections.shuffle(hosts, random);
        return new TeamDocument(uuid(random), groups, hosts, identities, keys, List.of(), pinned);
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static long[] start() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static long[] stop(long[] start) {
        return new long[] {System.nanoTime() - start[0], THREADS.getCurrentThreadCpuTime() - start[1]};
    }

    private static String ms(long[] time) {
        return String.format(Locale.ROOT, "%d ms (cpu %d ms)", time[0] / 1_000_000, time[1] / 1_000_000);
    }

    /** The median wall time and, separately, the median CPU time. */
    private static long[] median(List<long[]> times) {
        long[] wall = times.stream().mapToLong(t -> t[0]).sorted().toArray();
        long[] cpu = times.stream().mapToLong(t -> t[1]).sorted().toArray();
        return new long[] {wall[wall.length / 2], cpu[cpu.length / 2]};
    }

    private static long count(byte[] bytes) {
        long lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }

}
