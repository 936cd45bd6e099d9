package dev.keyport.vault;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Host groups (nested). Deleting a group deletes its subgroups; their hosts become ungrouped. Blocking. */
public final class GroupRepository {

    private final Db db;

    GroupRepository(Db db) {
        this.db = db;
    }

    public List<HostGroup> list() throws VaultException {
        return db.list("SELECT * FROM host_group ORDER BY LOWER(name), id", Db.Binder.NONE,
                rs -> new HostGroup(rs.getObject("id", UUID.class), rs.getString("name"),
                        Optional.ofNullable(rs.getObject("parent_id", UUID.class))),
                "Cannot read the host groups");
    }

    /** Adds or renames/moves a group; refuses to make a group its own ancestor. */
    public void save(HostGroup group) throws VaultException {
        synchronized (db) {
            if (group.parentId().isPresent()) {
                UUID cursor = group.parentId().get();
                List<HostGroup> all = list();
                for (int depth = 0; cursor != null && depth < 1000; depth++) {
                    if (cursor.equals(group.id())) {
                        throw new VaultException("Group " + group.name() + " cannot be placed inside itself.");
                    }
                    UUID current = cursor;
                    cursor = all.stream().filter(g -> g.id().equals(current)).findFirst().flatMap(HostGroup::parentId).orElse(null);
                }
            }
            db.update("MERGE INTO host_group (id, name, parent_id) KEY (id) VALUES (?, ?, ?)", ps -> {
                ps.setObject(1, group.id());
                ps.setString(2, group.name());
                ps.setObject(3, group.parentId().orElse(null));
            }, "Cannot save group " + group.name());
        }
    }

    public boolean delete(UUID id) throws VaultException {
        return db.update("DELETE FROM host_group WHERE id = ?", ps -> ps.setObject(1, id), "Cannot delete group " + id) > 0;
    }
}
