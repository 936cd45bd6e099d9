package dev.keyport.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Server keys the person trusts, by host and port. Blocking: call from a background thread. */
public final class TrustedHostKeyRepository {

    private static final String COLUMNS = "id, host, port, key_type, key_data, added_at, source";
    private final Db db;

    TrustedHostKeyRepository(Db db) {
        this.db = db;
    }

    public List<TrustedHostKey> find(String host, int port) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM trusted_host_key WHERE LOWER(host) = LOWER(?) AND port = ? ORDER BY added_at")) {
                ps.setString(1, host);
                ps.setInt(2, port);
                return read(ps);
            } catch (SQLException e) {
                throw new VaultException("Cannot read trusted host keys: " + e.getMessage(), e);
            }
        }
    }

    public List<TrustedHostKey> list() throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM trusted_host_key ORDER BY host, port, added_at")) {
                return read(ps);
            } catch (SQLException e) {
                throw new VaultException("Cannot read trusted host keys: " + e.getMessage(), e);
            }
        }
    }

    /** Trusts a key after the person accepted it on first connection. */
    public void add(String host, int port, String keyType, String keyData) throws VaultException {
        add(host, port, keyType, keyData, "trusted on first connection");
    }

    /** Trusts a key; trusting the same key twice keeps one entry. */
    public void add(String host, int port, String keyType, String keyData, String source) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement(
                    "MERGE INTO trusted_host_key (host, port, key_type, key_data, added_at, source) KEY (host, port, key_data)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, host.toLowerCase(Locale.ROOT));
                ps.setInt(2, port);
                ps.setString(3, keyType);
                ps.setString(4, keyData);
                ps.setObject(5, OffsetDateTime.now());
                ps.setString(6, source);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new VaultException("Cannot save the trusted key for " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }

    public boolean delete(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM trusted_host_key WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new VaultException("Cannot remove the trusted key: " + e.getMessage(), e);
            }
        }
    }

    private static List<TrustedHostKey> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<TrustedHostKey> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(new TrustedHostKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)));
            }
            return keys;
        }
    }
}
