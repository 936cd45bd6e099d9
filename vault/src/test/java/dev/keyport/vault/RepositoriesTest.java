package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
                        30, HostKeyPolicy.STRICT, true, "primary; call Ann before restarting"));
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
}
