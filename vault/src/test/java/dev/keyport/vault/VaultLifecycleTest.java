package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.crypto.KdfParameters;
import dev.keyport.vault.crypto.VaultHeader;

class VaultLifecycleTest {

    @TempDir
    Path dir;

    private Host sample() {
        return Host.create("db.internal", "10.0.0.5", 22, "deploy", new HostAuth.Password());
    }

    @Test
    void aNewVaultUnlocksWithTheRightPasswordAndKeepsItsData() throws Exception {
        Host host = sample();
        try (Vault vault = TestVaults.create(dir, "correct horse")) {
            vault.hosts().save(host);
        }
        assertThat(Vault.exists(dir)).isTrue();
        try (Vault vault = TestVaults.unlock(dir, "correct horse")) {
            assertThat(vault.hosts().list()).containsExactly(host);
        }
    }

    @Test
    void theDatabaseIsEncryptedWithTheHeaderBeside() throws Exception {
        TestVaults.create(dir, "pw-one-two").close();
        assertThat(dir.resolve("vault.mv.db")).exists();
        assertThat(dir.resolve(VaultHeader.FILE_NAME)).exists();
        byte[] db = Files.readAllBytes(dir.resolve("vault.mv.db"));
        // an unencrypted MVStore file starts with its header block in plain text
        assertThat(new String(db, 0, 200, StandardCharsets.ISO_8859_1)).doesNotContain("H:2").doesNotContain("fletcher");
        assertThat(dir.resolve("vault.trace.db")).doesNotExist();
        var ownerOnly = java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
        assertThat(Files.getPosixFilePermissions(dir.resolve("vault.mv.db"))).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(dir.resolve(VaultHeader.FILE_NAME))).isEqualTo(ownerOnly);
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aWrongPasswordSaysWrongMasterPasswordAndChangesNothing() throws Exception {
        try (Vault vault = TestVaults.create(dir, "right")) {
            vault.hosts().save(sample());
        }
        Map<String, byte[]> before = snapshot(dir);
        assertThatThrownBy(() -> TestVaults.unlock(dir, "wrong"))
                .isInstanceOf(WrongMasterPasswordException.class)
                .hasMessage("Wrong master password");
        assertThat(snapshot(dir)).usingRecursiveComparison().isEqualTo(before);
        // and the lock was released: the right password still works
        try (Vault vault = TestVaults.unlock(dir, "right")) {
            assertThat(vault.hosts().list()).hasSize(1);
        }
    }

