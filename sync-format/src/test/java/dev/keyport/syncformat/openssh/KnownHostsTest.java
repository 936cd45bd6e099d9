package dev.keyport.syncformat.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts lines in and out: plain, [host]:port, hashed by ssh-keygen -H, markers and broken lines. */
class KnownHostsTest {

    private static final String ED25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIAavQZG8S9IK47yWbGnuvwsKbppW0KHYjs0/l9L0RVvc";

    @TempDir
    Path dir;

    private KnownHosts fixture() throws Exception {
        Path file = Files.writeString(dir.resolve("known_hosts"), SshCorpus.resource("/known-hosts/known_hosts"));
        return KnownHostsReader.read(file);
    }

    @Test
    void plainAndHashedLinesAreReadAndBrokenOrMarkedLinesSkippedWithANote() throws Exception {
        KnownHosts known = fixture();
        assertThat(known.entries()).hasSize(6);
        assertThat(known.entries().get(0).hashed()).contains("|1|HIRhkd/jb1JdJp0NDqIV7mIQAB4=|oP/h72bkVTExssRCmcZr5EjiDW8=");
        assertThat(known.entries().get(3).patterns()).containsExactly("bastion.acme.example", "10.0.0.5");
        assertThat(known.entries().get(3).comment()).isEqualTo("ops key");
        assertThat(known.warnings()).extracting(w -> w.line() + " " + w.message()).containsExactly(
                "11 @cert-authority line skipped: Keyport imports plain host keys only",
                "12 @revoked line skipped: Keyport imports plain host keys only",
                "13 not a host key line (hosts, key type, key); skipped",
                "14 the key does not parse (the key data is a ssh-ed25519 key, not ssh-rsa); skipped",
                "15 a hashed host name that is not |1|salt|hash; skipped");
    }

    @Test
    void hashedLinesMatchTheHostAndPortTheyWereHashedFrom() throws Exception {
        KnownHosts known = fixture();
        KnownHostsEntry bastion = known.entries().get(0);
        KnownHostsEntry db = known.entries().get(1);
        KnownHostsEntry web = known.entries().get(2);
        assertThat(bastion.matches("bastion.acme.example", 22)).isTrue();
        assertThat(bastion.matches("BASTION.acme.example", 22)).as("ssh looks names up in lower case").isTrue();
        assertThat(bastion.matches("bastion.acme.example", 2222)).isFalse();
        assertThat(bastion.matches("other.example", 22)).isFalse();
        assertThat(db.matches("db.internal", 2222)).isTrue();
        assertThat(db.matches("db.internal", 22)).isFalse();
        assertThat(web.matches("web.example.com", 22)).isTrue();
        assertThat(bastion.hostPorts()).isEmpty();
    }

    @Test
    void plainPatternsMatchWithPortsWildcardsAndNegation() throws Exception {
        KnownHosts known = fixture();
        assertThat(known.find("10.0.0.5", 22)).extracting(KnownHostsEntry::line).containsExactly(8);
        assertThat(known.find("10.0.1.10", 2222)).extracting(KnownHostsEntry::line).containsExactly(9);
        assertThat(known.find("app.staging.example", 22)).extracting(KnownHostsEntry::line).containsExactly(10);
        assertThat(known.find("secret.staging.example", 22)).isEmpty();
        assertThat(known.find("bastion.acme.example", 22)).extracting(KnownHostsEntry::line).containsExactly(3, 8);
        assertThat(known.entries().get(4).hostPorts()).containsExactly(new KnownHostsEntry.HostPort("db.internal", 2222),
                new KnownHostsEntry.HostPort("10.0.1.10", 2222));
        assertThat(known.entries().get(5).hostPorts()).isEmpty();
    }

    @Test
    void writtenLinesReadBackAndHashedOnesAreFoundBySshKeygen() throws Exception {
        List<KnownHostsWriter.Pin> pins = List.of(new KnownHostsWriter.Pin("Bastion.Acme.Example", 22, "ssh-ed25519", ED25519),
                new KnownHostsWriter.Pin("10.0.1.10", 2222, "ssh-ed25519", ED25519));
        assertThat(KnownHostsWriter.write(pins, false)).isEqualTo("bastion.acme.example ssh-ed25519 " + ED25519 + "\n"
                + "[10.0.1.10]:2222 ssh-ed25519 " + ED25519 + "\n");
        Path hashed = Files.writeString(dir.resolve("hashed"), KnownHostsWriter.write(pins, true));
        KnownHosts read = KnownHostsReader.read(hashed);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.find("bastion.acme.example", 22)).hasSize(1);
        assertThat(read.find("10.0.1.10", 2222)).hasSize(1);
        assumeTrue(SshCorpus.sshAvailable(), "ssh-keygen (Debian openssh-client) is not installed");
        assertThat(sshKeygenFinds(hashed, "bastion.acme.example")).isTrue();
        assertThat(sshKeygenFinds(hashed, "[10.0.1.10]:2222")).isTrue();
        assertThat(sshKeygenFinds(hashed, "10.0.1.10")).isFalse();
    }

    @Test
    void theWriterRefusesWhatCannotStandInTheFile() {
        assertThatThrownBy(() -> KnownHostsWriter.line(new KnownHostsWriter.Pin("a b", 22, "ssh-ed25519", ED25519), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KnownHostsWriter.line(new KnownHostsWriter.Pin("a", 22, "ssh-rsa", ED25519), false))
                .hasMessageContaining("not ssh-rsa");
    }

    private static boolean sshKeygenFinds(Path file, String host) throws Exception {
        Process process = new ProcessBuilder("ssh-keygen", "-F", host, "-f", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.contains("|1|");
    }
}
