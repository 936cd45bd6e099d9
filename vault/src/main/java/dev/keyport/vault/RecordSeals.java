package dev.keyport.vault;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.keyport.vault.crypto.RecordMac;

/**
 * Record authentication. H2's {@code CIPHER=AES} is XTS: a byte changed in {@code vault.mv.db} turns
 * one 16-byte block into noise without any error, so a host's name or address could change silently.
 * Every row of every table therefore carries a {@code mac} column: HMAC-SHA256 over the table name
 * and all its other columns, keyed by an HKDF subkey of the data key ({@link RecordMac}).
 * <ul>
 * <li>Writes: {@link SealTrigger} (a BEFORE INSERT/UPDATE row trigger on each sealed table) computes
 *     the MAC of the row as the database is about to store it, after defaults and conversions, so
 *     every write path is covered (MERGE of some columns, cascaded SET NULL, a bare UPDATE), and
 *     refuses to update a row whose stored MAC does not match.</li>
 * <li>Reads: every repository query selects whole rows, and {@link Db} checks each row before it is
 *     mapped ({@link #checker}); a query that does not select a whole row of one sealed table is a
 *     programming error and fails.</li>
 * <li>Opening: {@link #verifyAll} checks every row of every table before the vault is handed out.</li>
 * </ul>
 * The triggers find the key through a registry by database path, filled while a vault is open.
 */
final class RecordSeals {

    static final String MAC_COLUMN = "MAC";

    /** Each sealed table and the columns that name one of its records in a message (never a secret). */
    static final Map<String, List<String>> TABLES = tables();

    private static final Map<String, Seal> OPEN = new ConcurrentHashMap<>();
    private static final Map<String, Columns> COLUMNS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Boolean> RESEALING = ThreadLocal.withInitial(() -> false);

