package dev.keyport.app.ui.identities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.IdentityService;
import dev.keyport.app.services.KeyStorage;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The Identities page's state without a Stage, on a real vault with direct executors. */
class IdentitiesViewModelTest {

    @TempDir
    Path dir;
    private Vault vault;
    private IdentitiesViewModel model;
    private KeyEntry key;

    @BeforeEach
    void open() throws Exception {
        vault = Vault.create(dir, "test master password".toCharArray(), KdfParameters.FLOOR);
        key = KeyStorage.store(vault.keys(), KeyCodec.generate(KeyAlgorithm.ED25519, "k"), "team key");
        model = new IdentitiesViewModel(new IdentityService(vault.identities(), vault.hosts(), vault.keys()), Runnable::run, Runnable::run);
        model.reload();
    }

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    void everyWrongFieldGetsItsOwnMessageAtOnce() {
        model.startNew();
        model.usernameProperty().set("bad user");

        assertThat(model.save(new char[0])).isFalse();

        assertThat(model.nameErrorProperty().get()).isNotEmpty();
        assertThat(model.userErrorProperty().get()).isNotEmpty();
        assertThat(model.credentialErrorProperty().get()).isEqualTo("Choose a key or type a password: an identity logs in with at least one of them.");
        assertThat(model.editingProperty().get()).isTrue();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void aNewIdentityWithAKeyIsListedAndEditingItNamesTheHostsThatFollow() throws Exception {
        model.startNew();
        model.nameProperty().set("deploy");
        model.usernameProperty().set("deploy");
        model.keyProperty().set(model.keyOptions().stream().filter(o -> o.id().isPresent()).findFirst().orElseThrow());
        char[] password = "s3cret".toCharArray();
        assertThat(model.save(password)).isTrue();
        assertThat(password).containsOnly('\0');
        assertThat(model.editingProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Saved identity deploy.");
        IdentityRow row = model.rows().get(0);
        assertThat(row.credential()).isEqualTo("key team key + saved password");
        assertThat(row.usage()).isEqualTo("Not used by any host");

        vault.hosts().save(Host.create("db", "db.internal", 22, "x", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withIdentity(row.identity().id())));
        model.reload();
        row = model.rows().get(0);
        assertThat(row.usage()).isEqualTo("Used by host db");

        model.edit(row);
        assertThat(model.editorUsageProperty().get()).isEqualTo("Saving changes how db log in.");
        assertThat(model.hasSavedPasswordProperty().get()).isTrue();
        model.usernameProperty().set("release");
        assertThat(model.save(new char[0])).isTrue();

        assertThat(model.statusProperty().get()).isEqualTo("Saved deploy; db now log in as release.");
        assertThat(vault.identities().find(row.identity().id()).orElseThrow().username()).isEqualTo("release");
        assertThat(vault.identities().password(row.identity().id()).map(String::new)).contains("s3cret");
        assertThat(model.deleteQuestion(model.rows().get(0))).contains("Identity deploy is used by host db. Delete it anyway?"
                + " Those hosts will log in with their own user and login again.");

        model.delete(model.rows().get(0), true);
        assertThat(model.rows()).isEmpty();
        assertThat(vault.hosts().list().get(0).details().identityId()).isEqualTo(Optional.empty());
    }
}
