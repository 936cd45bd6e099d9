package dev.keyport.vault;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.api.Trigger;

/**
 * The database's side of record authentication ({@link RecordSeals}): H2 calls it before a row of a
 * sealed table is inserted or updated, on the writing thread. It refuses to update a row whose stored
 * MAC does not match (so a write can never make a tampered record valid again) and writes the MAC of
 * the new row. Public only because H2 creates it by class name; nothing else calls it.
 */
public final class SealTrigger implements Trigger {

    private String table;
    private String databasePath;

    public SealTrigger() {
        // created by H2
    }

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (databasePath == null) {
            databasePath = RecordSeals.databasePath(conn);
        }
        RecordSeals.Seal seal = RecordSeals.seal(databasePath);
        RecordSeals.Columns columns = RecordSeals.columns(conn, table);
        if (oldRow != null && !RecordSeals.isResealing()) {
            seal.requireMatch(table, columns, oldRow);
        }
        if (newRow != null) {
            newRow[columns.macIndex()] = seal.macOf(table, columns, newRow);
        }
    }
}
