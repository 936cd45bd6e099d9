package dev.keyport.vault;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A folder of hosts; groups nest through {@code parentId}. */
public record HostGroup(UUID id, String name, Optional<UUID> parentId) {

    public HostGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentId, "parentId");
        Fields.require(Fields.checkName("Group name", name));
        name = name.strip();
    }

    public static HostGroup create(String name, UUID parentId) {
        return new HostGroup(UUID.randomUUID(), name, Optional.ofNullable(parentId));
    }
}
