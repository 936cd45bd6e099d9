package dev.keyport.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Saved hosts. Blocking: call from a background thread. */
public final class HostRepository {

    static final String PASSWORD_FIELD = "host.password";
    private static final String COLUMNS = "id, name, address, port, username, auth_kind, auth_ref, group_id, identity_id,"
            + " tags, keepalive_seconds, host_key_policy, legacy_algorithms, notes";
    private final Db db;

    HostRepository(Db db) {
        this.db = db;
    }

    /** All hosts, sorted by name (case-insensitive). */
    public List<Host> list() throws VaultException {
        synchronized (db) {
            try {
                Connection c = db.connection();
                Map<UUID, List<UUID>> jumps = new HashMap<>();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT host_id, jump_host_id FROM host_jump ORDER BY host_id, position")) {
                    while (rs.next()) {
                        jumps.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                    }
                }
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM host ORDER BY LOWER(name), id")) {
                    List<Host> hosts = new ArrayList<>();
                    while (rs.next()) {
                        hosts.add(read(rs, jumps));
                    }
                    return hosts;
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read the saved hosts: " + e.getMessage(), e);
            }
        }
    }

    public Optional<Host> find(UUID id) throws VaultException {
        synchronized (db) {
            try {
                Connection c = db.connection();
                Map<UUID, List<UUID>> jumps = new HashMap<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT jump_host_id FROM host_jump WHERE host_id = ? ORDER BY position")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            jumps.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM host WHERE id = ?")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(read(rs, jumps)) : Optional.empty();
                    }
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read host " + id + ": " + e.getMessage(), e);
            }
        }
    }

    /** Adds a new host or replaces the one with the same id (a saved password is kept). */
    public void save(Host host) throws VaultException {
        saveAll(List.of(host));
    }

    /** Saves many hosts in one transaction (imports): all or none. */
    public void saveAll(List<Host> hosts) throws VaultException {
        synchronized (db) {
            try {
                db.inTransaction(c -> {
                    for (Host host : hosts) {
                        write(c, host);
                    }
                    return null;
                });
            } catch (SQLException e) {
                String what = hosts.size() == 1 ? "host " + hosts.get(0).name() : hosts.size() + " hosts";
                throw new VaultException("Cannot save " + what + ": " + e.getMessage(), e);
            }
        }
    }

    private static void write(Connection c, Host host) throws SQLException, VaultException {
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO host (" + COLUMNS + ", created_at) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " COALESCE((SELECT created_at FROM host WHERE id = ?), ?))")) {
            HostDetails d = host.details();
            ps.setObject(1, host.id());
            ps.setString(2, host.name());
            ps.setString(3, host.address());
            ps.setInt(4, host.port());
            ps.setString(5, host.username());
            ps.setString(6, host.auth().kind());
            ps.setString(7, authRef(host.auth()));
            ps.setObject(8, d.groupId().orElse(null));
            ps.setObject(9, d.identityId().orElse(null));
            ps.setString(10, String.join(",", d.tags()));
            ps.setInt(11, d.keepAliveSeconds());
            ps.setString(12, d.hostKeyPolicy().stored());
            ps.setBoolean(13, d.legacyAlgorithms());
            ps.setString(14, d.notes());
            ps.setObject(15, host.id());
            ps.setObject(16, OffsetDateTime.now());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM host_jump WHERE host_id = ?")) {
            ps.setObject(1, host.id());
            ps.executeUpdate();
        }
        List<UUID> chain = host.details().jumpChain();
        if (!chain.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO host_jump (host_id, position, jump_host_id) VALUES (?, ?, ?)")) {
                for (int i = 0; i < chain.size(); i++) {
                    if (chain.get(i).equals(host.id())) {
                        throw new VaultException("Host " + host.name() + " cannot jump through itself.");
                    }
                    ps.setObject(1, host.id());
                    ps.setInt(2, i);
                    ps.setObject(3, chain.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Removes a host; true when it existed. */
    public boolean delete(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM host WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new VaultException("Cannot delete host " + id + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Saves (encrypted per field) the password of a saved host; {@code null} removes it. The caller
     * keeps and wipes its array.
     */
    public void savePassword(UUID hostId, char[] password) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("UPDATE host SET password = ? WHERE id = ?")) {
                ps.setBytes(1, password == null ? null : db.fields().encryptChars(password, hostId, PASSWORD_FIELD));
                ps.setObject(2, hostId);
                if (ps.executeUpdate() == 0) {
                    throw new VaultException("Cannot save the password: host " + hostId + " does not exist.");
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot save the password of host " + hostId + ": " + e.getMessage(), e);
            }
        }
    }

    /** The saved password of a host, decrypted; the caller wipes it. */
    public Optional<char[]> password(UUID hostId) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("SELECT password FROM host WHERE id = ?")) {
                ps.setObject(1, hostId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    byte[] stored = rs.getBytes(1);
                    if (stored == null) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(db.fields().decryptChars(stored, hostId, PASSWORD_FIELD));
                    } finally {
                        Arrays.fill(stored, (byte) 0);
                    }
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read the password of host " + hostId + ": " + e.getMessage(), e);
            }
        }
    }

    private static String authRef(HostAuth auth) {
        if (auth instanceof HostAuth.KeyFile keyFile) {
            return keyFile.path();
        }
        if (auth instanceof HostAuth.Managed managed) {
            return managed.reference();
        }
        if (auth instanceof HostAuth.VaultKey key) {
            return key.keyId().toString();
        }
        return null;
    }

    private static Host read(ResultSet rs, Map<UUID, List<UUID>> jumps) throws SQLException {
        String kind = rs.getString("auth_kind");
        String ref = rs.getString("auth_ref");
        HostAuth auth;
        switch (kind) {
            case "key-file":
                auth = new HostAuth.KeyFile(ref);
                break;
            case "managed":
                auth = new HostAuth.Managed(ref);
                break;
            case "vault-key":
                auth = new HostAuth.VaultKey(UUID.fromString(ref));
                break;
            case "saved-password":
                auth = new HostAuth.SavedPassword();
                break;
            default:
                auth = new HostAuth.Password();
        }
        UUID id = rs.getObject("id", UUID.class);
        String tags = rs.getString("tags");
        HostDetails details = new HostDetails(
                Optional.ofNullable(rs.getObject("group_id", UUID.class)),
                Optional.ofNullable(rs.getObject("identity_id", UUID.class)),
                tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
                jumps.getOrDefault(id, List.of()),
                rs.getInt("keepalive_seconds"),
                HostKeyPolicy.fromStored(rs.getString("host_key_policy")),
                rs.getBoolean("legacy_algorithms"),
                rs.getString("notes"));
        return new Host(id, rs.getString("name"), rs.getString("address"), rs.getInt("port"), rs.getString("username"), auth, details);
    }
}
