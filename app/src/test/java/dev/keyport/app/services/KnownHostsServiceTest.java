package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.KnownHostsService.Entry;
import dev.keyport.app.services.KnownHostsService.Source;
import dev.keyport.app.testing.KnownHostsFixture;
import dev.keyport.terminal.ssh.Fingerprints;

/** Every trusted key from a real vault and a known_hosts file; only the vault's can be removed. */
class KnownHostsServiceTest {

    @TempDir
    Path dir;

    @Test
    void listsTheVaultKeysThenEveryReadableKnownHostsLineWithFullFingerprints() throws Exception {
        try (KnownHostsFixture f = new KnownHostsFixture(dir)) {
            KnownHostsService service = new KnownHostsService(f.vault.hostKeys(), f.knownHosts);
            KnownHostsService.Listing listing = service.list();
            List<Entry> entries = listing.entries();

            assertThat(listing.problem()).isEmpty();
            assertThat(entries).hasSize(6);
            assertThat(entries.subList(0, 2)).allSatisfy(e -> {
                assertThat(e.source()).isEqualTo(Source.VAULT);
                assertThat(e.addedAt()).isPresent();
                assertThat(e.removable()).isTrue();
            });
            assertThat(entries).filteredOn(e -> e.host().equals("db.internal")).singleElement().satisfies(e -> {
                assertThat(e.port()).isEqualTo(OptionalInt.of(22));
                assertThat(e.keyType()).isEqualTo("ssh-ed25519");
                assertThat(e.fingerprint()).isEqualTo(Fingerprints.sha256(f.dbKey));
            });
            assertThat(entries).filteredOn(e -> e.host().equals("git.example")).singleElement().satisfies(e -> {
                assertThat(e.port()).isEqualTo(OptionalInt.of(2222));
                assertThat(e.fingerprint()).isEqualTo(Fingerprints.sha256(f.gitKey));
                assertThat(e.where()).isEqualTo(f.knownHosts + " line 3");
                assertThat(e.removable()).isFalse();
                assertThat(e.addedAt()).isEmpty();
            });
            assertThat(entries).filteredOn(Entry::hashed).singleElement().satisfies(e -> {
                assertThat(e.host()).startsWith("|1|").doesNotContain("secret");
                assertThat(e.port()).isEmpty();
                assertThat(e.fingerprint()).isEqualTo(Fingerprints.sha256(f.hashedKey));
                assertThat(e.names("secret.example", 22)).isTrue();
                assertThat(e.names("other.example", 22)).isFalse();
            });
            assertThat(entries).filteredOn(e -> e.marker().equals("revoked")).singleElement()
                    .satisfies(e -> assertThat(e.fingerprint()).isEqualTo(Fingerprints.sha256(f.revokedKey)));
        }
    }

    @Test
    void removesAVaultKeyButNeverTouchesKnownHosts() throws Exception {
        try (KnownHostsFixture f = new KnownHostsFixture(dir)) {
            KnownHostsService service = new KnownHostsService(f.vault.hostKeys(), f.knownHosts);
            String before = Files.readString(f.knownHosts);
            Entry db = service.list().entries().stream().filter(e -> e.host().equals("db.internal")).findFirst().orElseThrow();
            Entry plain = service.list().entries().stream().filter(e -> e.host().equals("plain.example")).findFirst().orElseThrow();

            assertThat(service.remove(db)).isTrue();
            assertThatThrownBy(() -> service.remove(plain))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ssh-keygen -f " + f.knownHosts + " -R 'plain.example'");

            assertThat(f.vault.hostKeys().find("db.internal", 22)).isEmpty();
            assertThat(f.vault.hostKeys().find("127.0.0.1", 2311)).hasSize(1);
            assertThat(Files.readString(f.knownHosts)).isEqualTo(before);
        }
    }

    @Test
    void aMissingKnownHostsFileIsNoProblem() throws Exception {
        try (KnownHostsFixture f = new KnownHostsFixture(dir)) {
            KnownHostsService service = new KnownHostsService(f.vault.hostKeys(), dir.resolve("absent"));
            assertThat(service.list().entries()).hasSize(2);
            assertThat(service.list().problem()).isEmpty();
        }
    }
}
