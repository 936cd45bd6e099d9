package dev.keyport.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.HostService;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The host list without a window (direct executors): saving, searching, deleting, and a locked vault. */
class HostListViewModelTest {

    @TempDir
    Path dir;
    private Vault vault;
    private HostListViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR);
        model = new HostListViewModel(new HostService(vault.hosts()), Runnable::run, Runnable::run);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    @Test
    void aHostWithASavedPasswordIsStoredAndThePasswordArrayIsWiped() throws Exception {
        Host host = Host.create("db", "db.example", 22, "deploy", new HostAuth.SavedPassword());
        char[] password = "typed in the dialog".toCharArray();
        model.add(host, password);
        assertThat(model.visibleHosts()).containsExactly(host);
        assertThat(password).containsOnly('\0');
        assertThat(new String(vault.hosts().password(host.id()).orElseThrow())).isEqualTo("typed in the dialog");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void searchKeepsHostsMatchingEveryWordInNameUserOrAddress() throws Exception {
        vault.hosts().save(Host.create("web prod", "web1.example", 22, "deploy", new HostAuth.Password()));
        vault.hosts().save(Host.create("db prod", "db1.example", 22, "postgres", new HostAuth.Password()));
        vault.hosts().save(Host.create("web staging", "web2.example", 2222, "deploy", new HostAuth.Password()));
        model.reload();
        assertThat(model.visibleHosts()).hasSize(3);

        model.queryProperty().set("WEB prod");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("web prod");
        model.queryProperty().set("postgres@db1");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("db prod");
        model.queryProperty().set(":2222");
        assertThat(model.visibleHosts()).extracting(Host::name).containsExactly("web staging");
        model.queryProperty().set("");
        assertThat(model.visibleHosts()).hasSize(3);
    }

    @Test
    void deletingAHostRemovesItFromTheListAndTheVault() throws Exception {
        Host host = Host.create("old", "old.example", 22, "root", new HostAuth.Password());
        model.add(host, null);
        model.delete(host);
        assertThat(model.visibleHosts()).isEmpty();
        assertThat(vault.hosts().list()).isEmpty();
    }

    @Test
    void aLockedVaultShowsAReadableProblem() {
        vault.lock();
        model.reload();
        assertThat(model.problemProperty().get()).contains("The vault is locked");
    }

    @Test
    void anEmptyListSaysWhetherThereAreNoHostsOrTheSearchMatchesNone() throws Exception {
        assertThat(model.placeholderProperty().get()).startsWith("No hosts yet.");
        vault.hosts().save(Host.create("web", "web.example", 22, "deploy", new HostAuth.Password()));
        vault.hosts().save(Host.create("db", "db.example", 22, "deploy", new HostAuth.Password()));
        model.reload();
        model.queryProperty().set("mail");
        assertThat(model.visibleHosts()).isEmpty();
        assertThat(model.placeholderProperty().get()).isEqualTo("No host matches \u201cmail\u201d.\nClear the search to see all 2 hosts.");
    }
}
