package dev.keyport.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The vault's schema as numbered migrations; each runs once, in order, in its own transaction. */
final class Schema {

    /** Migration N is at index N-1. Never edit a released migration; add a new one. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                "CREATE TABLE host (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL, address VARCHAR(255) NOT NULL,"
                    + " port INT NOT NULL, username VARCHAR(100) NOT NULL, auth_kind VARCHAR(20) NOT NULL,"
                    + " auth_ref VARCHAR(4096), created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "CREATE TABLE trusted_host_key (host VARCHAR(255) NOT NULL, port INT NOT NULL, key_type VARCHAR(100) NOT NULL,"
                    + " key_data VARCHAR(8192) NOT NULL, added_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " PRIMARY KEY (host, port, key_data))"));

    private Schema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    static void migrate(Connection connection) throws SQLException {
        synchronized (connection) {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            }
            int current = currentVersion(connection);
            for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try (Statement st = connection.createStatement()) {
                    for (String sql : MIGRATIONS.get(version - 1)) {
                        st.execute(sql);
                    }
                    st.execute("DELETE FROM schema_version");
                    st.execute("INSERT INTO schema_version VALUES (" + version + ")");
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
