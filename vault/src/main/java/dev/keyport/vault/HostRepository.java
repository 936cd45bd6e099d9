package dev.keyport.vault;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Saved hosts. Blocking: call from a background thread. */
public final class HostRepository {

    static final String PASSWORD_FIELD = "host.password";
    private static final String COLUMNS = "id, name, address, port, username, auth_kind, auth_ref, group_id, identity_id,"
            + " tags, keepalive_seconds, host_key_policy, legacy_algorithms, notes, agent_forwarding";
    private final Db db;

    HostRepository(Db db) {
        this.db = db;
    }

    /** All hosts, sorted by name (case-insensitive). */
    public List<Host> list() throws VaultException {
        String failed = "Cannot read the saved hosts";
        synchronized (db) {
            Map<UUID, List<UUID>> jumps = db.list("SELECT * FROM host_jump ORDER BY host_id, position", Db.Binder.NONE,
                            rs -> Map.entry(rs.getObject("host_id", UUID.class), rs.getObject("jump_host_id", UUID.class)), failed)
                    .stream().collect(groupingBy(Map.Entry::getKey, mapping(Map.Entry::getValue, toList())));
            return db.list("SELECT * FROM host ORDER BY LOWER(name), id", Db.Binder.NONE, rs -> read(rs, jumps), failed);
        }
    }

    public Optional<Host> find(UUID id) throws VaultException {
        String failed = "Cannot read host " + id;
        synchronized (db) {
            List<UUID> chain = db.list("SELECT * FROM host_jump WHERE host_id = ? ORDER BY position",
                    ps -> ps.setObject(1, id), rs -> rs.getObject("jump_host_id", UUID.class), failed);
            return db.one("SELECT * FROM host WHERE id = ?", ps -> ps.setObject(1, id), rs -> read(rs, Map.of(id, chain)), failed);
        }
    }

    /** Adds a new host or replaces the one with the same id (a saved password is kept). */
    public void save(Host host) throws VaultException {
        saveAll(List.of(host));
    }

    /** Saves many hosts in one transaction (imports): all or none. */
    public void saveAll(List<Host> hosts) throws VaultException {
        saveAll(hosts, Map.of());
    }

    /**
     * Saves many hosts in one transaction, all or none, and with them the passwords given by host id
     * (encrypted per field; a host not in {@code passwords} keeps its own). The caller wipes the arrays.
     */
    public void saveAll(List<Host> hosts, Map<UUID, char[]> passwords) throws VaultException {
        String what = hosts.size() == 1 ? "host " + hosts.get(0).name() : hosts.size() + " hosts";
        db.transaction(c -> {
            for (Host host : hosts) {
                write(c, host, passwords.get(host.id()));
            }
            return null;
        }, "Cannot save " + what);
    }

    private void write(Connection c, Host host, char[] password) throws SQLException, VaultException {
        // the password goes in the same statement: a second UPDATE of each row costs an import as much again
        String passwordColumn = password != null ? ", password" : "";
        Db.execute(c, "MERGE INTO host (" + COLUMNS + passwordColumn + ", created_at) KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?," + (password != null ? " ?," : "") + " COALESCE((SELECT created_at FROM host WHERE id = ?), ?))", ps -> {
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
                    ps.setBoolean(15, d.agentForwarding());
                    int next = 16;
                    if (password != null) {
                        ps.setBytes(next++, db.encryptChars(password, host.id(), PASSWORD_FIELD));
                    }
                    ps.setObject(next++, host.id());
                    ps.setObject(next, OffsetDateTime.now());
                });
        Db.execute(c, "DELETE FROM host_jump WHERE host_id = ?", ps -> ps.setObject(1, host.id()));
        List<UUID> chain = host.details().jumpChain();
        if (!chain.isEmpty()) {
            Db.executeBatch(c, "INSERT INTO host_jump (host_id, position, jump_host_id) VALUES (?, ?, ?)", ps -> {
                for (int i = 0; i < chain.size(); i++) {
                    if (chain.get(i).equals(host.id())) {
                        throw new VaultException("Host " + host.name() + " cannot jump through itself.");
                    }
                    ps.setObject(1, host.id());
                    ps.setInt(2, i);
                    ps.setObject(3, chain.get(i));
                    ps.addBatch();
                }
            });
        }
    }

    /** Removes a host; true when it existed. */
    public boolean delete(UUID id) throws VaultException {
        return db.update("DELETE FROM host WHERE id = ?", ps -> ps.setObject(1, id), "Cannot delete host " + id) > 0;
    }

    /**
     * Saves (encrypted per field) the password of a saved host; {@code null} removes it. The caller
     * keeps and wipes its array.
     */
    public void savePassword(UUID hostId, char[] password) throws VaultException {
        db.saveSecret("host", "password", hostId, password, PASSWORD_FIELD);
    }

    /** The saved password of a host, decrypted; the caller wipes it. */
    public Optional<char[]> password(UUID hostId) throws VaultException {
        return db.one("SELECT * FROM host WHERE id = ?", ps -> ps.setObject(1, hostId),
                rs -> db.decryptChars(rs.getBytes("password"), hostId, PASSWORD_FIELD), "Cannot read the password of host " + hostId);
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
            case "agent":
                auth = new HostAuth.Agent();
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
                rs.getString("notes"),
                rs.getBoolean("agent_forwarding"));
        return new Host(id, rs.getString("name"), rs.getString("address"), rs.getInt("port"), rs.getString("username"), auth, details);
    }
}
