package dev.keyport.app.teamfile;

import java.util.Objects;
import java.util.UUID;

/**
 * One entity of the file and what importing it does.
 *
 * @param id     the entity's id in the file
 * @param name   its name in the file (for a trusted host key: {@code host:port key-type})
 * @param detail for CHANGED and CONFLICT what differs, vault's value first ({@code "address db1 → db2, port 22 → 2222"})
 *               and, for a conflict, why; for some UNCHANGED entities a note; otherwise ""
 */
public record PlannedChange(EntityKind entity, UUID id, String name, ChangeKind change, String detail) {

    public PlannedChange {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        detail = detail == null ? "" : detail;
    }
}
