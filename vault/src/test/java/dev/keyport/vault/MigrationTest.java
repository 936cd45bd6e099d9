package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationTest {

    @TempDir
    Path dir;

    static IntStream everyEarlierVersion() {
        return IntStream.range(1, Schema.latestVersion());
    }

    @ParameterizedTest(name = "from schema {0}")
    @MethodSource("everyEarlierVersion")
    void aVaultFromAnEarlierSchemaIsBackedUpThenMigratedWithItsDataIntact(int version) throws Exception {
        UUID hostId = UUID.randomUUID();
        try (Vault old = Vault.create(dir, "pw".toCharArray(), TestVaults.FAST, version)) {
            synchronized (old.db()) {
                // only columns that exist since schema 1
                try (PreparedStatement ps = old.db().connection().prepareStatement(
                        "INSERT INTO host (id, name, address, port, username, auth_kind, auth_ref, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, hostId);
                    ps.setString(2, "legacy");
                    ps.setString(3, "legacy.example");
                    ps.setInt(4, 2222);
                    ps.setString(5, "root");
                    ps.setString(6, "key-file");
                    ps.setString(7, "~/.ssh/id_ed25519");
                    ps.setObject(8, OffsetDateTime.now());
                    ps.executeUpdate();
                }
                try (Statement st = old.db().connection().createStatement()) {
                    st.execute("INSERT INTO trusted_host_key (host, port, key_type, key_data, added_at)"
                            + " VALUES ('legacy.example', 2222, 'ssh-ed25519', 'AAAAC3NzaC1lZDI1NTE5', CURRENT_TIMESTAMP)");
                }
                assertThat(Schema.currentVersion(old.db().connection())).isEqualTo(version);
            }
        }

        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            synchronized (vault.db()) {
                assertThat(Schema.currentVersion(vault.db().connection())).isEqualTo(Schema.latestVersion());
            }
            Host host = vault.hosts().find(hostId).orElseThrow();
            assertThat(host.name()).isEqualTo("legacy");
            assertThat(host.port()).isEqualTo(2222);
            assertThat(host.auth()).isEqualTo(new HostAuth.KeyFile("~/.ssh/id_ed25519"));
            assertThat(host.details()).isEqualTo(HostDetails.NONE);
            assertThat(vault.hostKeys().find("legacy.example", 2222)).singleElement()
                    .satisfies(k -> assertThat(k.source()).isEqualTo("trusted on first connection"));
            // the new tables work
            HostGroup group = HostGroup.create("Servers", null);
            vault.groups().save(group);
            vault.hosts().save(host.withDetails(host.details().withGroup(group.id()).withTags(List.of("prod"))));
            assertThat(vault.hosts().find(hostId).orElseThrow().details().tags()).containsExactly("prod");
            // schema 3: agent forwarding, a key with only its public half, the import history
            vault.hosts().save(host.withDetails(host.details().withAgentForwarding(true)));
            assertThat(vault.hosts().find(hostId).orElseThrow().details().agentForwarding()).isTrue();
            KeyEntry publicOnly = new KeyEntry(UUID.randomUUID(), "k", "ssh-ed25519", 256, "SHA256:x", "ssh-ed25519 AAAA", "",
                    java.time.Instant.now());
            vault.keys().saveDetails(publicOnly);
            assertThat(vault.keys().hasPrivateKey(publicOnly.id())).isFalse();
            vault.teamImports().save(new ImportedEntity(hostId, hostId, "host", hostId, java.util.Optional.empty(), "f"));
            assertThat(vault.teamImports().list(hostId)).hasSize(1);
        }

        Path backups = dir.resolve(Vault.BACKUP_DIR);
        try (Stream<Path> list = Files.list(backups)) {
            List<Path> made = list.toList();
            assertThat(made).singleElement().satisfies(b -> {
                assertThat(b.getFileName().toString()).endsWith("-from-v" + version);
                assertThat(b.resolve(Vault.DB_FILE)).isRegularFile();
                assertThat(b.resolve("vault.header")).isRegularFile();
            });
            // the backup opens (and is itself at the old version until opened)
            try (Vault backup = TestVaults.unlock(made.get(0), "pw")) {
                assertThat(backup.hosts().find(hostId)).isPresent();
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anUpToDateVaultIsNotBackedUp() throws Exception {
        TestVaults.create(dir, "pw").close();
        TestVaults.unlock(dir, "pw").close();
        assertThat(dir.resolve(Vault.BACKUP_DIR)).doesNotExist();
    }
}
