package dev.keyport.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Saved hosts. Blocking: call from a background thread. */
public final class HostRepository {

    private final Connection connection;

    HostRepository(Connection connection) {
        this.connection = connection;
    }

    /** All hosts, sorted by name (case-insensitive). */
    public List<Host> list() throws VaultException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT id, name, address, port, username, auth_kind, auth_ref FROM host ORDER BY LOWER(name), id");
                 ResultSet rs = ps.executeQuery()) {
                List<Host> hosts = new ArrayList<>();
                while (rs.next()) {
                    hosts.add(read(rs));
                }
                return hosts;
            } catch (SQLException e) {
                throw new VaultException("Cannot read the saved hosts: " + e.getMessage(), e);
            }
        }
    }

    public Optional<Host> find(UUID id) throws VaultException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT id, name, address, port, username, auth_kind, auth_ref FROM host WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new VaultException("Cannot read host " + id + ": " + e.getMessage(), e);
            }
        }
    }

    /** Adds a new host or replaces the one with the same id. */
    public void save(Host host) throws VaultException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "MERGE INTO host (id, name, address, port, username, auth_kind, auth_ref, created_at)"
                            + " KEY (id) VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE((SELECT created_at FROM host WHERE id = ?), ?))")) {
                ps.setObject(1, host.id());
                ps.setString(2, host.name());
                ps.setString(3, host.address());
                ps.setInt(4, host.port());
                ps.setString(5, host.username());
                ps.setString(6, host.auth().kind());
                ps.setString(7, authRef(host.auth()));
                ps.setObject(8, host.id());
                ps.setObject(9, OffsetDateTime.now());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new VaultException("Cannot save host " + host.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Removes a host; true when it existed. */
    public boolean delete(UUID id) throws VaultException {
        synchronized (connection) {
            try (PreparedStatement ps = connection.prepareStatement("DELETE FROM host WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new VaultException("Cannot delete host " + id + ": " + e.getMessage(), e);
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
        return null;
    }

    private static Host read(ResultSet rs) throws SQLException {
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
            default:
                auth = new HostAuth.Password();
        }
        return new Host(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("address"),
                rs.getInt("port"), rs.getString("username"), auth);
    }
}
