package dev.keyport.app.teamfile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import dev.keyport.syncformat.Secret;
import dev.keyport.syncformat.TeamDocument;
import dev.keyport.app.openssh.ServerKeys;
import dev.keyport.vault.ImportedEntity;
import dev.keyport.vault.TrustedHostKey;
import dev.keyport.vault.VaultException;

/**
 * Compares a team file with the vault, entity by entity, without changing anything (see "Importing"
 * in docs/team-file.md): which vault entity each one is (by what the last import of this file
 * remembered, else by id, else by name), and whether importing it adds, updates, leaves or conflicts.
 */
final class ImportPlanner {

    /** How a file's entity was found in the vault. */
    enum Match { NONE, HISTORY, ID, NAME }

    /** One entity of the file and what to do with it. */
    static final class Decision {
        final EntityType<?> type;
        final Object entity;
        final UUID fileId;
        final String name;
        UUID matched;
        Match via = Match.NONE;
        Optional<String> localName = Optional.empty();
        /** What the last import of this file brought for it (parts of {@link Content}), when it brought it to {@link #matched}. */
        Map<String, String> remembered;
        boolean removedSinceImport;
        ChangeKind change;
        String detail = "";

        Decision(EntityType<?> type, Object entity) {
            this.type = type;
            this.entity = entity;
            this.fileId = id(type, entity);
            this.name = name(type, entity);
        }

        private static <T> UUID id(EntityType<T> type, Object entity) {
            return type.id(type.cast(entity));
        }

        private static <T> String name(EntityType<T> type, Object entity) {
            return type.name(type.cast(entity));
        }

        String signature() {
            return type.kind() + " " + fileId + " " + change + " " + matched + " " + via;
        }
    }

    /** One server key of the file. */
    static final class PinDecision {
        final TeamDocument.TrustedHostKey pin;
        final String name;
        final List<TrustedHostKey> contradicted;
        final ChangeKind change;
        final String detail;

        PinDecision(TeamDocument.TrustedHostKey pin, List<TrustedHostKey> contradicted, ChangeKind change, String detail) {
            this.pin = pin;
            this.name = pin.host() + ":" + pin.port() + " " + pin.keyType();
            this.contradicted = List.copyOf(contradicted);
            this.change = change;
            this.detail = detail;
        }

        String signature() {
            return EntityKind.TRUSTED_HOST_KEY + " " + pin.id() + " " + change;
        }
    }

    /** The whole comparison. */
    record Result(List<Decision> decisions, List<PinDecision> pins, List<String> newlyTrusted, List<String> warnings) {

        List<String> signature() {
            List<String> lines = new ArrayList<>();
            decisions.forEach(d -> lines.add(d.signature()));
            pins.forEach(p -> lines.add(p.signature()));
            return lines;
        }

