package dev.keyport.app.ui.hosts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.keyport.app.services.HostService;
import dev.keyport.vault.Fields;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;

/**
 * The host editor (New host and Edit host): every stored field, each with its own error, all shown
 * at once. Field rules are {@link Fields}'; a key file is checked on the background executor (it
 * touches the file system). Saves nothing itself: {@link #result} makes the {@link Draft}.
 */
public final class HostEditorViewModel {

    /** How the host logs in. */
    public enum Login {
        VAULT_KEY("Key from the vault"), KEY_FILE("Key file"), IDENTITY("Identity"), SAVED_PASSWORD("Password saved in the vault"),
        ASK_PASSWORD("Password, asked each time"), AGENT("SSH agent only"), MANAGED("Keyport's own key");

        private final String label;

        Login(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What the editor produced: the host, the groups to create first (parents first; the host's group
     * id is the last of them), and the password typed to be saved (the receiver wipes it), or null.
     */
    public record Draft(Host host, List<HostGroup> newGroups, char[] password) {
        @Override
        public String toString() {
            return "Draft[" + host + ", " + newGroups.size() + " new groups" + (password == null ? "" : ", password saved") + "]";
        }
    }

    private final HostService.Choices choices;
    private final Host existing;
    private final Executor background;
    private final Executor ui;
    private final boolean hadSavedPassword;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<Login> login = new SimpleObjectProperty<>(Login.ASK_PASSWORD);
    private final ObjectProperty<KeyEntry> vaultKey = new SimpleObjectProperty<>();
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final ObjectProperty<Identity> identity = new SimpleObjectProperty<>();
    private final BooleanProperty passwordTyped = new SimpleBooleanProperty(false);
    private final ObservableList<Host> jumpChain = FXCollections.observableArrayList();
    private final ObservableList<Host> jumpCandidates = FXCollections.observableArrayList();
    private final ObjectProperty<HostKeyPolicy> hostKeyPolicy = new SimpleObjectProperty<>(HostKeyPolicy.ASK);
    private final StringProperty keepAlive = new SimpleStringProperty("0");
    private final BooleanProperty agentForwarding = new SimpleBooleanProperty(false);
    private final BooleanProperty legacyAlgorithms = new SimpleBooleanProperty(false);
    private final ObservableList<Login> logins = FXCollections.observableArrayList();
    private final ObservableList<String> groupPaths = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper keyFileError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checkingKeyFile = new ReadOnlyBooleanWrapper(false);
    private final StringBinding nameError;
    private final StringBinding addressError;
    private final StringBinding portError;
    private final StringBinding userError;
    private final StringBinding groupError;
    private final StringBinding tagsError;
    private final StringBinding notesError;
    private final StringBinding loginError;
    private final StringBinding jumpError;
    private final StringBinding keepAliveError;
    private final BooleanBinding valid;
    private final Map<String, HostGroup> groupsByPath = new HashMap<>();
    private long keyFileCheck;

    /**
     * @param choices     what can be picked (groups, keys, identities, other hosts)
     * @param existing    the host edited, or null for a new one
     * @param defaultUser the user name offered for a new host (the local one)
     */
    public HostEditorViewModel(HostService.Choices choices, Host existing, String defaultUser, Executor background, Executor ui) {
        this(choices, existing, defaultUser, HostKeyPolicy.ASK, background, ui);
    }

    /**
     * @param choices       what can be picked (groups, keys, identities, other hosts)
     * @param existing      the host edited, or null for a new one
     * @param defaultUser   the user name offered for a new host (the local one)
     * @param defaultPolicy the host-key policy a new host starts with (the one chosen in Settings); an
     *                      existing host keeps its own
     */
    public HostEditorViewModel(HostService.Choices choices, Host existing, String defaultUser, HostKeyPolicy defaultPolicy,
                               Executor background, Executor ui) {
        this.choices = choices;
        this.existing = existing;
        this.background = background;
        this.ui = ui;
        this.hadSavedPassword = existing != null && existing.auth() instanceof HostAuth.SavedPassword;
        HostTree tree = new HostTree(new HostService.Catalog(List.of(), choices.groups(), List.of()));
        for (HostGroup g : choices.groups()) {
            groupsByPath.put(tree.path(g.id()), g);
            groupPaths.add(tree.path(g.id()));
        }
        groupPaths.sort(String.CASE_INSENSITIVE_ORDER);
        logins.setAll(Login.VAULT_KEY, Login.KEY_FILE, Login.IDENTITY, Login.SAVED_PASSWORD, Login.ASK_PASSWORD, Login.AGENT);
        if (existing == null) {
            user.set(defaultUser == null ? "" : defaultUser);
            hostKeyPolicy.set(defaultPolicy == null ? HostKeyPolicy.ASK : defaultPolicy);
            address.addListener((obs, old, text) -> {
                if (name.get().isEmpty() || name.get().equals(old)) {
                    name.set(text);
                }
            });
        } else {
            load(existing, tree);
        }
        nameError = error(() -> Fields.checkName("Name", name.get()), name);
        addressError = error(() -> checkAddress(address.get()), address);
        portError = error(() -> checkPort(port.get()), port);
        userError = error(() -> login.get() == Login.IDENTITY ? Optional.empty() : Fields.checkUser(user.get()), user, login);
        groupError = error(() -> checkGroup(group.get()), group);
        tagsError = error(() -> checkTags(tags.get()), tags);
        notesError = error(() -> Fields.checkNotes(notes.get()), notes);
        loginError = error(this::checkLogin, login, vaultKey, identity, keyFileError, passwordTyped);
        jumpError = error(this::checkJumps, jumpChain);
        keepAliveError = error(() -> checkKeepAlive(keepAlive.get()), keepAlive);
        valid = Bindings.createBooleanBinding(() -> !checkingKeyFile.get() && errors().stream().allMatch(String::isEmpty),
                nameError, addressError, portError, userError, groupError, tagsError, notesError, loginError, jumpError, keepAliveError,
                checkingKeyFile);
        keyFile.addListener((obs, old, text) -> checkKeyFile());
        login.addListener((obs, old, now) -> checkKeyFile());
        jumpChain.addListener((javafx.collections.ListChangeListener<Host>) c -> updateCandidates());
        updateCandidates();
        checkKeyFile();
    }

    private void load(Host host, HostTree tree) {
        name.set(host.name());
        address.set(host.address());
        port.set(Integer.toString(host.port()));
        user.set(host.username());
        HostDetails d = host.details();
        group.set(d.groupId().map(tree::path).orElse(""));
        tags.set(String.join(", ", d.tags()));
        notes.set(d.notes());
        hostKeyPolicy.set(d.hostKeyPolicy());
        keepAlive.set(Integer.toString(d.keepAliveSeconds()));
        agentForwarding.set(d.agentForwarding());
        legacyAlgorithms.set(d.legacyAlgorithms());
        for (UUID hop : d.jumpChain()) {
            choices.hosts().stream().filter(h -> h.id().equals(hop)).findFirst().ifPresent(jumpChain::add);
        }
        if (d.identityId().isPresent()) {
            login.set(Login.IDENTITY);
            identity.set(choices.identities().stream().filter(i -> i.id().equals(d.identityId().get())).findFirst().orElse(null));
        } else if (host.auth() instanceof HostAuth.VaultKey key) {
            login.set(Login.VAULT_KEY);
            vaultKey.set(choices.keys().stream().filter(k -> k.id().equals(key.keyId())).findFirst().orElse(null));
        } else if (host.auth() instanceof HostAuth.KeyFile file) {
            login.set(Login.KEY_FILE);
            keyFile.set(file.path());
        } else if (host.auth() instanceof HostAuth.SavedPassword) {
            login.set(Login.SAVED_PASSWORD);
        } else if (host.auth() instanceof HostAuth.Agent) {
            login.set(Login.AGENT);
        } else if (host.auth() instanceof HostAuth.Managed) {
            logins.add(Login.MANAGED);
            login.set(Login.MANAGED);
        } else {
            login.set(Login.ASK_PASSWORD);
        }
    }

    private static StringBinding error(java.util.function.Supplier<Optional<String>> check, Observable... dependencies) {
        return Bindings.createStringBinding(() -> check.get().orElse(""), dependencies);
    }

    /** True for a new host, false when editing. */
    public boolean isNew() {
        return existing == null;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** The group path ("prod / web"); a path that does not exist yet is created on save; "" for none. */
    public StringProperty groupProperty() {
        return group;
    }

    /** Existing group paths to pick from. */
    public ObservableList<String> groupPaths() {
        return groupPaths;
    }

    /** Tags separated by commas. */
    public StringProperty tagsProperty() {
        return tags;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<Login> loginProperty() {
        return login;
    }

    /** The ways to log in offered (the demo's own key only for a host that has it). */
    public ObservableList<Login> logins() {
        return logins;
    }

    public ObjectProperty<KeyEntry> vaultKeyProperty() {
        return vaultKey;
    }

    public List<KeyEntry> keys() {
        return choices.keys();
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public ObjectProperty<Identity> identityProperty() {
        return identity;
    }

    public List<Identity> identities() {
        return choices.identities();
    }

    /** Whether something is typed in the password field (the view binds it; the password stays in the view). */
    public BooleanProperty passwordTypedProperty() {
        return passwordTyped;
    }

    /** Whether the host already has a saved password (an empty field keeps it). */
    public boolean hasSavedPassword() {
        return hadSavedPassword;
    }

    /** The hosts to hop through, first hop first. */
    public ObservableList<Host> jumpChain() {
        return jumpChain;
    }

    /** Saved hosts that can be added to the chain: not this host, not already in it, not one that jumps through this host. */
    public ObservableList<Host> jumpCandidates() {
        return jumpCandidates;
    }

    public void addJump(Host hop) {
        if (hop != null && jumpCandidates.contains(hop)) {
            jumpChain.add(hop);
        }
    }

    public void removeJump(int index) {
        if (index >= 0 && index < jumpChain.size()) {
            jumpChain.remove(index);
        }
    }

    /** Moves a hop up ({@code -1}) or down ({@code +1}). */
    public void moveJump(int index, int delta) {
        int target = index + delta;
        if (index >= 0 && index < jumpChain.size() && target >= 0 && target < jumpChain.size()) {
            Host hop = jumpChain.remove(index);
            jumpChain.add(target, hop);
        }
    }

    public ObjectProperty<HostKeyPolicy> hostKeyPolicyProperty() {
        return hostKeyPolicy;
    }

    /** Seconds between keepalives, 0 for none. */
    public StringProperty keepAliveProperty() {
        return keepAlive;
    }

    public BooleanProperty agentForwardingProperty() {
        return agentForwarding;
    }

    public BooleanProperty legacyAlgorithmsProperty() {
        return legacyAlgorithms;
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding addressErrorProperty() {
        return addressError;
    }

    public StringBinding portErrorProperty() {
        return portError;
    }

    public StringBinding userErrorProperty() {
        return userError;
    }

    public StringBinding groupErrorProperty() {
        return groupError;
    }

    public StringBinding tagsErrorProperty() {
        return tagsError;
    }

    public StringBinding notesErrorProperty() {
        return notesError;
    }

    /** What is wrong with the login: no key picked, a key file that does not exist, no identity, no password to save. */
    public StringBinding loginErrorProperty() {
        return loginError;
    }

    public StringBinding jumpErrorProperty() {
        return jumpError;
    }

    public StringBinding keepAliveErrorProperty() {
        return keepAliveError;
    }

    /** True while the key file is being looked at (saving waits for the answer). */
    public ReadOnlyBooleanProperty checkingKeyFileProperty() {
        return checkingKeyFile.getReadOnlyProperty();
    }

    /** True when every field is fine and the host can be saved. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** Every error now, in form order ("" for a field that is fine). */
    public List<String> errors() {
        return List.of(nameError.get(), addressError.get(), portError.get(), userError.get(), groupError.get(), tagsError.get(),
                notesError.get(), loginError.get(), jumpError.get(), keepAliveError.get());
    }

    /**
     * The host the form describes, when it is valid. {@code password} is what was typed (may be empty);
     * it is copied into the draft only when the host logs in with a saved password.
     */
    public Optional<Draft> result(char[] password) {
        if (!valid.get()) {
            return Optional.empty();
        }
        List<HostGroup> newGroups = new ArrayList<>();
        UUID groupId = resolveGroup(group.get(), newGroups);
        HostAuth auth = switch (login.get()) {
            case VAULT_KEY -> new HostAuth.VaultKey(vaultKey.get().id());
            case KEY_FILE -> new HostAuth.KeyFile(keyFile.get().strip());
            case SAVED_PASSWORD -> new HostAuth.SavedPassword();
            case AGENT -> new HostAuth.Agent();
            case MANAGED -> existing.auth();
            case IDENTITY, ASK_PASSWORD -> new HostAuth.Password();
        };
        Optional<UUID> identityId = login.get() == Login.IDENTITY ? Optional.of(identity.get().id()) : Optional.empty();
        String username = login.get() == Login.IDENTITY ? identity.get().username() : user.get().strip();
        HostDetails details = new HostDetails(Optional.ofNullable(groupId), identityId, parseTags(tags.get()),
                jumpChain.stream().map(Host::id).toList(), Integer.parseInt(keepAlive.get().strip()), hostKeyPolicy.get(),
                legacyAlgorithms.get(), notes.get(), agentForwarding.get());
        UUID id = existing == null ? UUID.randomUUID() : existing.id();
        String hostName = name.get().isBlank() ? address.get().strip() : name.get();
        Host host = new Host(id, hostName, address.get().strip(), Integer.parseInt(port.get().strip()), username, auth, details);
        boolean keep = login.get() == Login.SAVED_PASSWORD && password != null && password.length > 0;
        return Optional.of(new Draft(host, newGroups, keep ? password.clone() : null));
    }

    private UUID resolveGroup(String path, List<HostGroup> created) {
        List<String> names = groupNames(path);
        if (names.isEmpty()) {
            return null;
        }
        UUID parent = null;
        StringBuilder sofar = new StringBuilder();
        for (String part : names) {
            sofar.append(sofar.length() == 0 ? "" : HostTree.separator()).append(part);
            HostGroup found = created.isEmpty() ? findGroup(sofar.toString()) : null;
            if (found == null) {
                found = HostGroup.create(part, parent);
                created.add(found);
            }
            parent = found.id();
        }
        return parent;
    }

    private HostGroup findGroup(String path) {
        HostGroup exact = groupsByPath.get(path);
        if (exact != null) {
            return exact;
        }
        return groupsByPath.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(path)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    private static List<String> groupNames(String path) {
        List<String> names = new ArrayList<>();
        if (path == null) {
            return names;
        }
        for (String part : path.split("/")) {
            if (!part.isBlank()) {
                names.add(part.strip());
            }
        }
        return names;
    }

    private static Optional<String> checkGroup(String path) {
        for (String part : groupNames(path)) {
            Optional<String> problem = Fields.checkName("Group name", part);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    static List<String> parseTags(String text) {
        Set<String> tags = new LinkedHashSet<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    tags.add(part.strip());
                }
            }
        }
        return List.copyOf(tags);
    }

    private static Optional<String> checkTags(String text) {
        List<String> parsed = parseTags(text);
        for (String tag : parsed) {
            Optional<String> problem = Fields.checkTag(tag);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (String.join(",", parsed).length() > Fields.TAGS_MAX) {
            return Optional.of("Too many tags (the limit is " + Fields.TAGS_MAX + " characters in all)");
        }
        return Optional.empty();
    }

    private static Optional<String> checkAddress(String text) {
        if (text != null && text.contains("@")) {
            return Optional.of("Address is the server alone: put the user name in the User field");
        }
        if (text != null && !text.isBlank()) {
            String stripped = text.strip();
            int colon = stripped.indexOf(':');
            if (colon > 0 && stripped.indexOf(':', colon + 1) < 0) {
                return Optional.of("Address is the server alone: put the port in the Port field");
            }
        }
        return Fields.checkAddress(text);
    }

    private static Optional<String> checkPort(String text) {
        int value;
        try {
            value = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return Optional.of("Port must be a number (usually 22)");
        }
        if (value < 1 || value > 65535) {
            return Optional.of("Port must be between 1 and 65535");
        }
        return Optional.empty();
    }

    private static Optional<String> checkKeepAlive(String text) {
        int value;
        try {
            value = Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return Optional.of("Keepalive must be a number of seconds (0 for none)");
        }
        if (value < 0 || value > 86_400) {
            return Optional.of("Keepalive must be between 0 (none) and 86400 seconds");
        }
        return Optional.empty();
    }

    private Optional<String> checkLogin() {
        return switch (login.get()) {
            case VAULT_KEY -> vaultKey.get() == null ? Optional.of(choices.keys().isEmpty()
                    ? "The vault holds no keys yet: add one under Keys, or choose another way to log in" : "Choose a key") : Optional.empty();
            case KEY_FILE -> keyFileError.get().isEmpty() ? Optional.empty() : Optional.of(keyFileError.get());
            case IDENTITY -> identity.get() == null ? Optional.of(choices.identities().isEmpty()
                    ? "There are no identities yet: add one under Identities, or choose another way to log in" : "Choose an identity")
                    : Optional.empty();
            case SAVED_PASSWORD -> passwordTyped.get() || hadSavedPassword ? Optional.empty()
                    : Optional.of("Type the password to save, or choose \u201cPassword, asked each time\u201d");
            case ASK_PASSWORD, AGENT, MANAGED -> Optional.empty();
        };
    }

    private Optional<String> checkJumps() {
        Set<UUID> seen = new HashSet<>();
        for (Host hop : jumpChain) {
            if (existing != null && hop.id().equals(existing.id())) {
                return Optional.of("A host cannot jump through itself");
            }
            if (!seen.add(hop.id())) {
                return Optional.of(hop.name() + " is in the chain twice");
            }
            if (existing != null && jumpsThrough(hop, existing.id(), new HashSet<>())) {
                return Optional.of(hop.name() + " itself jumps through this host: that would be a loop");
            }
        }
        return Optional.empty();
    }

    private boolean jumpsThrough(Host host, UUID target, Set<UUID> visited) {
        if (!visited.add(host.id())) {
            return false;
        }
        for (UUID hop : host.details().jumpChain()) {
            if (hop.equals(target)) {
                return true;
            }
            Optional<Host> next = choices.hosts().stream().filter(h -> h.id().equals(hop)).findFirst();
            if (next.isPresent() && jumpsThrough(next.get(), target, visited)) {
                return true;
            }
        }
        return false;
    }

    private void updateCandidates() {
        List<Host> candidates = new ArrayList<>();
        for (Host host : choices.hosts()) {
            boolean self = existing != null && host.id().equals(existing.id());
            boolean loop = existing != null && jumpsThrough(host, existing.id(), new HashSet<>());
            if (!self && !loop && jumpChain.stream().noneMatch(h -> h.id().equals(host.id()))) {
                candidates.add(host);
            }
        }
        jumpCandidates.setAll(candidates);
    }

    /** Looks at the key file in the background; the newest check wins. */
    private void checkKeyFile() {
        long ticket = ++keyFileCheck;
        if (login.get() != Login.KEY_FILE) {
            keyFileError.set("");
            checkingKeyFile.set(false);
            return;
        }
        String path = keyFile.get();
        checkingKeyFile.set(true);
        background.execute(() -> {
            Optional<String> problem = HostService.checkKeyFile(path);
            ui.execute(() -> {
                if (ticket == keyFileCheck) {
                    keyFileError.set(problem.orElse(""));
                    checkingKeyFile.set(false);
                }
            });
        });
    }
}
