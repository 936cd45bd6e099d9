package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.knownhosts.CombinedHostKeyStore;
import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** Trusted server keys kept in a real vault, next to a read-only known_hosts file. */
class VaultHostKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void trustedKeysSurviveReopeningAndForgetRemovesOnlyThatHost() throws Exception {
        PublicKey db = ed25519();
        PublicKey web = ed25519();
        try (Vault vault = Vault.create(dir.resolve("vault"), "pw".toCharArray(), KdfParameters.FLOOR)) {
            VaultHostKeyStore store = new VaultHostKeyStore(vault.hostKeys());
            store.trust("db.internal", 22, db);
            store.trust("web.internal", 2222, web);
        }
        try (Vault vault = Vault.unlock(dir.resolve("vault"), "pw".toCharArray())) {
            VaultHostKeyStore store = new VaultHostKeyStore(vault.hostKeys());
            assertThat(store.trustedKeys("db.internal", 22)).containsExactly(db);
            assertThat(store.trustedKeys("db.internal", 2222)).isEmpty();

            assertThat(store.forget("db.internal", 22)).isEqualTo(1);

            assertThat(store.trustedKeys("db.internal", 22)).isEmpty();
            assertThat(store.trustedKeys("web.internal", 2222)).containsExactly(web);
        }
    }

    @Test
    void keysFromTheUsersKnownHostsCountButNewKeysGoToTheVault() throws Exception {
        PublicKey fromOpenSsh = ed25519();
        PublicKey accepted = ed25519();
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "# mine\n[git.example]:2222 " + PublicKeyEntry.toString(fromOpenSsh) + "\n");
        String before = Files.readString(knownHosts);
        try (Vault vault = Vault.create(dir.resolve("vault"), "pw".toCharArray(), KdfParameters.FLOOR)) {
            VaultHostKeyStore inVault = new VaultHostKeyStore(vault.hostKeys());
            CombinedHostKeyStore store = new CombinedHostKeyStore(inVault, List.of(KnownHostsFile.readOnly(knownHosts)));

            assertThat(store.trustedKeys("git.example", 2222)).containsExactly(fromOpenSsh);
            store.trust("new.example", 22, accepted);

            assertThat(inVault.trustedKeys("new.example", 22)).containsExactly(accepted);
            assertThat(Files.readString(knownHosts)).isEqualTo(before);
        }
    }

    private static PublicKey ed25519() throws Exception {
        KeyPair pair = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
        return pair.getPublic();
    }
}