        List<PlannedChange> changes() {
            List<PlannedChange> changes = new ArrayList<>();
            decisions.forEach(d -> changes.add(new PlannedChange(d.type.kind(), d.fileId, d.name, d.change, d.detail)));
            pins.forEach(p -> changes.add(new PlannedChange(EntityKind.TRUSTED_HOST_KEY, p.pin.id(), p.name, p.change, p.detail)));
            changes.sort(Comparator.comparing(PlannedChange::entity)
                    .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)).thenComparing(PlannedChange::id));
            return changes;
        }
    }

    private final TeamDocument document;
    private final VaultContents vault;
    private final Map<UUID, ImportedEntity> history = new HashMap<>();
    /** File id to the vault id it stands for while planning: the matched entity, else itself (added). */
    private final Map<UUID, UUID> planIds = new HashMap<>();
    private final Map<UUID, String> fileNames = new HashMap<>();

    private ImportPlanner(TeamDocument document, VaultContents vault, List<ImportedEntity> history) {
        this.document = document;
        this.vault = vault;
        history.forEach(h -> this.history.put(h.entityId(), h));
    }

    private Result result;

    /** Compares; reads secrets from the vault where the file carries them, changes nothing. */
    static Result plan(TeamDocument document, VaultContents vault, List<ImportedEntity> history) throws VaultException {
        return planner(document, vault, history).result();
    }

    /** A planner that has compared (its {@link #result()}), for an import that goes on to write. */
    static ImportPlanner planner(TeamDocument document, VaultContents vault, List<ImportedEntity> history) throws VaultException {
        ImportPlanner planner = new ImportPlanner(document, vault, history);
        planner.result = planner.run();
        return planner;
    }

    Result result() {
        return result;
    }

    private Result run() throws VaultException {
        List<Decision> decisions = new ArrayList<>();
        for (EntityType<?> type : EntityType.ALL) {
            decisions.addAll(match(type));
        }
        for (Decision d : decisions) {
            classify(d);
        }
        List<String> newlyTrusted = new ArrayList<>();
        List<PinDecision> pins = pins(newlyTrusted);
        return new Result(decisions, pins, newlyTrusted, warnings(decisions));
    }

    /** The vault id a file id stands for while planning. */
    UnaryOperator<UUID> planIds() {
        return id -> planIds.getOrDefault(id, id);
    }

    private <T> List<Decision> match(EntityType<T> type) {
        EntityKind kind = type.kind();
        List<Decision> decisions = new ArrayList<>();
        Set<UUID> claimed = new HashSet<>();
        for (T entity : type.of(document)) {
            Decision d = new Decision(type, entity);
            fileNames.put(d.fileId, d.name);
            ImportedEntity earlier = history.get(d.fileId);
            boolean remembered = earlier != null && earlier.kind().equals(kind.name());
            if (remembered && vault.find(kind, earlier.vaultId()).isPresent()) {
                d.matched = earlier.vaultId();
                d.via = Match.HISTORY;
                d.localName = earlier.localName();
            } else if (vault.find(kind, d.fileId).isPresent()) {
                d.matched = d.fileId;
                d.via = Match.ID;
            } else {
                d.removedSinceImport = remembered;
            }
            if (remembered && d.matched != null && d.matched.equals(earlier.vaultId())) {
                d.remembered = Content.parse(earlier.fingerprint());
            }
            if (d.matched != null) {
                claimed.add(d.matched);
                planIds.put(d.fileId, d.matched);
            }
            decisions.add(d);
        }
        // the same name (a group's among its siblings, a key's fingerprint) with another id: parents first
        Map<String, List<UUID>> byName = new LinkedHashMap<>();
        vault.all(kind).forEach((id, entity) -> byName.computeIfAbsent(type.sameThing(type.cast(entity), UnaryOperator.identity()),
                k -> new ArrayList<>()).add(id));
        for (Decision d : parentsFirst(decisions, type)) {
            if (d.matched != null) {
                continue;
            }
            String key = type.sameThing(type.cast(d.entity), planIds());
            Optional<UUID> same = byName.getOrDefault(key, List.of()).stream().filter(id -> !claimed.contains(id)).findFirst();
            if (same.isPresent()) {
                d.matched = same.get();
                d.via = Match.NAME;
                claimed.add(d.matched);
                planIds.put(d.fileId, d.matched);
            }
        }
        return decisions;
    }

    /** Groups with their parent groups first (a group's name clash depends on its parent's). */
    private static List<Decision> parentsFirst(List<Decision> decisions, EntityType<?> type) {
        if (type != EntityType.GROUP) {
            return decisions;
        }
        return TopologicalOrder.of(decisions, d -> d.fileId,
                d -> ((TeamDocument.Group) d.entity).parent().map(List::of).orElse(List.of()));
    }

    private void classify(Decision d) throws VaultException {
        Content file = fileContent(d, planIds());
        String label = d.type.label();
        if (d.matched == null) {
            d.change = ChangeKind.ADDED;
            d.detail = d.removedSinceImport ? "removed here after an earlier import of this file; added again" : "";
            return;
        }
        Object mine = vault.find(d.type.kind(), d.matched).orElseThrow();
        String myName = Decision.name(d.type, mine);
        Content vaultContent = vaultContent(d.type, mine, d.matched, file.secretNames());
        if (d.localName.isPresent() && d.localName.get().equals(myName)) {
            vaultContent = vaultContent.withName(d.name);
        }
        Map<String, String> vaultParts = vaultContent.parts();
        String differences = vaultContent.differences(file);
        if (vaultParts.equals(file.parts())) {
            d.change = ChangeKind.UNCHANGED;
            d.detail = d.via == Match.NAME ? "the same as your " + label + " " + myName + " (which has another id)" : "";
        } else if (d.via == Match.NAME) {
            d.change = ChangeKind.CONFLICT;
            d.detail = "your " + label + " " + myName + " has " + sameThingText(d) + " but another id: " + differences;
        } else if (d.remembered == null) {
            d.change = ChangeKind.CONFLICT;
            d.detail = differences + " (your " + label + " with this id did not come from this file)";
        } else if (Content.agree(vaultParts, d.remembered, file)) {
            d.change = ChangeKind.CHANGED;
            d.detail = differences;
        } else if (Content.agree(file.parts(), d.remembered, file)) {
            d.change = ChangeKind.UNCHANGED;
            d.detail = "changed here since the last import (" + differences + "); the file still has what it brought then, so yours stays";
        } else {
            d.change = ChangeKind.CONFLICT;
            d.detail = differences + " (changed here too since the last import)";
        }
    }

    private static <T> String sameThingText(Decision d) {
        @SuppressWarnings("unchecked")
        EntityType<T> type = (EntityType<T>) d.type;
        return type.sameThingText(type.cast(d.entity));
    }

    /** The file's entity as the vault would hold it, references through {@code ids}, with the secrets it carries. */
    Content fileContent(Decision d, UnaryOperator<UUID> ids) {
        return fileContent(d.type, d.entity, ids);
    }

    private <T> Content fileContent(EntityType<T> type, Object entity, UnaryOperator<UUID> ids) {
        T e = type.cast(entity);
        Map<String, String> secrets = new HashMap<>();
        for (Map.Entry<String, Secret> s : type.secrets(e).entrySet()) {
            byte[] value = s.getValue().bytes();
            try {
                secrets.put(s.getKey(), Content.secretDigest(s.getKey(), value));
            } finally {
                java.util.Arrays.fill(value, (byte) 0);
            }
        }
        return new Content(type.fields(e, ids, this::nameOf), secrets);
    }

    private <T> Content vaultContent(EntityType<T> type, Object entity, UUID id, Set<String> secretNames) throws VaultException {
        Map<String, String> secrets = new HashMap<>();
        for (String name : secretNames) {
            secrets.put(name, vault.secretDigest(type.kind(), id, name));
        }
        return new Content(type.fields(type.cast(entity), UnaryOperator.identity(), this::nameOf), secrets);
    }

    /** A vault id's name: the vault's entity, else the file's entity that will be added under it. */
    private String nameOf(EntityKind kind, UUID id) {
        Optional<Object> entity = vault.find(kind, id);
        if (entity.isPresent()) {
            EntityType<?> type = EntityType.ALL.stream().filter(t -> t.kind() == kind).findFirst().orElseThrow();
            return Decision.name(type, entity.get());
        }
        return fileNames.getOrDefault(id, id.toString());
    }

    private List<PinDecision> pins(List<String> newlyTrusted) {
        List<PinDecision> pins = new ArrayList<>();
        for (TeamDocument.TrustedHostKey pin : document.trustedHostKeys()) {
            List<TrustedHostKey> pinned = vault.trustedKeys(pin.host(), pin.port());
            String where = pin.host() + ":" + pin.port();
            if (pinned.stream().anyMatch(k -> k.keyData().equals(pin.key()))) {
                pins.add(new PinDecision(pin, List.of(), ChangeKind.UNCHANGED, ""));
                continue;
            }
            List<TrustedHostKey> contradicted = pinned.stream().filter(k -> k.keyType().equals(pin.keyType())).toList();
            if (contradicted.isEmpty()) {
                pins.add(new PinDecision(pin, List.of(), ChangeKind.ADDED, ""));
                newlyTrusted.add(where + " " + pin.keyType() + " " + fingerprint(pin.keyType(), pin.key()));
            } else {
                pins.add(new PinDecision(pin, contradicted, ChangeKind.CONFLICT, "you trust another " + pin.keyType() + " key for "
                        + where + " (" + fingerprint(pin.keyType(), contradicted.get(0).keyData()) + "); the file's is "
                        + fingerprint(pin.keyType(), pin.key()) + ". It is not trusted unless you take the file's"));
            }
        }
        return pins;
    }

    static String fingerprint(String type, String base64) {
        return ServerKeys.fingerprint(type, base64);
    }

    private List<String> warnings(List<Decision> decisions) throws VaultException {
        List<String> publicOnly = new ArrayList<>();
        List<String> askPassword = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.entity instanceof TeamDocument.Key key && key.privateKey().isEmpty()
                    && (d.matched == null || !vault.keys.containsKey(d.matched) || vaultLacksPrivateKey(d.matched))) {
                publicOnly.add(key.name());
            }
            if (d.entity instanceof TeamDocument.Host host && d.matched == null
                    && host.auth() instanceof TeamDocument.Auth.SavedPassword saved && saved.password().isEmpty()) {
                askPassword.add(host.name());
            }
        }
        List<String> warnings = new ArrayList<>();
        if (!publicOnly.isEmpty()) {
            warnings.add(count(publicOnly.size(), "key comes", "keys come") + " without a private half (the file carries no"
                    + " secrets), so hosts cannot log in with them until it is imported: " + names(publicOnly));
        }
        if (!askPassword.isEmpty()) {
            warnings.add(count(askPassword.size(), "host has", "hosts have") + " a saved password that the file does not carry;"
                    + " Keyport asks for it when connecting: " + names(askPassword));
        }
        return warnings;
    }

    private boolean vaultLacksPrivateKey(UUID id) throws VaultException {
        return Content.NONE.equals(vault.secretDigest(EntityKind.KEY, id, EntityType.PRIVATE_KEY));
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String names(List<String> names) {
        List<String> sorted = names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        return sorted.size() <= 10 ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, 10)) + " and " + (sorted.size() - 10) + " more";
    }

    /** An order in which what an item depends on (within the list) comes before it; iterative, so any depth works. */
    static final class TopologicalOrder {
        private TopologicalOrder() {
        }

        static <T> List<T> of(List<T> items, Function<T, UUID> id, Function<T, List<UUID>> dependsOn) {
            Map<UUID, T> byId = new LinkedHashMap<>();
            items.forEach(i -> byId.put(id.apply(i), i));
            List<T> ordered = new ArrayList<>(items.size());
            Set<UUID> seen = new HashSet<>();
            java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
            for (T root : items) {
                if (!seen.add(id.apply(root))) {
                    continue;
                }
                stack.push(new Object[] {root, dependsOn.apply(root).iterator()});
                while (!stack.isEmpty()) {
                    Object[] top = stack.peek();
                    @SuppressWarnings("unchecked")
                    java.util.Iterator<UUID> next = (java.util.Iterator<UUID>) top[1];
                    if (next.hasNext()) {
                        T dependency = byId.get(next.next());
                        if (dependency != null && seen.add(id.apply(dependency))) {
                            stack.push(new Object[] {dependency, dependsOn.apply(dependency).iterator()});
                        }
                    } else {
                        stack.pop();
                        @SuppressWarnings("unchecked")
                        T done = (T) top[0];
                        ordered.add(done);
                    }
                }
            }
            return ordered;
        }
    }
}
