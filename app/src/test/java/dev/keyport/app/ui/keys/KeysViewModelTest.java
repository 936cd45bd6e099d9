package dev.keyport.app.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.HostService;
import dev.keyport.app.services.KeyFixtures;
import dev.keyport.app.services.KeyService;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The Keys page's state without a Stage: a real vault, work run by a queue the test drains (or at once). */
class KeysViewModelTest {

    @TempDir
    Path dir;
    private KeyportContext context;
    private KeysViewModel model;
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private boolean hold;

    @BeforeEach
    void open() throws Exception {
        Vault vault = Vault.create(dir.resolve("vault"), "test master password".toCharArray(), KdfParameters.FLOOR);
        context = new KeyportContext(vault, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
        Executor background = work -> {
            if (hold) {
                queued.add(work);
            } else {
                work.run();
            }
        };
        model = new KeysViewModel(new KeyService(vault.keys(), vault.hosts(), vault.identities(), context.sessions()),
                new HostService(vault), background, Runnable::run);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private void drain() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void generatingAnRsa4096KeyShowsProgressUntilItIsDoneThenListsIt() {
        hold = true;
        assertThat(model.generate(KeyAlgorithm.RSA_4096, "big", new char[0], new char[0])).isTrue();

        assertThat(model.busyProperty().get()).isTrue();
        assertThat(model.busyTextProperty().get()).isEqualTo("Generating RSA 4096 key big… (RSA 4096 can take several seconds)");
        assertThat(model.rows()).isEmpty();
        drain();

        assertThat(model.busyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("Generated big (RSA · 4096 bits).");
        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.kind()).isEqualTo("RSA · 4096 bits");
            assertThat(row.fingerprint()).startsWith("SHA256:").hasSize(50);
            assertThat(row.usage()).isEqualTo("Not used by any host or identity");
            assertThat(row.weak()).isFalse();
        });
    }

    @Test
    void twoDifferentPassphrasesAreRefusedBeforeAnyWorkAndAnEmptyNameBecomesTheType() {
        char[] first = "one".toCharArray();
        char[] second = "two".toCharArray();
        assertThat(model.generate(KeyAlgorithm.ED25519, "k", first, second)).isFalse();
        assertThat(model.problemProperty().get()).isEqualTo("The two passphrases differ. Type the same passphrase twice, or leave both empty.");
        assertThat(first).containsOnly('\0');
        assertThat(second).containsOnly('\0');
        model.reload();
        assertThat(model.rows()).isEmpty();

        assertThat(model.generate(KeyAlgorithm.ED25519, " ", null, null)).isTrue();
        assertThat(model.rows()).extracting(KeyRow::name).containsExactly("ed25519");
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void anEncryptedKeyAsksForItsPassphraseSaysWhenItIsWrongAndImportsWithTheRightOne() throws Exception {
        Path key = KeyFixtures.make(dir.resolve("keys"), "ed25519", "openssh", true);

        model.importFile(key);
        assertThat(model.passphraseRequestProperty().get()).isEqualTo(key + " is encrypted. Type its passphrase to import it.");
        assertThat(model.rows()).isEmpty();

        model.submitPassphrase("wrong".toCharArray());
        assertThat(model.passphraseRequestProperty().get()).isEqualTo("Wrong passphrase for " + key.getFileName() + ". Type it again, or cancel.");
        assertThat(model.problemProperty().get()).isEqualTo("Wrong passphrase for " + key.getFileName() + ".");

        model.submitPassphrase(KeyFixtures.PASSPHRASE.toCharArray());
        assertThat(model.passphraseRequestProperty().get()).isEmpty();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.statusProperty().get()).isEqualTo("Imported " + key.getFileName() + " (ED25519 · 256 bits).");
        assertThat(model.rows()).extracting(KeyRow::fingerprint).containsExactly(KeyFixtures.fingerprint(Path.of(key + ".pub")));
    }

    @Test
    void aPastedWeakKeyImportsWithAWarningAndIsShownWeak() throws Exception {
        Path key = KeyFixtures.make(dir.resolve("keys"), "rsa-1024", "pem", false);

        model.importText(Files.readString(key));

        assertThat(model.warningProperty().get()).startsWith("Weak: RSA keys under 2048 bits (this one has 1024) can be broken.");
        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.name()).isEqualTo("pasted key");
            assertThat(row.weak()).isTrue();
            assertThat(row.kind()).isEqualTo("RSA · 1024 bits");
        });
        model.importText("   ");
        assertThat(model.problemProperty().get()).startsWith("The clipboard holds no text.");
    }

    @Test
    void deletingAKeyAHostUsesIsRefusedNamingTheHost() throws Exception {
        model.generate(KeyAlgorithm.ED25519, "used", null, null);
        KeyRow row = model.rows().get(0);
        context.vault().hosts().save(Host.create("db", "db.internal", 22, "admin", new HostAuth.VaultKey(row.id())));
        model.reload();
        assertThat(model.rows().get(0).usage()).isEqualTo("Used by host db");

        model.delete(model.rows().get(0));

        assertThat(model.problemProperty().get()).isEqualTo("Key used is used by 1 host (db). Choose another key for them first, then delete it.");
        assertThat(model.rows()).hasSize(1);
    }

    @Test
    void anExportWithDifferentPassphrasesIsRefusedAndAGoodOneIsWritten() throws Exception {
        model.generate(KeyAlgorithm.ED25519, "k", null, null);
        KeyRow row = model.rows().get(0);
        Path file = dir.resolve("id_k");

        assertThat(model.exportPrivate(row, file, "a".toCharArray(), "b".toCharArray())).isFalse();
        assertThat(model.problemProperty().get()).isEqualTo("The two passphrases differ. Type the same passphrase twice.");
        assertThat(file).doesNotExist();

        assertThat(model.exportPrivate(row, file, "same".toCharArray(), "same".toCharArray())).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Exported the private key k to " + file
                + " (readable by you only, under its passphrase).");
        assertThat(file).exists();
    }
}
