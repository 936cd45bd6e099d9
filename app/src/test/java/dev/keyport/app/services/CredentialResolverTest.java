package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** Saved passwords and vault keys reach the session layer decrypted, from a real vault. */
class CredentialResolverTest {

    @TempDir
    Path dir;

    @Test
    void aSavedPasswordAndAVaultKeyBecomeCredentials() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            CredentialResolver resolver = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());

            Host withPassword = Host.create("a", "a.example", 22, "alice", new HostAuth.SavedPassword());
            vault.hosts().save(withPassword);
            vault.hosts().savePassword(withPassword.id(), "saved secret".toCharArray());
            ConnectionSpec spec = resolver.specFor(withPassword);
            assertThat(spec.credentials()).singleElement().isInstanceOfSatisfying(Credential.Password.class,
                    p -> assertThat(new String(p.password())).isEqualTo("saved secret"));

            KeyEntry key = new KeyEntry(UUID.randomUUID(), "laptop", "ssh-ed25519", 256, "SHA256:x", "ssh-ed25519 AAAA", "", Instant.now());
            vault.keys().save(key, "KEY BYTES".getBytes(StandardCharsets.UTF_8), null);
            Host withKey = Host.create("b", "b.example", 22, "bob", new HostAuth.VaultKey(key.id()));
            assertThat(resolver.specFor(withKey).credentials()).singleElement().isInstanceOfSatisfying(Credential.PrivateKey.class, k -> {
                assertThat(k.label()).isEqualTo("laptop");
                assertThat(new String(k.material(), StandardCharsets.UTF_8)).isEqualTo("KEY BYTES");
            });

            Identity ops = Identity.create("ops", "ops-user", key.id());
            vault.identities().save(ops, "identity secret".toCharArray());
            Host viaIdentity = Host.create("d", "d.example", 22, "ignored", new HostAuth.Password())
                    .withDetails(HostDetails.NONE.withIdentity(ops.id()));
            ConnectionSpec asOps = resolver.specFor(viaIdentity);
            assertThat(asOps.username()).isEqualTo("ops-user");
            assertThat(asOps.credentials()).hasSize(2);
            assertThat(asOps.credentials().get(0)).isInstanceOf(Credential.PrivateKey.class);
            assertThat(asOps.credentials().get(1)).isInstanceOfSatisfying(Credential.Password.class,
                    p -> assertThat(new String(p.password())).isEqualTo("identity secret"));

            Host asks = Host.create("c", "c.example", 22, "carol", new HostAuth.Password());
            assertThat(resolver.specFor(asks).credentials()).singleElement()
                    .isInstanceOfSatisfying(Credential.Password.class, p -> assertThat(p.password()).isNull());
        }
    }

    @Test
    void aHostsPolicyLegacySwitchKeepaliveAndJumpChainReachTheSessionLayer() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            CredentialResolver resolver = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());
            Host bastion = Host.create("bastion", "bastion.example", 2200, "jump", new HostAuth.Password())
                    .withDetails(new HostDetails(java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(),
                            java.util.List.of(), 0, dev.keyport.vault.HostKeyPolicy.ACCEPT_NEW, false, ""));
            vault.hosts().save(bastion);
            Host db = Host.create("db", "db.internal", 22, "deploy", new HostAuth.Password())
                    .withDetails(new HostDetails(java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(),
                            java.util.List.of(bastion.id()), 30, dev.keyport.vault.HostKeyPolicy.STRICT, true, "", true));

            ConnectionSpec spec = resolver.specFor(db);

            assertThat(spec.options().hostKeyPolicy()).isEqualTo(dev.keyport.terminal.HostKeyPolicy.STRICT);
            assertThat(spec.options().legacyAlgorithms()).isTrue();
            assertThat(spec.options().keepAliveInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
            assertThat(spec.options().forwardAgent()).isTrue();
            assertThat(spec.options().useAgent()).isEqualTo(dev.keyport.terminal.SessionOptions.DEFAULTS.useAgent());
            assertThat(spec.jumps()).singleElement().satisfies(hop -> {
                assertThat(hop.host()).isEqualTo("bastion.example");
                assertThat(hop.port()).isEqualTo(2200);
                assertThat(hop.username()).isEqualTo("jump");
                assertThat(hop.options().hostKeyPolicy()).isEqualTo(dev.keyport.terminal.HostKeyPolicy.ACCEPT_NEW);
                assertThat(hop.options().legacyAlgorithms()).isFalse();
                assertThat(hop.options().forwardAgent()).isFalse();
            });
            // A host without its own keepalive keeps the session layer's default.
            assertThat(resolver.specFor(bastion).options().keepAliveInterval()).isEqualTo(DEFAULT_KEEPALIVE);
        }
    }

    @Test
    void aVaultKeyStoredWithItsPassphraseIsOpenedWithoutAskingAndAWrongOneSaysSo() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            CredentialResolver resolver = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());
            dev.keyport.terminal.keys.DecodedKey generated = dev.keyport.terminal.keys.KeyCodec.generate(
                    dev.keyport.terminal.keys.KeyAlgorithm.ED25519, "team@example");
            KeyEntry key = new KeyEntry(UUID.randomUUID(), "team key", "ssh-ed25519", 256, generated.info().fingerprint(),
                    generated.info().authorizedKey(), "", Instant.now());
            vault.keys().save(key, dev.keyport.terminal.keys.KeyCodec.writeOpenSsh(generated, "key phrase".toCharArray()),
                    "key phrase".toCharArray());
            Host host = Host.create("t", "t.example", 22, "team", new HostAuth.VaultKey(key.id()));

            assertThat(resolver.specFor(host).credentials()).singleElement().isInstanceOfSatisfying(Credential.PrivateKey.class, k -> {
                try {
                    dev.keyport.terminal.keys.DecodedKey opened = dev.keyport.terminal.keys.KeyCodec.read(k.material(), "opened", "",
                            dev.keyport.terminal.keys.KeyCodec.NO_PASSPHRASE);
                    assertThat(opened.info().fingerprint()).isEqualTo(generated.info().fingerprint());
                } catch (dev.keyport.terminal.keys.KeyCodecException e) {
                    throw new AssertionError(e);
                }
            });

            vault.keys().save(key, dev.keyport.terminal.keys.KeyCodec.writeOpenSsh(generated, "key phrase".toCharArray()),
                    "another phrase".toCharArray());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolver.specFor(host))
                    .isInstanceOf(dev.keyport.terminal.SshFailure.class)
                    .hasMessageContaining("Key team key in the vault cannot be opened with its saved passphrase");
        }
    }

    private static final java.time.Duration DEFAULT_KEEPALIVE = dev.keyport.terminal.SessionOptions.DEFAULTS.keepAliveInterval();

    @Test
    void theFirstJumpHostsOwnJumpHostIsFollowedAndALoopIsRefusedByName() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            CredentialResolver resolver = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());
            Host outer = Host.create("outer", "outer.example", 22, "u", new HostAuth.Password());
            Host bastion = Host.create("bastion", "bastion.internal", 22, "u", new HostAuth.Password())
                    .withDetails(HostDetails.NONE.withJumpChain(java.util.List.of(outer.id())));
            Host db = Host.create("db", "db.internal", 22, "u", new HostAuth.Password())
                    .withDetails(HostDetails.NONE.withJumpChain(java.util.List.of(bastion.id())));
            vault.hosts().save(outer);
            vault.hosts().save(bastion);
            vault.hosts().save(db);

            ConnectionSpec spec = resolver.specFor(db);
            assertThat(spec.hops()).extracting(ConnectionSpec::host).containsExactly("outer.example", "bastion.internal", "db.internal");

            vault.hosts().save(outer.withDetails(HostDetails.NONE.withJumpChain(java.util.List.of(db.id()))));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolver.specFor(db))
                    .isInstanceOf(dev.keyport.terminal.SshFailure.class)
                    .hasMessage("The jump chain of db goes round in a loop (db → bastion → outer → db). Edit the jump hosts so that none leads back.");
        }
    }
}
