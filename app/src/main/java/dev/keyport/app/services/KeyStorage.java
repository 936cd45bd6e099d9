package dev.keyport.app.services;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import dev.keyport.terminal.keys.DecodedKey;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.terminal.keys.KeyInfo;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.KeyRepository;
import dev.keyport.vault.VaultException;

/** A key read or generated with {@link KeyCodec} into the vault: the one place that turns one into the other. Blocking. */
public final class KeyStorage {

    private KeyStorage() {
    }

    /** Stores a key as an unencrypted OpenSSH file (the vault encrypts it per field) under a new id. */
    public static KeyEntry store(KeyRepository keys, DecodedKey key, String name) throws VaultException, KeyCodecException {
        return store(keys, key, name, null);
    }

    /**
     * Stores a key under a new id; with a passphrase, as an OpenSSH file encrypted under it, with the
     * passphrase kept beside it (opened when connecting). The caller wipes the passphrase.
     */
    public static KeyEntry store(KeyRepository keys, DecodedKey key, String name, char[] passphrase) throws VaultException, KeyCodecException {
        KeyInfo info = key.info();
        KeyEntry entry = new KeyEntry(UUID.randomUUID(), name, info.type(), info.bits(), info.fingerprint(), info.authorizedKey(),
                info.comment(), Instant.now());
        byte[] bytes = KeyCodec.writeOpenSsh(key, passphrase);
        try {
            keys.save(entry, bytes, passphrase);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return entry;
    }
}
