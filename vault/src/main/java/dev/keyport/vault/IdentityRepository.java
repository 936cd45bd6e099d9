package dev.keyport.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reusable identities (user + key and/or password). Passwords are encrypted per field. Blocking. */
public final class IdentityRepository {

    static final String PASSWORD_FIELD = "identity.password";
    private static final String SELECT = "SELECT * FROM identity";
    private final Db db;

    IdentityRepository(Db db) {
        this.db = db;
    }

    public List<Identity> list() throws VaultException {
        return db.list(SELECT + " ORDER BY LOWER(name), id", Db.Binder.NONE, IdentityRepository::read, "Cannot read the identities");
    }

    public Optional<Identity> find(UUID id) throws VaultException {
        return db.one(SELECT + " WHERE id = ?", ps -> ps.setObject(1, id), IdentityRepository::read, "Cannot read identity " + id);
    }

    /** Saves an identity; {@code password} (may be null: none) is encrypted; the caller wipes it. */
    public void save(Identity identity, char[] password) throws VaultException {
        db.update("MERGE INTO identity (id, name, username, key_id, password) KEY (id) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setObject(1, identity.id());
            ps.setString(2, identity.name());
            ps.setString(3, identity.username());
            ps.setObject(4, identity.keyId().orElse(null));
            ps.setBytes(5, db.encryptChars(password, identity.id(), PASSWORD_FIELD));
        }, "Cannot save identity " + identity.name());
    }

    /** Saves an identity's name, user and key and keeps its password (a new identity has none). */
    public void saveDetails(Identity identity) throws VaultException {
        db.update("MERGE INTO identity (id, name, username, key_id) KEY (id) VALUES (?, ?, ?, ?)", ps -> {
            ps.setObject(1, identity.id());
            ps.setString(2, identity.name());
            ps.setString(3, identity.username());
            ps.setObject(4, identity.keyId().orElse(null));
        }, "Cannot save identity " + identity.name());
    }

    /** Saves (encrypted) the password of an identity; {@code null} removes it. The caller wipes its array. */
    public void savePassword(UUID id, char[] password) throws VaultException {
        db.saveSecret("identity", "password", id, password, PASSWORD_FIELD);
    }

    public Optional<char[]> password(UUID id) throws VaultException {
        return db.one("SELECT * FROM identity WHERE id = ?", ps -> ps.setObject(1, id),
                rs -> db.decryptChars(rs.getBytes("password"), id, PASSWORD_FIELD), "Cannot read the password of identity " + id);
    }

    public boolean delete(UUID id) throws VaultException {
        return db.update("DELETE FROM identity WHERE id = ?", ps -> ps.setObject(1, id), "Cannot delete identity " + id) > 0;
    }

    private static Identity read(ResultSet rs) throws SQLException {
        return new Identity(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("username"),
                Optional.ofNullable(rs.getObject("key_id", UUID.class)));
    }
}