    @Test
    void changingThePasswordRejectsTheOldOneAcceptsTheNewOneAndKeepsTheData() throws Exception {
        Host host = sample();
        byte[] headerBefore;
        try (Vault vault = TestVaults.create(dir, "old password")) {
            vault.hosts().save(host);
            vault.hosts().savePassword(host.id(), "s3cret".toCharArray());
            headerBefore = Files.readAllBytes(dir.resolve(VaultHeader.FILE_NAME));
            assertThatThrownBy(() -> vault.changeMasterPassword("not it".toCharArray(), "new password".toCharArray()))
                    .isInstanceOf(WrongMasterPasswordException.class);
            assertThat(Files.readAllBytes(dir.resolve(VaultHeader.FILE_NAME))).isEqualTo(headerBefore);
            vault.changeMasterPassword("old password".toCharArray(), "new password".toCharArray());
        }
        assertThat(Files.readAllBytes(dir.resolve(VaultHeader.FILE_NAME))).isNotEqualTo(headerBefore);
        assertThat(dir.resolve(VaultHeader.FILE_NAME + ".tmp")).doesNotExist();
        assertThatThrownBy(() -> TestVaults.unlock(dir, "old password")).hasMessage("Wrong master password");
        try (Vault vault = TestVaults.unlock(dir, "new password")) {
            assertThat(vault.hosts().list()).containsExactly(host);
            assertThat(vault.hosts().password(host.id())).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("s3cret"));
        }
    }

    @Test
    void aSecondOpenOfTheSameVaultSaysItIsAlreadyOpen() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            assertThatThrownBy(() -> TestVaults.unlock(dir, "pw"))
                    .isInstanceOf(VaultException.class)
                    .hasMessageContaining("already open in another Keyport window");
            assertThat(vault.hosts().list()).isEmpty();
        }
    }

    @Test
    void lockingWipesTheKeysAndTheRepositoriesSayTheVaultIsLocked() throws Exception {
        Vault vault = TestVaults.create(dir, "pw");
        Host host = sample();
        vault.hosts().save(host);
        vault.lock();
        assertThat(vault.isLocked()).isTrue();
        assertThatThrownBy(() -> vault.hosts().list()).hasMessageContaining("The vault is locked");
        assertThatThrownBy(() -> vault.hosts().password(host.id())).hasMessageContaining("The vault is locked");
        vault.lock(); // idempotent
        try (Vault again = TestVaults.unlock(dir, "pw")) {
            assertThat(again.hosts().list()).containsExactly(host);
        }
    }

    @Test
    void aLockedVaultReopensWithTheRightPasswordAndItsRepositoriesWorkAgain() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            HostRepository hosts = vault.hosts();
            Host host = sample();
            hosts.save(host);
            vault.lock();
            assertThatThrownBy(hosts::list).hasMessageContaining("locked");
            assertThatThrownBy(() -> vault.reopen("nope".toCharArray())).isInstanceOf(WrongMasterPasswordException.class);
            assertThat(vault.isLocked()).isTrue();
            vault.reopen("pw".toCharArray());
            assertThat(hosts.list()).containsExactly(host);
            // while it is open, nobody else gets in
            assertThatThrownBy(() -> TestVaults.unlock(dir, "pw")).hasMessageContaining("already open");
        }
    }

    @Test
    void creatingWhereAVaultExistsIsRefused() throws Exception {
        TestVaults.create(dir, "pw").close();
        assertThatThrownBy(() -> TestVaults.create(dir, "other")).hasMessageContaining("There is already a vault");
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            assertThat(vault.isLocked()).isFalse();
        }
    }

    @Test
    void unlockingWhereThereIsNoVaultSaysSo() {
        assertThatThrownBy(() -> TestVaults.unlock(dir, "pw")).hasMessageContaining("There is no vault in");
    }

    @Test
    void kdfParametersBelowTheFloorAreRefused() throws Exception {
        assertThatThrownBy(() -> Vault.create(dir, "pw".toCharArray(), new KdfParameters(1024, 1, 1)))
                .hasMessageContaining("weaker than Keyport accepts");
        TestVaults.create(dir, "pw").close();
        Path header = dir.resolve(VaultHeader.FILE_NAME);
        String weakened = Files.readString(header).replaceAll("memory-kib \\d+", "memory-kib 8");
        Files.writeString(header, weakened);
        assertThatThrownBy(() -> TestVaults.unlock(dir, "pw")).hasMessageContaining("weaker than Keyport accepts");
    }

    @Test
    void aTamperedParameterInTheHeaderDoesNotUnlock() throws Exception {
        TestVaults.create(dir, "pw").close();
        Path header = dir.resolve(VaultHeader.FILE_NAME);
        Files.writeString(header, Files.readString(header).replaceAll("iterations \\d+", "iterations 3"));
        assertThatThrownBy(() -> TestVaults.unlock(dir, "pw")).isInstanceOf(WrongMasterPasswordException.class);
    }

    @Test
    void aCorruptedHeaderGivesAClearErrorAndLeavesTheBackupUntouched() throws Exception {
        TestVaults.create(dir, "pw").close();
        Path backup = Backups.create(dir, "manual");
        Map<String, byte[]> backupBefore = snapshot(backup);
        Files.writeString(dir.resolve(VaultHeader.FILE_NAME), "keyport-vault-header 1\nkdf argon2id\nmemory-kib lots\n");
        assertThatThrownBy(() -> TestVaults.unlock(dir, "pw"))
                .hasMessageContaining("vault header")
                .hasMessageContaining("is damaged");
        assertThat(snapshot(backup)).usingRecursiveComparison().isEqualTo(backupBefore);
        // the backup is a working vault
        try (Vault restored = TestVaults.unlock(backup, "pw")) {
            assertThat(restored.hosts().list()).isEmpty();
        }
    }

    @Test
    void aTruncatedDatabaseGivesAClearErrorAndLeavesTheBackupUntouched() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            for (int i = 0; i < 50; i++) {
                vault.hosts().save(Host.create("host" + i, "10.0.0." + i, 22, "root", new HostAuth.Password()));
            }
        }
        Path backup = Backups.create(dir, "manual");
        Map<String, byte[]> backupBefore = snapshot(backup);
        Path db = dir.resolve("vault.mv.db");
        byte[] bytes = Files.readAllBytes(db);
        Files.write(db, java.util.Arrays.copyOf(bytes, bytes.length / 3));
        assertThatThrownBy(() -> TestVaults.unlock(dir, "pw"))
                .isInstanceOf(VaultException.class)
                .hasMessageContaining("is damaged and cannot be opened")
                .hasMessageContaining("Restore it from a backup");
        assertThat(snapshot(backup)).usingRecursiveComparison().isEqualTo(backupBefore);
        try (Vault restored = TestVaults.unlock(backup, "pw")) {
            assertThat(restored.hosts().list()).hasSize(50);
        }
    }

    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            // vault.lock holds only who holds the lock (process id, since when), rewritten by each attempt: not vault data
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).filter(f -> !f.endsWith("vault.lock"))::iterator) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
