package dev.keyport.app.ui.unlock;

import java.util.Arrays;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.keyport.app.services.PasswordStrength;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * "Create your vault" or "Unlock Keyport": checks a new password and its confirmation, rates its
 * strength, and opens the vault on {@code background} (key derivation and database open block).
 * A wrong password becomes a message and the person tries again. Passwords are taken as {@code char[]}
 * and wiped; they are never kept in a property.
 */
public final class UnlockViewModel {

    /** Creates or unlocks the vault with the typed password; blocking, called off the UI thread. */
    @FunctionalInterface
    public interface Opener {
        Vault open(char[] masterPassword) throws VaultException;
    }

    private final boolean create;
    private final Opener opener;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<PasswordStrength> strength = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Vault> opened = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.StringProperty teamFile = new javafx.beans.property.SimpleStringProperty("");

    public UnlockViewModel(boolean create, Opener opener, Executor background, Executor ui) {
        this.create = create;
        this.opener = opener;
        this.background = background;
        this.ui = ui;
    }

    public boolean creating() {
        return create;
    }

    /** What went wrong (invalid input, wrong password), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What is happening while busy ("Unlocking…"), or "". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The new password's strength; null before anything is typed. */
    public ReadOnlyObjectProperty<PasswordStrength> strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    /**
     * On the first start: a colleague's team file to import into the new vault ("" for none). It is
     * checked (off the UI thread) before the vault is created, and imported after.
     */
    public javafx.beans.property.StringProperty teamFileProperty() {
        return teamFile;
    }

    /** The open vault, once it is open. */
    public ReadOnlyObjectProperty<Vault> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The new password changed: rate it. The array is wiped. */
    public void passwordTyped(char[] password) {
        try {
            strength.set(PasswordStrength.of(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** What is wrong with a new master password and its confirmation, or "". */
    static String validateNew(char[] password, char[] confirmation) {
        if (password.length == 0) {
            return "Choose a master password.";
        }
        if (password.length < 8) {
            return "Use at least 8 characters.";
        }
        if (!Arrays.equals(password, confirmation)) {
            return "The two passwords are not the same.";
        }
        return "";
    }

    /**
     * Creates or unlocks with {@code password} ({@code confirmation} is checked when creating; may be
     * null when unlocking). Both arrays are wiped, the password once the vault has used it.
     */
    public void submit(char[] password, char[] confirmation) {
        if (busy.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        if (create) {
            String invalid = validateNew(password, confirmation == null ? new char[0] : confirmation);
            if (confirmation != null) {
                Arrays.fill(confirmation, '\0');
            }
            if (!invalid.isEmpty()) {
                Arrays.fill(password, '\0');
                problem.set(invalid);
                return;
            }
        }
        problem.set("");
        progress.set(create ? "Creating the vault…" : "Unlocking…");
        busy.set(true);
        String file = teamFile.get() == null ? "" : teamFile.get().strip();
        background.execute(() -> {
            try {
                if (create && !file.isEmpty() && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(file))) {
                    throw new VaultException("There is no team file " + file + ". Choose the file again, or clear it to start"
                            + " with an empty vault.");
                }
                Vault vault = opener.open(password);
                ui.execute(() -> {
                    busy.set(false);
                    progress.set("");
                    opened.set(vault);
                });
            } catch (VaultException | RuntimeException e) {
                String message = e instanceof VaultException ? e.getMessage() : "Keyport could not open the vault: " + e;
                ui.execute(() -> {
                    busy.set(false);
                    progress.set("");
                    problem.set(message);
                });
            } finally {
                Arrays.fill(password, '\0');
            }
        });
    }
}
