package dev.keyport.vault;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Server keys the person trusts, by host and port. Blocking: call from a background thread. */
public final class TrustedHostKeyRepository {

    private static final String SELECT = "SELECT * FROM trusted_host_key";
    private static final String READ_FAILED = "Cannot read trusted host keys";
    private final Db db;

    TrustedHostKeyRepository(Db db) {
        this.db = db;
    }

    public List<TrustedHostKey> find(String host, int port) throws VaultException {
        return db.list(SELECT + " WHERE LOWER(host) = LOWER(?) AND port = ? ORDER BY added_at", ps -> {
            ps.setString(1, host);
            ps.setInt(2, port);
        }, TrustedHostKeyRepository::read, READ_FAILED);
    }

    public List<TrustedHostKey> list() throws VaultException {
        return db.list(SELECT + " ORDER BY host, port, added_at", Db.Binder.NONE, TrustedHostKeyRepository::read, READ_FAILED);
    }

    /** Trusts a key after the person accepted it on first connection. */
    public void add(String host, int port, String keyType, String keyData) throws VaultException {
        add(host, port, keyType, keyData, "trusted on first connection");
    }

    /** Trusts a key; trusting the same key twice keeps one entry. */
    public void add(String host, int port, String keyType, String keyData, String source) throws VaultException {
        db.update("MERGE INTO trusted_host_key (host, port, key_type, key_data, added_at, source) KEY (host, port, key_data)"
                + " VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setString(1, host.toLowerCase(Locale.ROOT));
                    ps.setInt(2, port);
                    ps.setString(3, keyType);
                    ps.setString(4, keyData);
                    ps.setObject(5, OffsetDateTime.now());
                    ps.setString(6, source);
                }, "Cannot save the trusted key for " + host + ":" + port);
    }

    /**
     * Trusts a key with its own id, time and source (an import); the same host, port and key already
     * trusted keeps one entry, which takes these values.
     */
    public void add(TrustedHostKey key) throws VaultException {
        db.update("MERGE INTO trusted_host_key (id, host, port, key_type, key_data, added_at, source) KEY (host, port, key_data)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
                    ps.setObject(1, key.id());
                    ps.setString(2, key.host().toLowerCase(Locale.ROOT));
                    ps.setInt(3, key.port());
                    ps.setString(4, key.keyType());
                    ps.setString(5, key.keyData());
                    ps.setObject(6, key.addedAt().atOffset(ZoneOffset.UTC));
                    ps.setString(7, key.source());
                }, "Cannot save the trusted key for " + key.host() + ":" + key.port());
    }

    public boolean delete(UUID id) throws VaultException {
        return db.update("DELETE FROM trusted_host_key WHERE id = ?", ps -> ps.setObject(1, id), "Cannot remove the trusted key") > 0;
    }

    private static TrustedHostKey read(ResultSet rs) throws SQLException {
        return new TrustedHostKey(rs.getObject("id", UUID.class), rs.getString("host"), rs.getInt("port"), rs.getString("key_type"),
                rs.getString("key_data"), rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getString("source"));
    }
}
