package dev.keyport.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Private keys kept in the vault. The private key bytes and an optional passphrase are encrypted per
 * field (AES-256-GCM, record id + field name as associated data). The vault never parses them.
 * Blocking: call from a background thread.
 */
public final class KeyRepository {

    static final String PRIVATE_KEY_FIELD = "ssh_key.private_key";
    static final String PASSPHRASE_FIELD = "ssh_key.passphrase";
    private final Db db;

    KeyRepository(Db db) {
        this.db = db;
    }

    public List<KeyEntry> list() throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "SELECT id, name, key_type, bits, fingerprint, public_key, comment, created_at FROM ssh_key ORDER BY LOWER(name), id");
                 ResultSet rs = ps.executeQuery()) {
                List<KeyEntry> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(read(rs));
                }
                return keys;
            } catch (SQLException e) {
                throw new VaultException("Cannot read the keys: " + e.getMessage(), e);
            }
        }
    }

    public Optional<KeyEntry> find(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "SELECT id, name, key_type, bits, fingerprint, public_key, comment, created_at FROM ssh_key WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read key " + id + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Stores a key.
     *
     * @param privateKey the private key file's bytes, as the codec produced them; the caller wipes them
     * @param passphrase the passphrase protecting {@code privateKey} if it is stored encrypted, else null
     */
    public void save(KeyEntry entry, byte[] privateKey, char[] passphrase) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "MERGE INTO ssh_key (id, name, key_type, bits, fingerprint, public_key, comment, private_key, passphrase, created_at)"
                            + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, entry.id());
                ps.setString(2, entry.name());
                ps.setString(3, entry.type());
                ps.setInt(4, entry.bits());
                ps.setString(5, entry.fingerprint());
                ps.setString(6, entry.publicKey());
                ps.setString(7, entry.comment());
                ps.setBytes(8, db.fields().encrypt(privateKey, entry.id(), PRIVATE_KEY_FIELD));
                ps.setBytes(9, passphrase == null ? null : db.fields().encryptChars(passphrase, entry.id(), PASSPHRASE_FIELD));
                ps.setObject(10, entry.createdAt().atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new VaultException("Cannot save key " + entry.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The private key bytes, decrypted; the caller wipes them. */
    public byte[] privateKey(UUID id) throws VaultException {
        byte[] stored = column(id, "private_key");
        if (stored == null) {
            throw new VaultException("There is no key " + id + " in the vault.");
        }
        synchronized (db) {
            try {
                return db.fields().decrypt(stored, id, PRIVATE_KEY_FIELD);
            } finally {
                Arrays.fill(stored, (byte) 0);
            }
        }
    }

    /** The stored passphrase of a key, if any; the caller wipes it. */
    public Optional<char[]> passphrase(UUID id) throws VaultException {
        byte[] stored = column(id, "passphrase");
        if (stored == null) {
            return Optional.empty();
        }
        synchronized (db) {
            try {
                return Optional.of(db.fields().decryptChars(stored, id, PASSPHRASE_FIELD));
            } finally {
                Arrays.fill(stored, (byte) 0);
            }
        }
    }

    public boolean delete(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM ssh_key WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new VaultException("Cannot delete key " + id + ": " + e.getMessage(), e);
            }
        }
    }

    private byte[] column(UUID id, String column) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT " + column + " FROM ssh_key WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read key " + id + ": " + e.getMessage(), e);
            }
        }
    }

    private static KeyEntry read(ResultSet rs) throws SQLException {
        return new KeyEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant());
    }
}
