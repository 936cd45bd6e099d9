package dev.keyport.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Server keys the person trusts, by host and port. Blocking: call from a background thread. */
public final class TrustedHostKeyRepository {

    private final Connection connection;

    TrustedHostKeyRepository(Connection connection) {
        this.connection = connection;
    }

    public List<TrustedHostKey> find(String host, int port) throws VaultException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT host, port, key_type, key_data, added_at FROM trusted_host_key WHERE LOWER(host) = LOWER(?) AND port = ?"
                            + " ORDER BY added_at")) {
                ps.setString(1, host);
                ps.setInt(2, port);
                try (ResultSet rs = ps.executeQuery()) {
                    List<TrustedHostKey> keys = new ArrayList<>();
                    while (rs.next()) {
                        keys.add(new TrustedHostKey(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                    return keys;
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read trusted host keys: " + e.getMessage(), e);
            }
        }
    }

    /** Trusts a key; trusting the same key twice keeps one entry. */
    public void add(String host, int port, String keyType, String keyData) throws VaultException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "MERGE INTO trusted_host_key (host, port, key_type, key_data, added_at) KEY (host, port, key_data)"
                            + " VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, host.toLowerCase(java.util.Locale.ROOT));
                ps.setInt(2, port);
                ps.setString(3, keyType);
                ps.setString(4, keyData);
                ps.setObject(5, OffsetDateTime.now());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new VaultException("Cannot save the trusted key for " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
