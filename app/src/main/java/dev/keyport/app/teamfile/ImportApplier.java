package dev.keyport.app.teamfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.keyport.app.teamfile.ImportPlanner.Decision;
import dev.keyport.app.teamfile.ImportPlanner.Match;
import dev.keyport.app.teamfile.ImportPlanner.PinDecision;
import dev.keyport.syncformat.Secret;
import dev.keyport.syncformat.TeamDocument;
import dev.keyport.vault.Host;
import dev.keyport.vault.ImportedEntity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.TrustedHostKey;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * Writes a planned import into the vault; the caller runs it inside one vault transaction. Each
 * entity of the file gets a place in the vault (its own id, the matched entity's, or a new id for a
 * copy), and every reference the file makes is rewritten to those places, so the entities written
 * refer to what the file meant.
 */
final class ImportApplier {

    /** What becomes of one entity of the file. */
    private enum Write { NOTHING, OVER, NEW }

    private record Placement(UUID target, Write write, String name, Optional<String> localName) {
    }

    private final Vault vault;
    private final UUID fileId;
    private final ImportPlanner planner;
    private final ImportPlanner.Result planned;
    private final VaultContents contents;
    private final ConflictChoice choice;
    private final String source;
    private final Map<Decision, Placement> placements = new HashMap<>();
    private final Map<UUID, UUID> ids = new HashMap<>();

    private ImportApplier(Vault vault, UUID fileId, ImportPlanner planner, ImportPlanner.Result planned, VaultContents contents,
                          ConflictChoice choice, String source) {
        this.vault = vault;
        this.fileId = fileId;
        this.planner = planner;
        this.planned = planned;
        this.contents = contents;
        this.choice = choice;
        this.source = source;
    }

    /**
     * Applies {@code planned} (made by {@code planner} against {@code contents}).
     *
     * @param source how the trusted keys' "from where" names the file
     */
    static ImportReport apply(Vault vault, UUID fileId, ImportPlanner planner, ImportPlanner.Result planned, VaultContents contents,
                              ConflictChoice choice, String source) throws VaultException {
        return new ImportApplier(vault, fileId, planner, planned, contents, choice, source).run();
    }

    private ImportReport run() throws VaultException {
        for (Decision d : planned.decisions()) {
            Placement p = place(d);
            placements.put(d, p);
            ids.put(d.fileId, p.target());
        }
        UnaryOperator<UUID> map = id -> ids.getOrDefault(id, id);
        List<Host> hosts = new ArrayList<>();
        List<Decision> hostDecisions = new ArrayList<>();
        List<Decision> groups = new ArrayList<>();
        for (Decision d : planned.decisions()) {
            Placement p = placements.get(d);
            if (p.write() == Write.NOTHING) {
                continue;
            }
            if (d.entity instanceof TeamDocument.Key key) {
                writeKey(key, p);
            } else if (d.entity instanceof TeamDocument.Identity identity) {
                vault.identities().saveDetails(TeamMapping.identity(identity, p.target(), p.name(), map));
                writePassword(identity.password(), chars -> vault.identities().savePassword(p.target(), chars));
            } else if (d.entity instanceof TeamDocument.Group) {
                groups.add(d);
            } else if (d.entity instanceof TeamDocument.Host) {
                hostDecisions.add(d);
            }
        }
        for (Decision d : ImportPlanner.TopologicalOrder.of(groups, g -> g.fileId,
                g -> ((TeamDocument.Group) g.entity).parent().map(List::of).orElse(List.of()))) {
            Placement p = placements.get(d);
            vault.groups().save(TeamMapping.group((TeamDocument.Group) d.entity, p.target(), p.name(), map));
        }
        // jump hosts before the hosts that jump through them (the vault refers to them by key)
        for (Decision d : ImportPlanner.TopologicalOrder.of(hostDecisions, h -> h.fileId,
                h -> ((TeamDocument.Host) h.entity).jumpChain())) {
            Placement p = placements.get(d);
            hosts.add(TeamMapping.host((TeamDocument.Host) d.entity, p.target(), p.name(), map));
        }
        Map<UUID, char[]> passwords = new HashMap<>();
        try {
            for (Decision d : hostDecisions) {
                TeamMapping.password((TeamDocument.Host) d.entity).ifPresent(p -> passwords.put(placements.get(d).target(), p.chars()));
            }
            vault.hosts().saveAll(hosts, passwords);
        } finally {
            passwords.values().forEach(p -> Arrays.fill(p, '\0'));
        }
        for (Decision d : planned.decisions()) {
            Placement p = placements.get(d);
            if (p.write() != Write.NOTHING && d.entity instanceof TeamDocument.TunnelProfile tunnel) {
                vault.forwardProfiles().save(TeamMapping.tunnel(tunnel, p.target(), p.name(), map));
            }
        }
        int[] pinCounts = writePins();
        remember(map);
        if (vault.settings().get(TeamFileService.FILE_ID_SETTING).isEmpty()) {
            vault.settings().put(TeamFileService.FILE_ID_SETTING, fileId.toString());
        }
        return report(pinCounts);
    }

