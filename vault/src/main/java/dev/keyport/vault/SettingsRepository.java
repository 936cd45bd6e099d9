package dev.keyport.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Named settings as text (e.g. {@code auto-lock-minutes}). Not for secrets. Blocking. */
public final class SettingsRepository {

    private final Db db;

    SettingsRepository(Db db) {
        this.db = db;
    }

    public Optional<String> get(String name) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT setting_value FROM setting WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read setting " + name + ": " + e.getMessage(), e);
            }
        }
    }

    public void put(String name, String value) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("MERGE INTO setting (name, setting_value) KEY (name) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new VaultException("Cannot save setting " + name + ": " + e.getMessage(), e);
            }
        }
    }
}
