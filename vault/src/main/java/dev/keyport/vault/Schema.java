package dev.keyport.vault;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The vault's schema as numbered migrations; each runs once, in order, and records its number in the
 * same transaction. H2 commits DDL statements implicitly, so a migration that fails half-way can leave
 * part of its tables behind: that is why {@link Vault} copies the vault to {@code backups/} before
 * migrating an existing one, and the error names that copy.
 */
final class Schema {

    /** Migration N is at index N-1. Never edit a released migration; add a new one. */
    private static final List<List<String>> MIGRATIONS = List.of(
            // 1: the foundation's plain vault
            List.of(
                "CREATE TABLE host (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL, address VARCHAR(255) NOT NULL,"
                    + " port INT NOT NULL, username VARCHAR(100) NOT NULL, auth_kind VARCHAR(20) NOT NULL,"
                    + " auth_ref VARCHAR(4096), created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "CREATE TABLE trusted_host_key (host VARCHAR(255) NOT NULL, port INT NOT NULL, key_type VARCHAR(100) NOT NULL,"
                    + " key_data VARCHAR(8192) NOT NULL, added_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " PRIMARY KEY (host, port, key_data))"),
            // 2: groups, keys, identities, host details, jump chains, port forwards, settings
            List.of(
                "CREATE TABLE host_group (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                    + " parent_id UUID REFERENCES host_group(id) ON DELETE CASCADE)",
                "CREATE TABLE ssh_key (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL, key_type VARCHAR(100) NOT NULL,"
                    + " bits INT NOT NULL, fingerprint VARCHAR(200) NOT NULL, public_key VARCHAR(16384) NOT NULL,"
                    + " comment VARCHAR(1000) DEFAULT '' NOT NULL,"
                    + " private_key VARBINARY(65536) NOT NULL, passphrase VARBINARY(4096),"
                    + " created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
                "CREATE TABLE identity (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL, username VARCHAR(100) NOT NULL,"
                    + " key_id UUID REFERENCES ssh_key(id) ON DELETE SET NULL, password VARBINARY(4096))",
                "ALTER TABLE host ALTER COLUMN auth_kind VARCHAR(40)",
                "ALTER TABLE host ADD COLUMN group_id UUID REFERENCES host_group(id) ON DELETE SET NULL",
                "ALTER TABLE host ADD COLUMN identity_id UUID REFERENCES identity(id) ON DELETE SET NULL",
                "ALTER TABLE host ADD COLUMN password VARBINARY(4096)",
                "ALTER TABLE host ADD COLUMN tags VARCHAR(4000) DEFAULT '' NOT NULL",
                "ALTER TABLE host ADD COLUMN keepalive_seconds INT DEFAULT 0 NOT NULL",
                "ALTER TABLE host ADD COLUMN host_key_policy VARCHAR(20) DEFAULT 'ask' NOT NULL",
                "ALTER TABLE host ADD COLUMN legacy_algorithms BOOLEAN DEFAULT FALSE NOT NULL",
                "ALTER TABLE host ADD COLUMN notes VARCHAR(20000) DEFAULT '' NOT NULL",
                "CREATE INDEX host_group_id ON host(group_id)",
                "CREATE TABLE host_jump (host_id UUID NOT NULL REFERENCES host(id) ON DELETE CASCADE, position INT NOT NULL,"
                    + " jump_host_id UUID NOT NULL REFERENCES host(id) ON DELETE CASCADE, PRIMARY KEY (host_id, position))",
                "CREATE TABLE forward_profile (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                    + " host_id UUID NOT NULL REFERENCES host(id) ON DELETE CASCADE, autostart BOOLEAN DEFAULT FALSE NOT NULL)",
                "CREATE TABLE forward (profile_id UUID NOT NULL REFERENCES forward_profile(id) ON DELETE CASCADE,"
                    + " position INT NOT NULL, kind VARCHAR(10) NOT NULL, bind_address VARCHAR(255) NOT NULL,"
                    + " bind_port INT NOT NULL, target_host VARCHAR(255), target_port INT, PRIMARY KEY (profile_id, position))",
                "ALTER TABLE trusted_host_key ADD COLUMN id UUID DEFAULT RANDOM_UUID() NOT NULL",
                "ALTER TABLE trusted_host_key ADD COLUMN source VARCHAR(500) DEFAULT 'trusted on first connection' NOT NULL",
                "CREATE UNIQUE INDEX trusted_host_key_id ON trusted_host_key(id)",
                "CREATE TABLE setting (name VARCHAR(200) PRIMARY KEY, setting_value VARCHAR(20000) NOT NULL)"),
            // 3: team files: agent forwarding per host, keys with only their public half, what each import brought
            List.of(
                "ALTER TABLE host ADD COLUMN agent_forwarding BOOLEAN DEFAULT FALSE NOT NULL",
                "ALTER TABLE ssh_key ALTER COLUMN private_key SET NULL",
                "CREATE TABLE team_import (file_id UUID NOT NULL, entity_id UUID NOT NULL, entity_kind VARCHAR(20) NOT NULL,"
                    + " vault_id UUID NOT NULL, local_name VARCHAR(300), fingerprint VARCHAR(1000) NOT NULL,"
                    + " PRIMARY KEY (file_id, entity_id))"),
            // 4: every record authenticated: a MAC column and a sealing trigger on every table (RecordSeals)
            RecordSeals.sealingSql(List.of("host", "host_group", "ssh_key", "identity", "host_jump", "forward_profile", "forward",
                    "trusted_host_key", "setting", "team_import")));

    /** The first schema whose records carry a MAC; every migration from here on ends by sealing all rows again. */
    static final int SEALED_SINCE = 4;

    private Schema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** Brings the schema up to {@code target} (tests stop early to build an old vault). */
    static void migrate(Connection connection, int target) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
        }
        int current = currentVersion(connection);
        for (int version = current + 1; version <= target; version++) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(version - 1)) {
                    st.execute(sql);
                }
                if (version >= SEALED_SINCE) {
                    // The rows were checked before the migration (Vault.open); columns may have changed.
                    RecordSeals.sealAll(connection);
                }
                st.execute("DELETE FROM schema_version");
                st.execute("INSERT INTO schema_version VALUES (" + version + ")");
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw new SQLException("migration " + version + " failed: " + e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The schema version, 0 for an empty database; reads only (works on a read-only connection). */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SCHEMA_VERSION'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return 0;
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
