package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the repositories say when a row is missing, the database refuses, or the vault is locked. */
class RepositoryErrorsTest {

    private static final String LOCKED = "The vault is locked. Unlock it with the master password first.";

    @TempDir
    Path dir;

    @Test
    void aDatabaseErrorSaysWhatCouldNotBeDoneAndATransactionSavesAllOrNone() throws Exception {
        UUID nowhere = UUID.randomUUID();
        try (Vault vault = TestVaults.create(dir, "pw")) {
            Host a = Host.create("a", "a.example", 22, "me", new HostAuth.Password());
            Host b = Host.create("b", "b.example", 22, "me", new HostAuth.Password())
                    .withDetails(HostDetails.NONE.withJumpChain(List.of(nowhere)));
            assertThatThrownBy(() -> vault.hosts().saveAll(List.of(a, b))).isInstanceOf(VaultException.class)
                    .hasMessageStartingWith("Cannot save 2 hosts: ").hasCauseInstanceOf(java.sql.SQLException.class);
            assertThat(vault.hosts().list()).isEmpty();
            assertThatThrownBy(() -> vault.hosts().save(b)).hasMessageStartingWith("Cannot save host b: ");

            assertThatThrownBy(() -> vault.groups().save(HostGroup.create("orphan", nowhere)))
                    .hasMessageStartingWith("Cannot save group orphan: ");
            assertThatThrownBy(() -> vault.identities().save(Identity.create("ops", "ops", nowhere), null))
                    .hasMessageStartingWith("Cannot save identity ops: ");
            assertThatThrownBy(() -> vault.forwardProfiles().save(new ForwardProfile(UUID.randomUUID(), "tunnels", nowhere, false,
                    List.of(new ForwardProfile.Forward(ForwardProfile.Kind.DYNAMIC, "127.0.0.1", 1080, null, 0)))))
                    .hasMessageStartingWith("Cannot save port-forward profile tunnels: ");
            assertThat(vault.forwardProfiles().list()).isEmpty();
            assertThatThrownBy(() -> vault.settings().put("long", "x".repeat(20_001)))
                    .hasMessageStartingWith("Cannot save setting long: ");
            assertThatThrownBy(() -> vault.hostKeys().add("h.example", 22, "t".repeat(101), "AAAA"))
                    .hasMessageStartingWith("Cannot save the trusted key for h.example:22: ");
        }
    }

