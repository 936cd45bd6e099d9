package dev.keyport.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
    private static final String SELECT = "SELECT * FROM ssh_key";
    private final Db db;

    KeyRepository(Db db) {
        this.db = db;
    }

    public List<KeyEntry> list() throws VaultException {
        return db.list(SELECT + " ORDER BY LOWER(name), id", Db.Binder.NONE, KeyRepository::read, "Cannot read the keys");
    }

    public Optional<KeyEntry> find(UUID id) throws VaultException {
        return db.one(SELECT + " WHERE id = ?", ps -> ps.setObject(1, id), KeyRepository::read, "Cannot read key " + id);
    }

    /**
     * Stores a key.
     *
     * @param privateKey the private key file's bytes, as the codec produced them, or null when only the public half is
     *                   known (a key from a team file without secrets); the caller wipes them
     * @param passphrase the passphrase protecting {@code privateKey} if it is stored encrypted, else null
     */
    public void save(KeyEntry entry, byte[] privateKey, char[] passphrase) throws VaultException {
        db.update("MERGE INTO ssh_key (id, name, key_type, bits, fingerprint, public_key, comment, private_key, passphrase, created_at)"
                + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    bindEntry(ps, entry);
                    ps.setBytes(8, privateKey == null ? null : db.fields().encrypt(privateKey, entry.id(), PRIVATE_KEY_FIELD));
                    ps.setBytes(9, db.encryptChars(passphrase, entry.id(), PASSPHRASE_FIELD));
                    ps.setObject(10, entry.createdAt().atOffset(ZoneOffset.UTC));
                }, "Cannot save key " + entry.name());
    }

    /**
     * Stores what the vault shows about a key (name, public half, comment) and keeps its private half and
     * passphrase; a key that is not there yet is added with its public half only.
     */
    public void saveDetails(KeyEntry entry) throws VaultException {
        db.update("MERGE INTO ssh_key (id, name, key_type, bits, fingerprint, public_key, comment, created_at)"
                + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
                    bindEntry(ps, entry);
                    ps.setObject(8, entry.createdAt().atOffset(ZoneOffset.UTC));
                }, "Cannot save key " + entry.name());
    }

    private static void bindEntry(PreparedStatement ps, KeyEntry entry) throws SQLException {
        ps.setObject(1, entry.id());
        ps.setString(2, entry.name());
        ps.setString(3, entry.type());
        ps.setInt(4, entry.bits());
        ps.setString(5, entry.fingerprint());
        ps.setString(6, entry.publicKey());
        ps.setString(7, entry.comment());
    }

    /** Whether the vault holds the private half of this key (not only its public half). */
    public boolean hasPrivateKey(UUID id) throws VaultException {
        return db.one(SELECT + " WHERE id = ?", ps -> ps.setObject(1, id),
                rs -> rs.getBytes("private_key") != null, "Cannot read key " + id).orElse(false);
    }

    /** The private key bytes, decrypted; the caller wipes them. A key with only its public half says so. */
    public byte[] privateKey(UUID id) throws VaultException {
        record Stored(String name, byte[] privateKey) {
        }
        Stored stored = db.one(SELECT + " WHERE id = ?", ps -> ps.setObject(1, id),
                rs -> new Stored(rs.getString("name"), db.decrypt(rs.getBytes("private_key"), id, PRIVATE_KEY_FIELD)), "Cannot read key " + id)
                .orElseThrow(() -> new VaultException("There is no key " + id + " in the vault."));
        if (stored.privateKey() == null) {
            throw new VaultException("Only the public half of key " + stored.name() + " is in the vault (it came from a team"
                    + " file exported without secrets). Import its private key, or a team file that carries it.");
        }
        return stored.privateKey();
    }

    /** The stored passphrase of a key, if any; the caller wipes it. */
    public Optional<char[]> passphrase(UUID id) throws VaultException {
        return db.one(SELECT + " WHERE id = ?", ps -> ps.setObject(1, id),
                rs -> db.decryptChars(rs.getBytes("passphrase"), id, PASSPHRASE_FIELD), "Cannot read key " + id);
    }

    public boolean delete(UUID id) throws VaultException {
        return db.update("DELETE FROM ssh_key WHERE id = ?", ps -> ps.setObject(1, id), "Cannot delete key " + id) > 0;
    }

    private static KeyEntry read(ResultSet rs) throws SQLException {
        return new KeyEntry(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_type"), rs.getInt("bits"),
                rs.getString("fingerprint"), rs.getString("public_key"), rs.getString("comment"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
