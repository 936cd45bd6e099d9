package dev.keyport.vault;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What an import of a team file brought into the vault for one of the file's entities, so that the
 * next import of the same file can tell "the team changed it" from "you changed it". The vault stores
 * it as given; the application decides what the values mean.
 *
 * @param fileId      the team file's own id
 * @param entityId    the entity's id in the file
 * @param kind        what kind of entity it is (the application's name, e.g. {@code host})
 * @param vaultId     the id it has in the vault (the same as {@code entityId} unless it was added as a copy)
 * @param localName   the name it was given in the vault when that differs from the file's (a copy's name)
 * @param fingerprint a digest of what the import wrote (opaque to the vault)
 */
public record ImportedEntity(UUID fileId, UUID entityId, String kind, UUID vaultId, Optional<String> localName, String fingerprint) {

    public ImportedEntity {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(vaultId, "vaultId");
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
