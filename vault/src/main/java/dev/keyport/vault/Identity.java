package dev.keyport.vault;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A reusable login: a user name with a vault key and/or a saved password (the password lives
 * encrypted in its own field: {@link IdentityRepository#password(UUID)}).
 */
public record Identity(UUID id, String name, String username, Optional<UUID> keyId) {

    public Identity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        Fields.require(Fields.checkName("Identity name", name));
        Fields.require(Fields.checkUser(username));
        name = name.strip();
        username = username.strip();
    }

    public static Identity create(String name, String username, UUID keyId) {
        return new Identity(UUID.randomUUID(), name, username, Optional.ofNullable(keyId));
    }
}
