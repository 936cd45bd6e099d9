package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.crypto.KdfParameters;

/** Changes across repositories land together or not at all (what an import needs). */
class TransactionTest {

    @TempDir
    Path dir;

    @Test
    void everythingInATransactionIsSavedTogether() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            Host host = Host.create("db", "db.example", 22, "u", new HostAuth.Password());
            vault.inTransaction(() -> {
                vault.hosts().save(host);
                vault.hostKeys().add("db.example", 22, "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
                vault.forwardProfiles().save(new ForwardProfile(UUID.randomUUID(), "t", host.id(), false,
                        List.of(new ForwardProfile.Forward(ForwardProfile.Kind.DYNAMIC, "127.0.0.1", 1080, null, 0))));
                return null;
            });
            assertThat(vault.hosts().list()).containsExactly(host);
            assertThat(vault.hostKeys().list()).hasSize(1);
            assertThat(vault.forwardProfiles().list()).hasSize(1);
        }
    }

    @Test
    void aFailureHalfWayLeavesTheVaultAsItWas() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            Host kept = Host.create("kept", "kept.example", 22, "u", new HostAuth.Password());
            vault.hosts().save(kept);
            Host host = Host.create("db", "db.example", 22, "u", new HostAuth.Password());
            assertThatThrownBy(() -> vault.inTransaction(() -> {
                vault.hosts().save(host);
                vault.hostKeys().add("db.example", 22, "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl");
                // a profile whose forwards are saved in a nested transaction, then a failure after it
                vault.forwardProfiles().save(new ForwardProfile(UUID.randomUUID(), "t", host.id(), false,
                        List.of(new ForwardProfile.Forward(ForwardProfile.Kind.DYNAMIC, "127.0.0.1", 1080, null, 0))));
                throw new VaultException("the import found a problem");
            })).isInstanceOf(VaultException.class).hasMessage("the import found a problem");

            assertThat(vault.hosts().list()).containsExactly(kept);
            assertThat(vault.hostKeys().list()).isEmpty();
            assertThat(vault.forwardProfiles().list()).isEmpty();
            vault.hosts().save(host); // and the vault works as before afterwards
            assertThat(vault.hosts().list()).hasSize(2);
        }
    }

    @Test
    void anErrorHalfWayIsRolledBackTooAndNotCommittedWhenAutoCommitComesBack() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            Host host = Host.create("db", "db.example", 22, "u", new HostAuth.Password());
            assertThatThrownBy(() -> vault.inTransaction(() -> {
                vault.hosts().save(host);
                throw new AssertionError("a bug in the caller");
            })).isInstanceOf(AssertionError.class);

            assertThat(vault.hosts().list()).isEmpty();
        }
    }

    @Test
    void aRepositoryCallThatFailsInsideATransactionLeavesNothingBehindEvenWhenTheCallerCarriesOn() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            Host good = Host.create("good", "good.example", 22, "u", new HostAuth.Password());
            Host loop = Host.create("loop", "loop.example", 22, "u", new HostAuth.Password());
            Host selfJump = loop.withDetails(loop.details().withJumpChain(List.of(loop.id())));
            Host kept = Host.create("kept", "kept.example", 22, "u", new HostAuth.Password());
            vault.inTransaction(() -> {
                // saveAll writes "good" and "loop", then refuses the jump chain: all of that call is undone
                assertThatThrownBy(() -> vault.hosts().saveAll(List.of(good, selfJump)))
                        .isInstanceOf(VaultException.class).hasMessageContaining("cannot jump through itself");
                vault.hosts().save(kept);
                return null;
            });

            assertThat(vault.hosts().list()).containsExactly(kept);
        }
    }

    @Test
    void transactionsNestAndTheOuterOneDecides() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            Host inner = Host.create("inner", "inner.example", 22, "u", new HostAuth.Password());
            assertThatThrownBy(() -> vault.inTransaction(() -> {
                vault.inTransaction(() -> {
                    vault.hosts().save(inner);
                    return null;
                });
                throw new VaultException("the outer work fails after the inner one succeeded");
            })).isInstanceOf(VaultException.class);

            assertThat(vault.hosts().list()).isEmpty();
        }
    }
}
