package dev.keyport.vault;

import java.util.Optional;

/** Named settings as text (e.g. {@code auto-lock-minutes}). Not for secrets. Blocking. */
public final class SettingsRepository {

    private final Db db;

    SettingsRepository(Db db) {
        this.db = db;
    }

    public Optional<String> get(String name) throws VaultException {
        return db.one("SELECT * FROM setting WHERE name = ?", ps -> ps.setString(1, name),
                rs -> rs.getString("setting_value"), "Cannot read setting " + name);
    }

    public void put(String name, String value) throws VaultException {
        db.update("MERGE INTO setting (name, setting_value) KEY (name) VALUES (?, ?)", ps -> {
            ps.setString(1, name);
            ps.setString(2, value);
        }, "Cannot save setting " + name);
    }
}
