package dev.keyport.app.services;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.HostKeyStore;
import dev.keyport.terminal.knownhosts.CombinedHostKeyStore;
import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.vault.TrustedHostKey;
import dev.keyport.vault.TrustedHostKeyRepository;
import dev.keyport.vault.VaultException;

/** The session layer's host-key store, kept in the vault. */
public final class VaultHostKeyStore implements HostKeyStore {

    private static final Logger LOG = LoggerFactory.getLogger(VaultHostKeyStore.class);
    private final TrustedHostKeyRepository repository;

    public VaultHostKeyStore(TrustedHostKeyRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<PublicKey> trustedKeys(String host, int port) {
        List<TrustedHostKey> entries;
        try {
            entries = repository.find(host, port);
        } catch (VaultException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        List<PublicKey> keys = new ArrayList<>();
        for (TrustedHostKey entry : entries) {
            try {
                keys.add(PublicKeyEntry.parsePublicKeyEntry(entry.keyType() + " " + entry.keyData())
                        .resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING));
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                LOG.warn("Skipping an unreadable trusted key for {}:{} ({})", host, port, entry.keyType());
            }
        }
        return keys;
    }

    @Override
    public void trust(String host, int port, PublicKey key) {
        String[] entry = PublicKeyEntry.toString(key).split(" ", 3);
        try {
            repository.add(host, port, KeyUtils.getKeyType(key), entry[1]);
        } catch (VaultException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Removes every trusted key of this host and port (the deliberate "replace the saved key" action). */
    @Override
    public int forget(String host, int port) {
        try {
            int removed = 0;
            for (TrustedHostKey entry : repository.find(host, port)) {
                if (repository.delete(entry.id())) {
                    removed++;
                }
            }
            return removed;
        } catch (VaultException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * What Keyport trusts: this vault store first, plus the person's OpenSSH {@code ~/.ssh/known_hosts}
     * read only. New keys are saved to the vault; known_hosts is never written.
     */
    public HostKeyStore withOpenSshKnownHosts() {
        return new CombinedHostKeyStore(this, List.of(KnownHostsFile.readOnly(KnownHostsFile.defaultFile())));
    }

    @Override
    public String replaceAdvice(String host, int port) {
        return "If the server's administrator confirms the new key, replace it in Keyport's window: \"Review the new key\" where"
                + " the connection failed compares both fingerprints, or remove the old key under Known hosts. Keys are trusted per"
                + " address and port, so deleting and re-adding the host does not forget them.";
    }

    /**
     * What Keyport trusts: this vault store first, plus an OpenSSH known_hosts file read only (the person's
     * {@code ~/.ssh/known_hosts} in the app; another file in tests). New keys are saved to the vault.
     */
    public HostKeyStore withKnownHosts(java.nio.file.Path knownHosts) {
        return new CombinedHostKeyStore(this, List.of(KnownHostsFile.readOnly(knownHosts)));
    }

    @Override
    public String describe() {
        return "the Keyport vault";
    }
}