    @Test
    void missingRowsAndSecretsAreEmptyOrSaySo() throws Exception {
        UUID nowhere = UUID.randomUUID();
        try (Vault vault = TestVaults.create(dir, "pw")) {
            assertThat(vault.hosts().find(nowhere)).isEmpty();
            assertThat(vault.hosts().password(nowhere)).isEmpty();
            assertThatThrownBy(() -> vault.hosts().savePassword(nowhere, "pw".toCharArray()))
                    .hasMessage("Cannot save the password: host " + nowhere + " does not exist.");
            assertThat(vault.hosts().delete(nowhere)).isFalse();
            assertThat(vault.keys().find(nowhere)).isEmpty();
            assertThat(vault.keys().passphrase(nowhere)).isEmpty();
            assertThatThrownBy(() -> vault.keys().privateKey(nowhere)).hasMessage("There is no key " + nowhere + " in the vault.");
            assertThat(vault.identities().find(nowhere)).isEmpty();
            assertThat(vault.identities().password(nowhere)).isEmpty();
            assertThat(vault.settings().get("nothing")).isEmpty();
            assertThat(vault.hostKeys().delete(nowhere)).isFalse();

            Host host = Host.create("a", "a.example", 22, "me", new HostAuth.SavedPassword());
            vault.hosts().save(host);
            assertThat(vault.hosts().password(host.id())).isEmpty();
            vault.hosts().savePassword(host.id(), "secret".toCharArray());
            assertThat(vault.hosts().password(host.id())).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("secret"));
            vault.hosts().savePassword(host.id(), null);
            assertThat(vault.hosts().password(host.id())).isEmpty();

            KeyEntry key = new KeyEntry(UUID.randomUUID(), "k", "ssh-ed25519", 256, "SHA256:x", "ssh-ed25519 AAAA", null, Instant.now());
            vault.keys().save(key, new byte[] {1, 2, 3}, null);
            assertThat(vault.keys().privateKey(key.id())).containsExactly(1, 2, 3);
            assertThat(vault.keys().passphrase(key.id())).isEmpty();
            assertThat(vault.keys().delete(key.id())).isTrue();
        }
    }

    @Test
    void anUnreadableForwardProfileSaysSo() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            Host host = Host.create("a", "a.example", 22, "me", new HostAuth.Password());
            vault.hosts().save(host);
            vault.forwardProfiles().save(new ForwardProfile(UUID.randomUUID(), "tunnels", host.id(), false,
                    List.of(new ForwardProfile.Forward(ForwardProfile.Kind.DYNAMIC, "127.0.0.1", 1080, null, 0))));
            synchronized (vault.db()) {
                try (Statement st = vault.db().connection().createStatement()) {
                    st.executeUpdate("UPDATE forward SET kind = 'sideways'");
                }
            }
            assertThatThrownBy(() -> vault.forwardProfiles().list()).isInstanceOf(VaultException.class)
                    .hasMessageStartingWith("Cannot read the port-forward profiles: ").hasCauseInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyRepositoryCallSaysTheVaultIsLocked() throws Exception {
        UUID id = UUID.randomUUID();
        Host host = Host.create("a", "a.example", 22, "me", new HostAuth.Password());
        KeyEntry key = new KeyEntry(id, "k", "ssh-ed25519", 256, "SHA256:x", "ssh-ed25519 AAAA", null, Instant.now());
        Vault vault = TestVaults.create(dir, "pw");
        vault.lock();
        List<ThrowingCallable> calls = List.of(
                () -> vault.hosts().list(), () -> vault.hosts().find(id), () -> vault.hosts().save(host),
                () -> vault.hosts().delete(id), () -> vault.hosts().savePassword(id, null), () -> vault.hosts().password(id),
                () -> vault.groups().list(), () -> vault.groups().save(HostGroup.create("g", null)), () -> vault.groups().delete(id),
                () -> vault.keys().list(), () -> vault.keys().find(id), () -> vault.keys().save(key, new byte[1], null),
                () -> vault.keys().privateKey(id), () -> vault.keys().passphrase(id), () -> vault.keys().delete(id),
                () -> vault.identities().list(), () -> vault.identities().find(id), () -> vault.identities().password(id),
                () -> vault.identities().save(Identity.create("i", "i", null), null), () -> vault.identities().delete(id),
                () -> vault.forwardProfiles().list(), () -> vault.forwardProfiles().delete(id),
                () -> vault.forwardProfiles().save(new ForwardProfile(id, "p", id, false,
                        List.of(new ForwardProfile.Forward(ForwardProfile.Kind.DYNAMIC, "127.0.0.1", 1080, null, 0)))),
                () -> vault.hostKeys().list(), () -> vault.hostKeys().find("a", 22), () -> vault.hostKeys().add("a", 22, "t", "k"),
                () -> vault.hostKeys().delete(id),
                () -> vault.settings().get("s"), () -> vault.settings().put("s", "v"),
                () -> vault.keys().saveDetails(key), () -> vault.keys().hasPrivateKey(id),
                () -> vault.identities().saveDetails(Identity.create("i", "i", null)), () -> vault.identities().savePassword(id, null),
                () -> vault.hostKeys().add(new TrustedHostKey(id, "a", 22, "t", "k", Instant.now(), "s")),
                () -> vault.teamImports().list(id),
                () -> vault.teamImports().save(new ImportedEntity(id, id, "host", id, java.util.Optional.empty(), "f")));
        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOf(VaultException.class).hasMessage(LOCKED);
        }
    }
}
