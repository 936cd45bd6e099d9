package dev.keyport.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the vault shows about a stored private key. The vault does not parse keys: these values come
 * from the key codec when the key is generated or imported. The private key itself is read with
 * {@link KeyRepository#privateKey(UUID)}.
 *
 * @param publicKey   the public key as an {@code authorized_keys} line
 * @param fingerprint e.g. {@code SHA256:...}
 */
public record KeyEntry(UUID id, String name, String type, int bits, String fingerprint, String publicKey, String comment,
                       Instant createdAt) {

    public KeyEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Fields.require(Fields.checkName("Key name", name));
        comment = comment == null ? "" : comment;
    }
}
