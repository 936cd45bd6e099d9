package dev.keyport.app.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

import dev.keyport.app.services.VaultHostKeyStore;
import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * A real vault in a temp dir trusting two server keys, next to a known_hosts file with a plain line, a
 * {@code [host]:port} line, a hashed line (for {@code secret.example}), a {@code @revoked} line, a comment
 * and a line no one can read.
 */
public final class KnownHostsFixture implements AutoCloseable {

    public final Vault vault;
    public final Path knownHosts;
    public final PublicKey dbKey = key(KeyPairProvider.SSH_ED25519, 256);
    public final PublicKey webKey = key(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
    public final PublicKey plainKey = key(KeyPairProvider.SSH_ED25519, 256);
    public final PublicKey gitKey = key(KeyPairProvider.ECDSA_SHA2_NISTP384, 384);
    public final PublicKey hashedKey = key(KeyPairProvider.SSH_ED25519, 256);
    public final PublicKey revokedKey = key(KeyPairProvider.SSH_ED25519, 256);

    public KnownHostsFixture(Path dir) throws Exception {
        vault = Vault.create(dir.resolve("vault"), "test master password".toCharArray(), KdfParameters.FLOOR);
        VaultHostKeyStore store = new VaultHostKeyStore(vault.hostKeys());
        store.trust("db.internal", 22, dbKey);
        store.trust("127.0.0.1", 2311, webKey);
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "# the person's own file\n"
                + "plain.example " + PublicKeyEntry.toString(plainKey) + "\n"
                + "[git.example]:2222 " + PublicKeyEntry.toString(gitKey) + "\n"
                + "this line is not a key\n");
        KnownHostsFile.of(knownHosts, true).trust("secret.example", 22, hashedKey);
        Files.writeString(knownHosts, "@revoked * " + PublicKeyEntry.toString(revokedKey) + "\n", java.nio.file.StandardOpenOption.APPEND);
    }

    private static PublicKey key(String type, int bits) {
        try {
            return KeyUtils.generateKeyPair(type, bits).getPublic();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        vault.close();
    }
}
