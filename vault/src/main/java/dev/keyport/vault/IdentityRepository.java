package dev.keyport.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reusable identities (user + key and/or password). Passwords are encrypted per field. Blocking. */
public final class IdentityRepository {

    static final String PASSWORD_FIELD = "identity.password";
    private final Db db;

    IdentityRepository(Db db) {
        this.db = db;
    }

    public List<Identity> list() throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT id, name, username, key_id FROM identity ORDER BY LOWER(name), id");
                 ResultSet rs = ps.executeQuery()) {
                List<Identity> identities = new ArrayList<>();
                while (rs.next()) {
                    identities.add(new Identity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Optional.ofNullable(rs.getObject(4, UUID.class))));
                }
                return identities;
            } catch (SQLException e) {
                throw new VaultException("Cannot read the identities: " + e.getMessage(), e);
            }
        }
    }

    public Optional<Identity> find(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT id, name, username, key_id FROM identity WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Identity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            Optional.ofNullable(rs.getObject(4, UUID.class)))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read identity " + id + ": " + e.getMessage(), e);
            }
        }
    }

    /** Saves an identity; {@code password} (may be null: none) is encrypted; the caller wipes it. */
    public void save(Identity identity, char[] password) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "MERGE INTO identity (id, name, username, key_id, password) KEY (id) VALUES (?, ?, ?, ?, ?)")) {
                ps.setObject(1, identity.id());
                ps.setString(2, identity.name());
                ps.setString(3, identity.username());
                ps.setObject(4, identity.keyId().orElse(null));
                ps.setBytes(5, password == null ? null : db.fields().encryptChars(password, identity.id(), PASSWORD_FIELD));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new VaultException("Cannot save identity " + identity.name() + ": " + e.getMessage(), e);
            }
        }
    }

    public Optional<char[]> password(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT password FROM identity WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    byte[] stored = rs.next() ? rs.getBytes(1) : null;
                    if (stored == null) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(db.fields().decryptChars(stored, id, PASSWORD_FIELD));
                    } finally {
                        Arrays.fill(stored, (byte) 0);
                    }
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read the password of identity " + id + ": " + e.getMessage(), e);
            }
        }
    }

    public boolean delete(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM identity WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new VaultException("Cannot delete identity " + id + ": " + e.getMessage(), e);
            }
        }
    }
}