    private Placement place(Decision d) {
        String fileName = d.name;
        // a copy made by an earlier import keeps the name it was given
        String keptName = d.localName.filter(local -> contentsName(d).equals(local)).orElse(fileName);
        switch (d.change) {
            case ADDED:
                return new Placement(d.fileId, Write.NEW, fileName, Optional.empty());
            case CHANGED:
                return new Placement(d.matched, Write.OVER, keptName, d.localName);
            case UNCHANGED:
                return new Placement(d.matched, Write.NOTHING, keptName, d.localName);
            default:
                break;
        }
        switch (choice) {
            case THEIRS:
                return new Placement(d.matched, Write.OVER, keptName, d.localName);
            case BOTH:
                String copyName = fileName + " (team)";
                UUID copy = d.via == Match.NAME ? d.fileId : UUID.randomUUID();
                return new Placement(copy, Write.NEW, copyName, Optional.of(copyName));
            default:
                return new Placement(d.matched, Write.NOTHING, keptName, d.localName);
        }
    }

    private String contentsName(Decision d) {
        return contents.find(d.type.kind(), d.matched).map(e -> entityName(d.type, e)).orElse("");
    }

    private static <T> String entityName(EntityType<T> type, Object entity) {
        return type.name(type.cast(entity));
    }

    private void writeKey(TeamDocument.Key key, Placement p) throws VaultException {
        KeyEntry existing = p.write() == Write.OVER ? contents.keys.get(p.target()) : null;
        KeyEntry entry = TeamMapping.key(key, p.target(), p.name(), existing != null ? existing.createdAt() : Instant.now());
        if (key.privateKey().isPresent()) {
            byte[] privateKey = key.privateKey().get().bytes();
            char[] passphrase = key.passphrase().map(Secret::chars).orElse(null);
            try {
                vault.keys().save(entry, privateKey, passphrase);
            } finally {
                Arrays.fill(privateKey, (byte) 0);
                if (passphrase != null) {
                    Arrays.fill(passphrase, '\0');
                }
            }
        } else if (existing != null && !blob(existing.publicKey()).equals(blob(key.publicKey()))) {
            // another key under the same id: the private half kept would not match it
            vault.keys().save(entry, null, null);
        } else {
            vault.keys().saveDetails(entry);
        }
    }

    private static String blob(String publicKeyLine) {
        String[] parts = publicKeyLine.strip().split("[ \t]+", 3);
        return parts.length > 1 ? parts[1] : "";
    }

    private interface PasswordWrite {
        void write(char[] password) throws VaultException;
    }

    private static void writePassword(Optional<Secret> secret, PasswordWrite write) throws VaultException {
        if (secret.isEmpty()) {
            return;
        }
        char[] chars = secret.get().chars();
        try {
            write.write(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** Trusts the new keys (and, with THEIRS, a file's key in place of the one it contradicts); [kept mine, taken theirs]. */
    private int[] writePins() throws VaultException {
        Set<UUID> pinIds = new HashSet<>();
        contents.trustedKeys.forEach(k -> pinIds.add(k.id()));
        int[] conflicts = new int[2];
        for (PinDecision pin : planned.pins()) {
            boolean take = pin.change == ChangeKind.ADDED || (pin.change == ChangeKind.CONFLICT && choice == ConflictChoice.THEIRS);
            if (pin.change == ChangeKind.CONFLICT) {
                conflicts[take ? 1 : 0]++;
            }
            if (!take) {
                continue;
            }
            for (TrustedHostKey contradicted : pin.contradicted) {
                vault.hostKeys().delete(contradicted.id());
                pinIds.remove(contradicted.id());
            }
            UUID id = pinIds.add(pin.pin.id()) ? pin.pin.id() : UUID.randomUUID();
            vault.hostKeys().add(TeamMapping.trustedKey(pin.pin, id, Instant.now(), source));
        }
        return conflicts;
    }

    /** Remembers, for the next import of this file, where each entity went and what the file said of it. */
    private void remember(UnaryOperator<UUID> map) throws VaultException {
        List<ImportedEntity> records = new ArrayList<>();
        for (Decision d : planned.decisions()) {
            Placement p = placements.get(d);
            Map<String, String> parts = new TreeMap<>();
            if (d.remembered != null && p.target().equals(d.matched)) {
                parts.putAll(d.remembered);
            }
            parts.putAll(planner.fileContent(d, map).parts());
            records.add(new ImportedEntity(fileId, d.fileId, d.type.kind().name(), p.target(), p.localName(), Content.format(parts)));
        }
        vault.teamImports().saveAll(records);
    }

    private ImportReport report(int[] pinConflicts) {
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        int conflicts = pinConflicts[0] + pinConflicts[1];
        for (Decision d : planned.decisions()) {
            switch (d.change) {
                case ADDED -> added++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
                default -> conflicts++;
            }
        }
        for (PinDecision pin : planned.pins()) {
            switch (pin.change) {
                case ADDED -> added++;
                case UNCHANGED -> unchanged++;
                default -> { }
            }
        }
        int entityConflicts = conflicts - pinConflicts[0] - pinConflicts[1];
        return switch (choice) {
            case MINE -> new ImportReport(added, changed, unchanged, conflicts, 0, 0);
            case THEIRS -> new ImportReport(added, changed, unchanged, pinConflicts[0], entityConflicts + pinConflicts[1], 0);
            case BOTH -> new ImportReport(added, changed, unchanged, pinConflicts[0], pinConflicts[1], entityConflicts);
        };
    }
}
