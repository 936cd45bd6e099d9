package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the vault stores survives a lock and unlock, references by id. */
class RepositoriesTest {

    @TempDir
    Path dir;

    @Test
    void hostsWithAllTheirDetailsGroupsIdentitiesForwardsKeysAndSettingsRoundTrip() throws Exception {
        HostGroup prod = HostGroup.create("Prod", null);
        HostGroup db = HostGroup.create("Databases", prod.id());
        Identity ops = Identity.create("ops", "ops", null);
        Host bastion = Host.create("bastion", "bastion.example", 22, "jump", new HostAuth.Password());
        Host inner = Host.create("db1", "10.0.0.7", 5432, "postgres", new HostAuth.KeyFile("~/.ssh/id_db"))
                .withDetails(new HostDetails(Optional.of(db.id()), Optional.of(ops.id()), List.of("sql", "prod"), List.of(bastion.id()),
                        30, HostKeyPolicy.STRICT, true, "primary; call Ann before restarting", true));
        ForwardProfile tunnels = new ForwardProfile(java.util.UUID.randomUUID(), "db tunnels", inner.id(), true, List.of(
                new ForwardProfile.Forward(ForwardProfile.Kind.LOCAL, "127.0.0.1", 15432, "localhost", 5432),
                new ForwardProfile.Forward(ForwardProfile.Kind.DYNAMIC, "127.0.0.1", 1080, null, 0)));
        try (Vault vault = TestVaults.create(dir, "pw")) {
            vault.groups().save(prod);
            vault.groups().save(db);
            vault.identities().save(ops, null);
            vault.hosts().save(bastion);
            vault.hosts().save(inner);
            vault.forwardProfiles().save(tunnels);
            vault.settings().put("auto-lock-minutes", "10");
            vault.hostKeys().add("DB1.example", 22, "ssh-ed25519", "AAAAkey", "imported from ~/.ssh/known_hosts");

            assertThatThrownBy(() -> vault.groups().save(new HostGroup(prod.id(), "Prod", Optional.of(db.id()))))
                    .hasMessageContaining("cannot be placed inside itself");
            assertThatThrownBy(() -> vault.hosts().save(bastion.withDetails(HostDetails.NONE.withJumpChain(List.of(bastion.id())))))
                    .hasMessageContaining("cannot jump through itself");
        }
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            assertThat(vault.hosts().find(inner.id())).contains(inner);
            assertThat(vault.hosts().list()).containsExactly(bastion, inner);
            assertThat(vault.groups().list()).containsExactlyInAnyOrder(prod, db);
            assertThat(vault.identities().list()).containsExactly(ops);
            assertThat(vault.identities().password(ops.id())).isEmpty();
            assertThat(vault.forwardProfiles().list()).containsExactly(tunnels);
            assertThat(vault.settings().get("auto-lock-minutes")).contains("10");
            assertThat(vault.hostKeys().find("db1.example", 22)).singleElement().satisfies(k -> {
                assertThat(k.source()).isEqualTo("imported from ~/.ssh/known_hosts");
                assertThat(k.host()).isEqualTo("db1.example");
            });

            // deleting a group deletes its subgroups and ungroups their hosts; deleting a host drops its forwards
            vault.groups().delete(prod.id());
            assertThat(vault.groups().list()).isEmpty();
            assertThat(vault.hosts().find(inner.id()).orElseThrow().details().groupId()).isEmpty();
            vault.hosts().delete(inner.id());
            assertThat(vault.forwardProfiles().list()).isEmpty();
        }
    }

    @Test
    void whatTeamFilesNeedKeysWithOnlyTheirPublicHalfSecretsKeptOnDetailsImportHistoryAndPinnedKeysWithTheirId() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            KeyEntry publicOnly = new KeyEntry(UUID.randomUUID(), "team key", "ssh-ed25519", 256, "SHA256:x", "ssh-ed25519 AAAA c",
                    "c", Instant.parse("2026-01-02T03:04:05Z"));
            vault.keys().saveDetails(publicOnly);
            assertThat(vault.keys().find(publicOnly.id())).contains(publicOnly);
            assertThat(vault.keys().hasPrivateKey(publicOnly.id())).isFalse();
            assertThatThrownBy(() -> vault.keys().privateKey(publicOnly.id())).isInstanceOf(VaultException.class)
                    .hasMessageStartingWith("Only the public half of key team key is in the vault");
            vault.keys().save(publicOnly, new byte[] {7, 8}, "kp".toCharArray());
            KeyEntry renamed = new KeyEntry(publicOnly.id(), "renamed", "ssh-ed25519", 256, "SHA256:x", "ssh-ed25519 AAAA c", "c",
                    publicOnly.createdAt());
            vault.keys().saveDetails(renamed);
            assertThat(vault.keys().find(publicOnly.id())).contains(renamed);
            assertThat(vault.keys().privateKey(publicOnly.id())).containsExactly(7, 8);
            assertThat(vault.keys().passphrase(publicOnly.id())).hasValueSatisfying(p -> assertThat(p).containsExactly('k', 'p'));
            assertThat(vault.keys().hasPrivateKey(publicOnly.id())).isTrue();

            Identity ops = Identity.create("ops", "ops", publicOnly.id());
            vault.identities().save(ops, "idpw".toCharArray());
            Identity renamedOps = new Identity(ops.id(), "operators", "ops2", Optional.empty());
            vault.identities().saveDetails(renamedOps);
            assertThat(vault.identities().find(ops.id())).contains(renamedOps);
            assertThat(vault.identities().password(ops.id())).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("idpw"));
            vault.identities().savePassword(ops.id(), null);
            assertThat(vault.identities().password(ops.id())).isEmpty();
            Identity fresh = Identity.create("fresh", "f", null);
            vault.identities().saveDetails(fresh);
            assertThat(vault.identities().password(fresh.id())).isEmpty();
            assertThatThrownBy(() -> vault.identities().savePassword(UUID.randomUUID(), "x".toCharArray()))
                    .hasMessageContaining("does not exist");

            Host agent = Host.create("a", "a.example", 22, "u", new HostAuth.Password())
                    .withDetails(HostDetails.NONE.withAgentForwarding(true));
            vault.hosts().save(agent);
            assertThat(vault.hosts().find(agent.id()).orElseThrow().details().agentForwarding()).isTrue();
            // hosts saved with their passwords in one go; a host not given one keeps its own
            vault.hosts().savePassword(agent.id(), "kept".toCharArray());
            Host other = Host.create("b", "b.example", 22, "u", new HostAuth.SavedPassword());
            vault.hosts().saveAll(List.of(agent, other), java.util.Map.of(other.id(), "given".toCharArray()));
            assertThat(vault.hosts().password(agent.id())).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("kept"));
            assertThat(vault.hosts().password(other.id())).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("given"));

            UUID pinId = UUID.randomUUID();
            Instant added = Instant.parse("2026-02-03T04:05:06Z");
            vault.hostKeys().add(new TrustedHostKey(pinId, "DB.example", 2222, "ssh-ed25519", "AAAAkey", added, "team file x"));
            vault.hostKeys().add("db.example", 2222, "ssh-ed25519", "AAAAkey"); // the same key again: one entry
            assertThat(vault.hostKeys().list()).singleElement().satisfies(k -> {
                assertThat(k.host()).isEqualTo("db.example");
                assertThat(k.id()).isEqualTo(pinId);
            });

            UUID file = UUID.randomUUID();
            ImportedEntity first = new ImportedEntity(file, agent.id(), "host", agent.id(), Optional.empty(), "abc");
            ImportedEntity copy = new ImportedEntity(file, UUID.randomUUID(), "host", UUID.randomUUID(), Optional.of("a (team)"), "def");
            vault.teamImports().save(first);
            vault.teamImports().save(copy);
            vault.teamImports().save(new ImportedEntity(UUID.randomUUID(), agent.id(), "host", agent.id(), Optional.empty(), "other file"));
            ImportedEntity changed = new ImportedEntity(file, agent.id(), "host", agent.id(), Optional.empty(), "abd");
            vault.teamImports().save(changed);
            assertThat(vault.teamImports().list(file)).containsExactlyInAnyOrder(changed, copy);
        }
    }
}
