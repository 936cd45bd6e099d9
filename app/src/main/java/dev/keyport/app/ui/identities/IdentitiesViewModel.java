package dev.keyport.app.ui.identities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

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

import dev.keyport.app.services.IdentityService;
import dev.keyport.app.services.InUseException;
import dev.keyport.vault.Fields;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.VaultException;

/**
 * The Identities page's state: the identities with the hosts using each, and the editor (name, user,
 * key, password) with a message per field. Saving an identity changes every host that uses it (they
 * refer to it by id). Vault work runs on {@code background}; results are posted to {@code ui}.
 */
public final class IdentitiesViewModel {

    /** A choice in the key box: a vault key, or none. */
    public record KeyOption(Optional<UUID> id, String label) {
        static final KeyOption NONE = new KeyOption(Optional.empty(), "No key (password only)");

        @Override
        public String toString() {
            return label;
        }
    }

    private final IdentityService identities;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<IdentityRow> rows = FXCollections.observableArrayList();
    private final ObservableList<KeyOption> keyOptions = FXCollections.observableArrayList(KeyOption.NONE);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper editorTitle = new ReadOnlyStringWrapper("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final ObjectProperty<KeyOption> key = new SimpleObjectProperty<>(KeyOption.NONE);
    private final BooleanProperty removePassword = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper hasSavedPassword = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper passwordHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper userError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper credentialError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper editorUsage = new ReadOnlyStringWrapper("");
    private Identity edited;

    public IdentitiesViewModel(IdentityService identities, Executor background, Executor ui) {
        this.identities = identities;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<IdentityRow> rows() {
        return rows;
    }

    /** The keys an identity can hold, "No key" first. */
    public ObservableList<KeyOption> keyOptions() {
        return keyOptions;
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while the editor is open (a new identity or an edited one). */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editorTitleProperty() {
        return editorTitle.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public ObjectProperty<KeyOption> keyProperty() {
        return key;
    }

    /** Whether saving removes the saved password of the edited identity. */
    public BooleanProperty removePasswordProperty() {
        return removePassword;
    }

    /** Whether the edited identity has a saved password now. */
    public ReadOnlyBooleanProperty hasSavedPasswordProperty() {
        return hasSavedPassword.getReadOnlyProperty();
    }

    /** What an empty password field means for the edited identity. */
    public ReadOnlyStringProperty passwordHintProperty() {
        return passwordHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userErrorProperty() {
        return userError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty credentialErrorProperty() {
        return credentialError.getReadOnlyProperty();
    }

    /** In the editor: which hosts the change reaches. */
    public ReadOnlyStringProperty editorUsageProperty() {
        return editorUsage.getReadOnlyProperty();
    }

    /** Reads the identities and the keys in the background. */
    public void reload() {
        background.execute(() -> {
            try {
                List<IdentityRow> read = identities.list().stream().map(IdentityRow::of).toList();
                List<KeyEntry> keys = identities.keys();
                ui.execute(() -> show(read, keys));
            } catch (VaultException | RuntimeException e) {
                ui.execute(() -> problem.set(e.getMessage()));
            }
        });
    }

    private void show(List<IdentityRow> read, List<KeyEntry> keys) {
        rows.setAll(read);
        List<KeyOption> options = new ArrayList<>();
        options.add(KeyOption.NONE);
        keys.forEach(k -> options.add(new KeyOption(Optional.of(k.id()), k.name() + " (" + k.fingerprint() + ")")));
        Optional<UUID> chosen = key.get() == null ? Optional.empty() : key.get().id();
        keyOptions.setAll(options);
        key.set(options.stream().filter(o -> o.id().equals(chosen)).findFirst().orElse(KeyOption.NONE));
        loaded.set(true);
        busy.set(false);
    }

    /** Opens the editor for a new identity. */
    public void startNew() {
        open(null, "New identity", "", "", KeyOption.NONE, false, "");
    }

    /** Opens the editor on {@code row}. */
    public void edit(IdentityRow row) {
        Identity identity = row.identity();
        KeyOption option = keyOptions.stream().filter(o -> o.id().equals(identity.keyId())).findFirst().orElse(KeyOption.NONE);
        String usage = row.hosts().isEmpty() ? "No host uses this identity yet."
                : "Saving changes how " + String.join(", ", row.hosts()) + " log in.";
        open(identity, "Edit " + identity.name(), identity.name(), identity.username(), option, row.hasPassword(), usage);
    }

    private void open(Identity identity, String title, String nameText, String user, KeyOption option, boolean password, String usage) {
        edited = identity;
        editorTitle.set(title);
        name.set(nameText);
        username.set(user);
        key.set(option);
        removePassword.set(false);
        hasSavedPassword.set(password);
        passwordHint.set(password ? "A password is saved. Leave empty to keep it, or type a new one." : "Optional: a password saved in the vault.");
        editorUsage.set(usage);
        nameError.set("");
        userError.set("");
        credentialError.set("");
        problem.set("");
        status.set("");
        editing.set(true);
    }

    public void cancelEdit() {
        edited = null;
        editing.set(false);
    }

    /**
     * Saves the identity in the editor with {@code password} (typed; empty keeps the saved one, or
     * none). Shows a message next to each wrong field instead. The array is wiped.
     *
     * @return false when a field was refused
     */
    public boolean save(char[] password) {
        char[] typed = password == null ? new char[0] : password.clone();
        wipe(password);
        Optional<String> badName = Fields.checkName("Name", name.get());
        Optional<String> badUser = Fields.checkUser(username.get());
        boolean keepsPassword = hasSavedPassword.get() && !removePassword.get();
        Optional<UUID> keyId = key.get() == null ? Optional.empty() : key.get().id();
        boolean credential = keyId.isPresent() || typed.length > 0 || keepsPassword;
        nameError.set(badName.orElse(""));
        userError.set(badUser.orElse(""));
        credentialError.set(credential ? "" : "Choose a key or type a password: an identity logs in with at least one of them.");
        if (badName.isPresent() || badUser.isPresent() || !credential) {
            wipe(typed);
            return false;
        }
        Identity identity = new Identity(edited == null ? UUID.randomUUID() : edited.id(), name.get(), username.get(), keyId);
        IdentityService.PasswordChange change = typed.length > 0 ? new IdentityService.Replace(typed)
                : removePassword.get() ? new IdentityService.Remove() : new IdentityService.Keep();
        boolean isNew = edited == null;
        busy.set(true);
        background.execute(() -> {
            try {
                identities.save(identity, change);
                List<String> using = identities.hostsUsing(identity.id());
                List<IdentityRow> read = identities.list().stream().map(IdentityRow::of).toList();
                List<KeyEntry> keys = identities.keys();
                ui.execute(() -> {
                    show(read, keys);
                    editing.set(false);
                    edited = null;
                    status.set((isNew ? "Saved identity " : "Saved ") + identity.name()
                            + (using.isEmpty() ? "." : "; " + String.join(", ", using) + " now log in as " + identity.username() + "."));
                });
            } catch (VaultException | RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    problem.set(e.getMessage());
                });
            } finally {
                wipe(typed);
            }
        });
        return true;
    }

    /**
     * The question to ask before deleting {@code row} when hosts use it (naming them), or empty when
     * nothing uses it.
     */
    public Optional<String> deleteQuestion(IdentityRow row) {
        if (row.hosts().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Identity " + row.name() + " is used by " + (row.hosts().size() == 1 ? "host " : "hosts ")
                + String.join(", ", row.hosts()) + ". Delete it anyway? Those hosts will log in with their own user and"
                + " login again.");
    }

    /** Deletes {@code row}; {@code confirmed} says the person saw {@link #deleteQuestion} and said yes. */
    public void delete(IdentityRow row, boolean confirmed) {
        busy.set(true);
        problem.set("");
        status.set("");
        background.execute(() -> {
            try {
                identities.delete(row.identity().id(), confirmed);
                List<IdentityRow> read = identities.list().stream().map(IdentityRow::of).toList();
                List<KeyEntry> keys = identities.keys();
                ui.execute(() -> {
                    show(read, keys);
                    status.set("Deleted identity " + row.name() + ".");
                });
            } catch (VaultException | InUseException | RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    problem.set(e.getMessage());
                });
            }
        });
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
