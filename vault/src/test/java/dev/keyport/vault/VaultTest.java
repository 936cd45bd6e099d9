package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hosts and trusted keys as the app uses them, on a real encrypted vault file. */
class VaultTest {

    @TempDir
    Path dir;

    @Test
    void savedHostsSurviveReopeningSortedByName() throws Exception {
        Host web = Host.create("web", "web.example", 22, "deploy", new HostAuth.KeyFile("~/.ssh/id_ed25519"));
        Host db = Host.create("DB primary", "10.0.0.5", 2222, "postgres", new HostAuth.Password());
        try (Vault vault = TestVaults.create(dir, "pw")) {
            vault.hosts().save(web);
            vault.hosts().save(db);
        }
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            assertThat(vault.hosts().list()).containsExactly(db, web);
            assertThat(vault.hosts().find(web.id())).contains(web);
        }
    }

    @Test
    void savingAgainUpdatesAndDeleteRemoves() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            Host host = Host.create("old", "a.example", 22, "me", new HostAuth.Password());
            vault.hosts().save(host);
            Host renamed = new Host(host.id(), "new", "b.example", 2200, "you", new HostAuth.Managed("ref"));
            vault.hosts().save(renamed);
            assertThat(vault.hosts().list()).containsExactly(renamed);
            assertThat(vault.hosts().delete(host.id())).isTrue();
            assertThat(vault.hosts().delete(host.id())).isFalse();
            assertThat(vault.hosts().list()).isEmpty();
        }
    }

    @Test
    void trustedHostKeysAreFoundByHostAndPortCaseInsensitively() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            vault.hostKeys().add("DB.example", 22, "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIA");
            vault.hostKeys().add("db.example", 22, "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIA");
            vault.hostKeys().add("db.example", 2222, "ssh-rsa", "AAAAB3NzaC1yc2E");
            assertThat(vault.hostKeys().find("db.EXAMPLE", 22)).singleElement()
                    .satisfies(k -> assertThat(k.keyType()).isEqualTo("ssh-ed25519"));
            assertThat(vault.hostKeys().find("db.example", 2222)).hasSize(1);
            assertThat(vault.hostKeys().find("other", 22)).isEmpty();
        }
    }

    @Test
    void hostValidationSaysWhatIsMissing() {
        assertThatThrownBy(() -> Host.create(" ", "a", 22, "u", new HostAuth.Password())).hasMessage("Name must not be empty");
        assertThatThrownBy(() -> Host.create("a", "a", 0, "u", new HostAuth.Password())).hasMessage("Port must be between 1 and 65535");
    }

    @Test
    void dataDirectoryFollowsEachPlatformsConvention() {
        Path home = Path.of("/home/ana");
        assertThat(DataDirectories.resolve(Optional.empty(), Map.of(), "Linux", home))
                .isEqualTo(Path.of("/home/ana/.local/share/keyport"));
        assertThat(DataDirectories.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "/data"), "Linux", home))
                .isEqualTo(Path.of("/data/keyport"));
        assertThat(DataDirectories.resolve(Optional.empty(), Map.of(), "Mac OS X", home))
                .isEqualTo(Path.of("/home/ana/Library/Application Support/Keyport"));
        assertThat(DataDirectories.resolve(Optional.empty(), Map.of("APPDATA", "/appdata"), "Windows 11", home))
                .isEqualTo(Path.of("/appdata/Keyport"));
        assertThat(DataDirectories.resolve(Optional.empty(), Map.of("KEYPORT_DATA_DIR", "/env"), "Linux", home))
                .isEqualTo(Path.of("/env"));
        assertThat(DataDirectories.resolve(Optional.of(Path.of("/flag")), Map.of("KEYPORT_DATA_DIR", "/env"), "Linux", home))
                .isEqualTo(Path.of("/flag"));
    }
}
