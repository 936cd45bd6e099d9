package dev.keyport.vault;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

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
        String failed = "Cannot read the port-forward profiles";
        synchronized (db) {
            try {
                Map<UUID, List<ForwardProfile.Forward>> forwards = db.list(
                        "SELECT * FROM forward ORDER BY profile_id, position",
                        Db.Binder.NONE, rs -> Map.entry(rs.getObject("profile_id", UUID.class), new ForwardProfile.Forward(
                                ForwardProfile.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("bind_address"),
                                rs.getInt("bind_port"), rs.getString("target_host"), rs.getInt("target_port"))), failed)
                        .stream().collect(groupingBy(Map.Entry::getKey, mapping(Map.Entry::getValue, toList())));
                return db.list("SELECT * FROM forward_profile ORDER BY LOWER(name), id", Db.Binder.NONE,
                        rs -> {
                            UUID id = rs.getObject("id", UUID.class);
                            return new ForwardProfile(id, rs.getString("name"), rs.getObject("host_id", UUID.class), rs.getBoolean("autostart"),
                                    forwards.getOrDefault(id, List.of()));
                        }, failed);
            } catch (IllegalArgumentException e) {
                throw new VaultException(failed + ": " + e.getMessage(), e);
            }
        }
    }

    public void save(ForwardProfile profile) throws VaultException {
        db.transaction(c -> {
            Db.execute(c, "MERGE INTO forward_profile (id, name, host_id, autostart) KEY (id) VALUES (?, ?, ?, ?)", ps -> {
                ps.setObject(1, profile.id());
                ps.setString(2, profile.name());
                ps.setObject(3, profile.hostId());
                ps.setBoolean(4, profile.autostart());
            });
            Db.execute(c, "DELETE FROM forward WHERE profile_id = ?", ps -> ps.setObject(1, profile.id()));
            Db.executeBatch(c, "INSERT INTO forward (profile_id, position, kind, bind_address, bind_port, target_host, target_port)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
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
                    });
            return null;
        }, "Cannot save port-forward profile " + profile.name());
    }

    public boolean delete(UUID id) throws VaultException {
        return db.update("DELETE FROM forward_profile WHERE id = ?", ps -> ps.setObject(1, id),
                "Cannot delete port-forward profile " + id) > 0;
    }
}
