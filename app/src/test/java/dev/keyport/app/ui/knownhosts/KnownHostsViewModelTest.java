package dev.keyport.app.ui.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.KnownHostsService;
import dev.keyport.app.services.KnownHostsService.Entry;
import dev.keyport.app.testing.KnownHostsFixture;
import dev.keyport.terminal.ssh.Fingerprints;

/** The Known hosts screen's state without a Stage: both executors run the work at once. */
class KnownHostsViewModelTest {

    @TempDir
    Path dir;
    private KnownHostsFixture fixture;
    private KnownHostsViewModel model;
    private final Executor direct = Runnable::run;

    @BeforeEach
    void load() throws Exception {
        fixture = new KnownHostsFixture(dir);
        model = new KnownHostsViewModel(new KnownHostsService(fixture.vault.hostKeys(), fixture.knownHosts), direct, direct, ZoneOffset.UTC);
        model.reload();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void showsEveryKeyWithASummary() {
        assertThat(model.entries()).hasSize(6);
        assertThat(model.summaryProperty().get())
                .isEqualTo("6 trusted keys: 2 in the Keyport vault, 4 in " + fixture.knownHosts + " (read only)");
        assertThat(model.problemProperty().get()).isEmpty();
        Entry hashed = model.entries().stream().filter(Entry::hashed).findFirst().orElseThrow();
        assertThat(KnownHostsViewModel.hostText(hashed)).isEqualTo("(hashed name)");
        assertThat(KnownHostsViewModel.portText(hashed)).isEmpty();
        Entry revoked = model.entries().stream().filter(e -> !e.marker().isEmpty()).findFirst().orElseThrow();
        assertThat(KnownHostsViewModel.typeText(revoked)).isEqualTo("ssh-ed25519 @revoked");
        Entry db = model.entries().get(0);
        assertThat(model.addedText(db)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    }

    @Test
    void aHostNameFromKnownHostsIsShownWithItsControlCharactersVisible() {
        Entry hostile = new Entry(java.util.Optional.empty(), "git\u202Emoc.example\u001b[2J", java.util.OptionalInt.empty(), false, "",
                "ssh-ed25519", "SHA256:x", KnownHostsService.Source.values()[0], "known_hosts line 9", java.util.Optional.empty(),
                java.util.Optional.empty());

        assertThat(KnownHostsViewModel.hostText(hostile)).isEqualTo("git\\u202Emoc.example\\e[2J");
    }

    @Test
    void searchFindsByHostPortFingerprintSourceAndAHashedNameByItsHost() {
        model.searchProperty().set("git.example:2222");
        assertThat(model.entries()).singleElement().satisfies(e -> assertThat(e.host()).isEqualTo("git.example"));

        model.searchProperty().set(Fingerprints.sha256(fixture.dbKey).substring(7, 20));
        assertThat(model.entries()).singleElement().satisfies(e -> assertThat(e.host()).isEqualTo("db.internal"));

        model.searchProperty().set("vault");
        assertThat(model.entries()).hasSize(2);

        model.searchProperty().set("secret.example");
        assertThat(model.entries()).singleElement().satisfies(e -> assertThat(e.hashed()).isTrue());

        model.searchProperty().set("nothing-like-this");
        assertThat(model.entries()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No trusted key matches \"nothing-like-this\".");

        model.searchProperty().set("");
        assertThat(model.entries()).hasSize(6);
    }

    @Test
    void removingAVaultKeyAsksFirstAndThenItIsGoneFromVaultAndList() throws Exception {
        Entry db = model.entries().stream().filter(e -> e.host().equals("db.internal")).findFirst().orElseThrow();
        assertThat(model.removeQuestion(db)).contains("db.internal:22").contains(Fingerprints.sha256(fixture.dbKey));

        model.remove(db);

        assertThat(model.entries()).hasSize(5).noneMatch(e -> e.host().equals("db.internal"));
        assertThat(fixture.vault.hostKeys().find("db.internal", 22)).isEmpty();
    }

    @Test
    void aKnownHostsKeyCannotBeRemovedHereAndTheScreenSaysHow() {
        Entry plain = model.entries().stream().filter(e -> e.host().equals("plain.example")).findFirst().orElseThrow();
        assertThat(model.removeQuestion(plain)).isEmpty();

        model.remove(plain);

        assertThat(model.problemProperty().get()).contains("Keyport only reads " + fixture.knownHosts).contains("ssh-keygen -R");
        assertThat(model.entries()).hasSize(6);
    }
}
