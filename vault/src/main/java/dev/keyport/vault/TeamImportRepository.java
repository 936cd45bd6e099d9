package dev.keyport.vault;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What each import of a team file brought, per file and entity ({@link ImportedEntity}). Blocking. */
public final class TeamImportRepository {

    private final Db db;

    TeamImportRepository(Db db) {
        this.db = db;
    }

    /** Every entity the imports of this file brought. */
    public List<ImportedEntity> list(UUID fileId) throws VaultException {
        return db.list("SELECT * FROM team_import WHERE file_id = ?"
                        + " ORDER BY entity_id", ps -> ps.setObject(1, fileId),
                rs -> new ImportedEntity(rs.getObject("file_id", UUID.class), rs.getObject("entity_id", UUID.class), rs.getString("entity_kind"),
                        rs.getObject("vault_id", UUID.class), Optional.ofNullable(rs.getString("local_name")), rs.getString("fingerprint")),
                "Cannot read what earlier imports of team file " + fileId + " brought");
    }

    /** Records (or replaces) what an import brought for one entity of a file. */
    public void save(ImportedEntity entity) throws VaultException {
        saveAll(List.of(entity));
    }

    /** Records (or replaces) what an import brought, for many entities in one batch. */
    public void saveAll(List<ImportedEntity> entities) throws VaultException {
        if (entities.isEmpty()) {
            return;
        }
        db.transaction(c -> {
            Db.executeBatch(c, "MERGE INTO team_import (file_id, entity_id, entity_kind, vault_id, local_name, fingerprint)"
                    + " KEY (file_id, entity_id) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                        for (ImportedEntity entity : entities) {
                            ps.setObject(1, entity.fileId());
                            ps.setObject(2, entity.entityId());
                            ps.setString(3, entity.kind());
                            ps.setObject(4, entity.vaultId());
                            ps.setString(5, entity.localName().orElse(null));
                            ps.setString(6, entity.fingerprint());
                            ps.addBatch();
                        }
                    });
            return null;
        }, "Cannot record what the import of team file " + entities.get(0).fileId() + " brought");
    }
}
