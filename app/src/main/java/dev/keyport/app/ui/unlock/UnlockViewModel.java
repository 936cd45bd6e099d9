package dev.keyport.app.ui.unlock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.keyport.app.services.MasterPasswordRule;
import dev.keyport.app.services.PasswordStrength;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.WrongMasterPasswordException;

/**
 * "Create your vault" or "Unlock Keyport": checks a new password and its confirmation against
 * {@link MasterPasswordRule} (below the floor: refused; weak: only when the person ticks "use it
 * anyway"), rates its strength, and opens the vault on {@code background} (key derivation and database
 * open block). Each problem belongs to a field (password, confirmation, team file) so the view shows it
 * under that field; what belongs to none is {@link #problemProperty()}. Passwords are taken as
 * {@code char[]} and wiped; they are never kept in a property.
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
    private final ReadOnlyStringWrapper passwordProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper teamFileProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<PasswordStrength> strength = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper weak = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty acceptWeak = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Vault> opened = new ReadOnlyObjectWrapper<>();
    private final StringProperty teamFile = new SimpleStringProperty("");

    public UnlockViewModel(boolean create, Opener opener, Executor background, Executor ui) {
        this.create = create;
        this.opener = opener;
        this.background = background;
        this.ui = ui;
        teamFile.addListener((obs, old, now) -> teamFileProblem.set(""));
    }

    public boolean creating() {
        return create;
    }

    /** What went wrong that belongs to no field (the vault could not be made or opened), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What is wrong with the master password (too short, weak, wrong), or "". */
    public ReadOnlyStringProperty passwordProblemProperty() {
        return passwordProblem.getReadOnlyProperty();
    }

    /** What is wrong with the repeated password, or "". */
    public ReadOnlyStringProperty confirmProblemProperty() {
        return confirmProblem.getReadOnlyProperty();
    }

    /** What is wrong with the team file to import, or "". */
    public ReadOnlyStringProperty teamFileProblemProperty() {
        return teamFileProblem.getReadOnlyProperty();
    }

    /** What is happening while busy ("Creating the vault…"), or "". Progress, not a problem. */
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

    /** True while the new password is long enough but weak: the view offers "use it anyway". */
    public ReadOnlyBooleanProperty weakProperty() {
        return weak.getReadOnlyProperty();
    }

    /** The person confirmed that a weak password is what they want. Cleared when the password changes. */
    public BooleanProperty acceptWeakProperty() {
        return acceptWeak;
    }

    /**
     * On the first start: a colleague's team file to import into the new vault ("" for none). It is
     * checked (off the UI thread) before the vault is created, and imported after.
     */
    public StringProperty teamFileProperty() {
        return teamFile;
    }

    /** The open vault, once it is open. */
    public ReadOnlyObjectProperty<Vault> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The password field changed: rate it, forget an earlier "use it anyway" and the field's problem. The array is wiped. */
    public void passwordTyped(char[] password) {
        try {
            strength.set(PasswordStrength.of(password));
            weak.set(create && MasterPasswordRule.check(password) == MasterPasswordRule.Verdict.WEAK);
            acceptWeak.set(false);
            passwordProblem.set("");
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The confirmation changed: its problem is stale. */
    public void confirmationTyped() {
        confirmProblem.set("");
    }

    /**
     * Creates or unlocks with {@code password} ({@code confirmation} is checked when creating; may be
     * null when unlocking). Both arrays are wiped, the password once the vault has used it.
     */
    public void submit(char[] password, char[] confirmation) {
        if (busy.get()) {
            Arrays.fill(password, '\0');
            if (confirmation != null) {
                Arrays.fill(confirmation, '\0');
            }
            return;
        }
        problem.set("");
        passwordProblem.set("");
        confirmProblem.set("");
        teamFileProblem.set("");
        if (create) {
            boolean valid = validateNew(password, confirmation == null ? new char[0] : confirmation);
            if (confirmation != null) {
                Arrays.fill(confirmation, '\0');
            }
            if (!valid) {
                Arrays.fill(password, '\0');
                return;
            }
        } else if (password.length == 0) {
            passwordProblem.set("Enter your master password.");
            return;
        }
        progress.set(create ? "Creating the vault…" : "Unlocking…");
        busy.set(true);
        String file = teamFile.get() == null ? "" : teamFile.get().strip();
        background.execute(() -> open(password, file));
    }

    /** Sets the field problems; true when the new password may be used. */
    private boolean validateNew(char[] password, char[] confirmation) {
        if (password.length == 0) {
            passwordProblem.set("Choose a master password.");
            return false;
        }
        MasterPasswordRule.Verdict verdict = MasterPasswordRule.check(password);
        if (verdict == MasterPasswordRule.Verdict.TOO_SHORT) {
            passwordProblem.set(MasterPasswordRule.tooShortMessage());
            return false;
        }
        if (!Arrays.equals(password, confirmation)) {
            confirmProblem.set("The two passwords are not the same.");
            return false;
        }
        if (verdict == MasterPasswordRule.Verdict.WEAK && !acceptWeak.get()) {
            weak.set(true);
            passwordProblem.set("This password is weak: make it longer, or tick \"Use this weak password anyway\".");
            return false;
        }
        return true;
    }

    private void open(char[] password, String file) {
        try {
            if (create && !file.isEmpty() && !Files.isRegularFile(Path.of(file))) {
                fail(teamFileProblem, "There is no team file " + file + ". Choose the file again, or clear it to start with an empty vault.");
                return;
            }
            Vault vault = opener.open(password);
            ui.execute(() -> {
                busy.set(false);
                progress.set("");
                opened.set(vault);
            });
        } catch (WrongMasterPasswordException e) {
            fail(passwordProblem, e.getMessage());
        } catch (VaultException e) {
            fail(problem, e.getMessage());
        } catch (RuntimeException e) {
            fail(problem, "Keyport could not open the vault: " + e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void fail(ReadOnlyStringWrapper where, String message) {
        ui.execute(() -> {
            busy.set(false);
            progress.set("");
            where.set(message);
        });
    }
}
