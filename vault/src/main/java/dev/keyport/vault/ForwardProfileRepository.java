package dev.keyport.vault;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Port-forward profiles and their forwards. Blocking. */
public final class ForwardProfileRepository {

    private final Db db;

    ForwardProfileRepository(Db db) {
        this.db = db;
    }

    public List<ForwardProfile> list() throws VaultException {
        synchronized (db) {
            try {
                Map<UUID, List<ForwardProfile.Forward>> forwards = new LinkedHashMap<>();
                try (PreparedStatement ps = db.connection().prepareStatement(
                        "SELECT profile_id, kind, bind_address, bind_port, target_host, target_port FROM forward ORDER BY profile_id, position");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        forwards.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ForwardProfile.Forward(
                                ForwardProfile.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(3), rs.getInt(4),
                                rs.getString(5), rs.getInt(6)));
                    }
                }
                List<ForwardProfile> profiles = new ArrayList<>();
                try (PreparedStatement ps = db.connection().prepareStatement(
                        "SELECT id, name, host_id, autostart FROM forward_profile ORDER BY LOWER(name), id");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        profiles.add(new ForwardProfile(id, rs.getString(2), rs.getObject(3, UUID.class), rs.getBoolean(4),
                                forwards.getOrDefault(id, List.of())));
                    }
                }
                return profiles;
            } catch (SQLException | IllegalArgumentException e) {
                throw new VaultException("Cannot read the port-forward profiles: " + e.getMessage(), e);
            }
        }
    }

    public void save(ForwardProfile profile) throws VaultException {
        synchronized (db) {
            try {
                db.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement(
                            "MERGE INTO forward_profile (id, name, host_id, autostart) KEY (id) VALUES (?, ?, ?, ?)")) {
                        ps.setObject(1, profile.id());
                        ps.setString(2, profile.name());
                        ps.setObject(3, profile.hostId());
                        ps.setBoolean(4, profile.autostart());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM forward WHERE profile_id = ?")) {
                        ps.setObject(1, profile.id());
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO forward (profile_id, position, kind, bind_address,"
                            + " bind_port, target_host, target_port) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                        int position = 0;
                        for (ForwardProfile.Forward f : profile.forwards()) {
                            ps.setObject(1, profile.id());
                            ps.setInt(2, position++);
                            ps.setString(3, f.kind().name().toLowerCase(Locale.ROOT));
                            ps.setString(4, f.bindAddress());
                            ps.setInt(5, f.bindPort());
                            ps.setString(6, f.targetHost());
                            ps.setInt(7, f.targetPort());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
            } catch (SQLException e) {
                throw new VaultException("Cannot save port-forward profile " + profile.name() + ": " + e.getMessage(), e);
            }
        }
    }

    public boolean delete(UUID id) throws VaultException {
        synchronized (db) {
            try (PreparedStatement ps = db.connection().prepareStatement("DELETE FROM forward_profile WHERE id = ?")) {
                ps.setObject(1, id);
                return ps.executeUpdate() > 0;
            } catch (SQLException e) {
                throw new VaultException("Cannot delete port-forward profile " + id + ": " + e.getMessage(), e);
            }
        }
    }
}