    private RecordSeals() {
    }

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put("host", List.of("id"));
        t.put("host_group", List.of("id"));
        t.put("ssh_key", List.of("id"));
        t.put("identity", List.of("id"));
        t.put("host_jump", List.of("host_id", "position"));
        t.put("forward_profile", List.of("id"));
        t.put("forward", List.of("profile_id", "position"));
        t.put("trusted_host_key", List.of("id"));
        t.put("setting", List.of("name"));
        t.put("team_import", List.of("file_id", "entity_id"));
        return java.util.Collections.unmodifiableMap(t);
    }

    /** The SQL that gives {@code tables} a MAC column and a sealing trigger (schema 4 for the tables of then). */
    static List<String> sealingSql(List<String> tables) {
        List<String> sql = new ArrayList<>();
        for (String table : tables) {
            sql.add("ALTER TABLE " + table + " ADD COLUMN mac VARBINARY(" + RecordMac.LENGTH + ")");
            sql.add("CREATE TRIGGER " + table + "_seal BEFORE INSERT, UPDATE ON " + table
                    + " FOR EACH ROW CALL '" + SealTrigger.class.getName() + "'");
        }
        return sql;
    }

    /** The key and folder of an open vault, as the triggers and {@link Db} use them. */
    record Seal(RecordMac mac, Path directory) {

        byte[] macOf(String table, Columns columns, Object[] row) {
            return mac.compute(table, columns.values(row));
        }

        void requireMatch(String table, Columns columns, Object[] row) throws Mismatch {
            Map<String, Object> values = columns.values(row);
            Object stored = row[columns.macIndex()];
            if (!mac.matches(table, values, stored instanceof byte[] b ? b : null)) {
                throw new Mismatch(message(table, values, directory));
            }
        }
    }

    /** A table's column names in row order and where its MAC is. */
    record Columns(List<String> names, int macIndex) {

        Map<String, Object> values(Object[] row) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (i != macIndex) {
                    values.put(names.get(i), row[i]);
                }
            }
            return values;
        }
    }

    /** Thrown inside the database (trigger, read check) when a record's MAC does not match; {@link Db} turns it into a {@link TamperedRecordException}. */
    static final class Mismatch extends SQLException {
        private static final long serialVersionUID = 1L;

        Mismatch(String message) {
            super(message);
        }
    }

    /** Makes {@code mac} the key of the database behind {@code connection} until {@link #unregister}. */
    static void register(Connection connection, RecordMac mac, Path directory) throws SQLException {
        OPEN.put(databasePath(connection), new Seal(mac, directory));
    }

    static void unregister(Connection connection) {
        try {
            if (!connection.isClosed()) {
                OPEN.remove(databasePath(connection));
            }
        } catch (SQLException e) {
            // closed meanwhile: the entry's key is wiped with the vault's keys anyway
        }
    }

    static String databasePath(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("CALL DATABASE_PATH()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Seal seal(String databasePath) throws SQLException {
        Seal seal = OPEN.get(databasePath);
        if (seal == null) {
            throw new SQLException("The vault is locked.");
        }
        return seal;
    }

    static Columns columns(Connection connection, String table) throws SQLException {
        Columns known = COLUMNS.get(table);
        if (known != null) {
            return known;
        }
        List<String> names = new ArrayList<>();
        try (var ps = connection.prepareStatement("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        int mac = names.indexOf(MAC_COLUMN);
        if (mac < 0) {
            throw new SQLException("Table " + table + " has no MAC column");
        }
        Columns columns = new Columns(List.copyOf(names), mac);
        // Every vault has the same columns at the same schema version; a newer schema clears this cache (forget()).
        COLUMNS.put(table, columns);
        return columns;
    }

    /** Forgets the cached column lists (after a migration changed them). */
    static void forgetColumns() {
        COLUMNS.clear();
    }

    static boolean isResealing() {
        return RESEALING.get();
    }

    /**
     * Writes a fresh MAC on every row of every sealed table without checking the old one: only right
     * after a migration added or changed columns (the rows were checked before it).
     */
    static void sealAll(Connection connection) throws SQLException {
        forgetColumns();
        RESEALING.set(true);
        try (Statement st = connection.createStatement()) {
            for (String table : sealedTables(connection)) {
                st.executeUpdate("UPDATE " + table + " SET mac = NULL");
            }
        } finally {
            RESEALING.set(false);
        }
    }

    /** Checks every row of every sealed table; the first one that does not match throws {@link Mismatch}. */
    static void verifyAll(Connection connection, Seal seal) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String table : sealedTables(connection)) {
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    Checker checker = checker(connection, rs.getMetaData());
                    while (rs.next()) {
                        checker.check(rs, seal);
                    }
                }
            }
        }
    }

    /** The tables of this database that carry a MAC column. */
    static List<String> sealedTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND COLUMN_NAME = '" + MAC_COLUMN + "' ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String table : tables) {
            if (!TABLES.containsKey(table)) {
                throw new SQLException("Table " + table + " has a MAC column but is not known to this Keyport");
            }
        }
        return tables;
    }

    /** Checks the rows of one query; the query must select every column of exactly one sealed table. */
    static Checker checker(Connection connection, ResultSetMetaData meta) throws SQLException {
        String table = null;
        int[] positions = null;
        Columns columns = null;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String t = meta.getTableName(i);
            if (t == null || t.isEmpty()) {
                throw new IllegalStateException("A vault query selects something other than whole rows (column " + i
                        + "): its records cannot be authenticated");
            }
            t = t.toLowerCase(Locale.ROOT);
            if (table == null) {
                table = t;
                if (!TABLES.containsKey(table)) {
                    throw new IllegalStateException("A vault query reads table " + table + ", which is not sealed");
                }
                columns = columns(connection, table);
                positions = new int[columns.names().size()];
            } else if (!table.equals(t)) {
                throw new IllegalStateException("A vault query reads two tables (" + table + ", " + t + ") at once");
            }
            int at = columns.names().indexOf(meta.getColumnName(i).toUpperCase(Locale.ROOT));
            if (at >= 0) {
                positions[at] = i;
            }
        }
        if (table == null) {
            throw new IllegalStateException("A vault query selects no column");
        }
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == 0) {
                throw new IllegalStateException("A vault query on " + table + " leaves out column " + columns.names().get(i)
                        + ": select whole rows so they can be authenticated");
            }
        }
        return new Checker(table, columns, positions);
    }

    /** Checks rows of one query ({@link #checker}). */
    static final class Checker {
        private final String table;
        private final Columns columns;
        private final int[] positions;

        private Checker(String table, Columns columns, int[] positions) {
            this.table = table;
            this.columns = columns;
            this.positions = positions;
        }

        /** Checks the current row of {@code rs}. */
        void check(ResultSet rs, Seal seal) throws SQLException {
            Object[] row = new Object[positions.length];
            for (int i = 0; i < positions.length; i++) {
                row[i] = rs.getObject(positions[i]);
            }
            seal.requireMatch(table, columns, row);
        }
    }

    /** What a person reads when a record does not match: which record (table and key) and what to do. */
    static String message(String table, Map<String, Object> values, Path directory) {
        StringBuilder which = new StringBuilder(table);
        List<String> key = TABLES.getOrDefault(table, List.of());
        for (int i = 0; i < key.size(); i++) {
            Object value = values.get(key.get(i).toUpperCase(Locale.ROOT));
            which.append(i == 0 ? " " : ", ").append(key.size() > 1 ? key.get(i) + " " : "").append(describe(value));
        }
        return "The vault record " + which + " was changed outside Keyport or is damaged: its check value does not match."
                + " Keyport has not changed anything. Restore a backup: keyport vault backups, then keyport vault restore BACKUP"
                + (directory == null ? "" : " (backups are in " + directory.resolve(Vault.BACKUP_DIR) + ")") + ".";
    }

    /** A key value for a message: printable ASCII only, at most 80 characters (a damaged value can hold anything). */
    private static String describe(Object value) {
        String text = String.valueOf(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 80; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
