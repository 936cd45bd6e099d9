package dev.keyport.syncformat.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated ssh_config and known_hosts files: the readers return hosts and warnings and never throw, and
 * what the ssh_config writer accepts reads back to the same host.
 */
class OpenSshFuzzTest {

    private static final String NOISE = " \t=\"'\\#:[]/*?!,%@|\n0123456789abcxyz-";

    @TempDir
    Path dir;

    @Test
    void mutatedSshConfigsAlwaysRead() throws Exception {
        Path corpus = SshCorpus.copyTo(Files.createDirectories(dir.resolve("corpus")));
        String config = Files.readString(corpus);
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            Path file = Files.writeString(dir.resolve("config"), mutate(config, random), StandardCharsets.UTF_8);
            SshConfig read = SshConfigReader.read(file, dir);
            assertThat(read.hosts()).as("round %d", round).isNotNull();
            for (SshHostConfig host : read.hosts()) {
                SshConfigWriterRoundTrip.check(host, dir);
            }
        }
    }

    @Test
    void mutatedKnownHostsAlwaysRead() throws Exception {
        String known = SshCorpus.resource("/known-hosts/known_hosts");
        Random random = new Random(8);
        for (int round = 0; round < 600; round++) {
            KnownHosts read = KnownHostsReader.parse(dir, mutate(known, random).lines().toList());
            for (KnownHostsEntry entry : read.entries()) {
                entry.matches("bastion.acme.example", 22);
                entry.hostPorts();
            }
        }
    }

    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        int mutations = 1 + random.nextInt(6);
        for (int i = 0; i < mutations && out.length() > 0; i++) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(4)) {
                case 0 -> out.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 1 -> out.deleteCharAt(at);
                case 2 -> out.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                default -> out.setLength(at);
            }
        }
        return out.toString();
    }

    /** Writing what was read is refused with IllegalArgumentException, or reads back to the same host. */
    static final class SshConfigWriterRoundTrip {
        private SshConfigWriterRoundTrip() {
        }

        static void check(SshHostConfig host, Path dir) throws java.io.IOException {
            String text;
            try {
                text = SshConfigWriter.write(List.of(host));
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            Path written = Files.writeString(dir.resolve("written"), text);
            SshHostConfig expected = new SshHostConfig(host.alias(), host.hostName(), host.user(), host.port(),
                    host.identityFiles(), host.proxyJump(), host.forwards(), host.serverAliveInterval(), host.forwardAgent(),
                    false);
            assertThat(SshConfigReader.read(written, dir).host(host.alias())).as(text).contains(expected);
        }
    }
}
