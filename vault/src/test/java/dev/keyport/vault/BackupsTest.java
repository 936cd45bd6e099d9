package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.crypto.VaultHeader;

/** Rolling backups, restore, waiting for the lock, and what a folder without a header says. */
class BackupsTest {

    @TempDir
    Path dir;

    private static Host host(String name) {
        return Host.create(name, name + ".example", 22, "root", new HostAuth.Password());
    }

    @Test
    void theFirstWriteOfTheDayMakesOneBackupAndReadsMakeNone() throws Exception {
        TestVaults.create(dir, "pw").close();
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            vault.hosts().list();
            assertThat(Backups.list(dir)).isEmpty();
            vault.hosts().save(host("a"));
            vault.hosts().save(host("b"));
        }
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            vault.hosts().save(host("c"));
        }
        List<Backups.Backup> backups = Backups.list(dir);
        assertThat(backups).singleElement().satisfies(b -> assertThat(b.reason()).isEqualTo("daily"));
        // the copy is of the vault before that first write, and opens on its own
        try (Vault copy = TestVaults.unlock(backups.get(0).folder(), "pw")) {
            assertThat(copy.hosts().list()).isEmpty();
        }
    }

    @Test
    void onlyTheNewestTenBackupsAreKept() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            for (int i = 0; i < 12; i++) {
                vault.hosts().save(host("h" + i));
                vault.backup("before-import");
            }
            assertThat(vault.hosts().list()).hasSize(12); // the vault works across the copies
        }
        List<Backups.Backup> backups = Backups.list(dir);
        assertThat(backups).hasSize(Backups.KEEP);
        try (Vault newest = TestVaults.unlock(backups.get(0).folder(), "pw")) {
            assertThat(newest.hosts().list()).hasSize(12);
        }
    }

    @Test
    void restoringABackupKeepsTheCurrentVaultAsideAndCanBeUndone() throws Exception {
        String before;
        try (Vault vault = TestVaults.create(dir, "pw")) {
            vault.hosts().save(host("kept"));
            before = vault.backup("manual").getFileName().toString();
            vault.hosts().save(host("later"));
        }
        Optional<Path> aside = Vault.restore(dir, before, Duration.ZERO, "test");
        assertThat(aside).isPresent();
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            assertThat(vault.hosts().list()).extracting(Host::name).containsExactly("kept");
        }
        Vault.restore(dir, aside.get().getFileName().toString(), Duration.ZERO, "test");
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            assertThat(vault.hosts().list()).extracting(Host::name).containsExactly("kept", "later");
        }
        assertThatThrownBy(() -> Vault.restore(dir, "../../etc", Duration.ZERO, "test"))
                .hasMessageContaining("There is no backup ../../etc").hasMessageContaining("keyport vault backups");
    }

    @Test
    void aRestoreWhileTheVaultIsOpenNamesWhoHoldsIt() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            String name = vault.backup("manual").getFileName().toString();
            assertThatThrownBy(() -> Vault.restore(dir, name, Duration.ofMillis(300), "keyport vault restore"))
                    .hasMessageContaining("already open in another Keyport window (process " + ProcessHandle.current().pid())
                    .hasMessageContaining("Waited 0 s");
        }
    }

    @Test
    void aSecondCommandWaitsForTheLockThenSaysWhichProcessHoldsIt() throws Exception {
        TestVaults.create(dir, "pw").close();
        try (Vault first = Vault.unlock(dir, "pw".toCharArray(), Duration.ZERO, "keyport host add")) {
            assertThatThrownBy(() -> Vault.unlock(dir, "pw".toCharArray(), Duration.ofMillis(300), "keyport host list"))
                    .hasMessageContaining("is in use by keyport host add (process " + ProcessHandle.current().pid() + ", since ")
                    .hasMessageContaining("Try again when it is done");
            // one that waits long enough gets it once the first lets go
            CompletableFuture<Vault> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return Vault.unlock(dir, "pw".toCharArray(), Duration.ofSeconds(60), "keyport host list");
                } catch (VaultException e) {
                    throw new IllegalStateException(e);
                }
            });
            first.close();
            try (Vault got = second.get(60, TimeUnit.SECONDS)) {
                assertThat(got.isLocked()).isFalse();
            }
        }
    }

    @Test
    void aDatabaseWithoutItsHeaderSaysWhatIsThereAndWhatToDo() throws Exception {
        assertThatThrownBy(() -> TestVaults.unlock(dir.resolve("nowhere"), "pw"))
                .hasMessageContaining("the folder does not exist").hasMessageContaining("keyport vault init");
        TestVaults.create(dir, "pw").close();
        Files.delete(dir.resolve(VaultHeader.FILE_NAME));
        assertThatThrownBy(() -> TestVaults.unlock(dir, "pw"))
                .hasMessageContaining("holds a vault database (vault.mv.db, ")
                .hasMessageContaining("its header (vault.header) is missing")
                .hasMessageContaining("move vault.mv.db out of the folder, then run keyport vault init")
                .hasMessageNotContaining("Create one with");
    }
}
