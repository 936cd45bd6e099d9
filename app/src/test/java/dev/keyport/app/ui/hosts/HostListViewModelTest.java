package dev.keyport.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** What the Add-host dialog hands over is saved: the host, and its password encrypted in the vault. */
class HostListViewModelTest {

    @TempDir
    Path dir;
    private Vault vault;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    @Test
    void aHostWithASavedPasswordIsStoredAndThePasswordArrayIsWiped() throws Exception {
        HostListViewModel model = new HostListViewModel(new dev.keyport.app.services.HostService(vault.hosts()), Runnable::run, Runnable::run);
        Host host = Host.create("db", "db.example", 22, "deploy", new HostAuth.SavedPassword());
        char[] password = "typed in the dialog".toCharArray();
        model.add(host, password);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.visibleHosts().size() == 1);
        assertThat(model.visibleHosts()).containsExactly(host);
        assertThat(password).containsOnly('\0');
        assertThat(new String(vault.hosts().password(host.id()).orElseThrow())).isEqualTo("typed in the dialog");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void aLockedVaultShowsAReadableProblem() throws Exception {
        HostListViewModel model = new HostListViewModel(new dev.keyport.app.services.HostService(vault.hosts()), Runnable::run, Runnable::run);
        vault.lock();
        model.reload();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.problemProperty().get().isEmpty());
        assertThat(model.problemProperty().get()).contains("The vault is locked");
    }
}
