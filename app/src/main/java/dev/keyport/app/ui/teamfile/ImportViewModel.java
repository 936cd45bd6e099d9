package dev.keyport.app.ui.teamfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.keyport.app.services.DisplayText;
import dev.keyport.app.teamfile.ChangeKind;
import dev.keyport.app.teamfile.ConflictChoice;
import dev.keyport.app.teamfile.EntityKind;
import dev.keyport.app.teamfile.ImportPlan;
import dev.keyport.app.teamfile.ImportReport;
import dev.keyport.app.teamfile.PlannedChange;
import dev.keyport.app.teamfile.TeamFileService;
import dev.keyport.syncformat.TeamFileException;
import dev.keyport.vault.VaultException;

/**
 * Importing a team file: choose it, read it (with its passphrase when it carries secrets), see the
 * preview (what is new, changed, unchanged or in conflict, and which server keys become trusted),
 * choose what wins in a conflict, then apply it in one step. Reading and applying run on
 * {@code background}; nothing changes in the vault before {@link #apply()}.
 */
public final class ImportViewModel {

    /** Where the import is. */
    public enum Step { CHOOSE, READING, PREVIEW, APPLYING, DONE }

    private final TeamFileService teamFiles;
    private final Executor background;
    private final Executor ui;
    private final StringProperty path = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.CHOOSE);
    private final ReadOnlyBooleanWrapper needsPassphrase = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ObjectProperty<ConflictChoice> onConflict = new SimpleObjectProperty<>(ConflictChoice.MINE);
    private final ReadOnlyBooleanWrapper conflicts = new ReadOnlyBooleanWrapper(false);
    private ImportPlan plan;

    public ImportViewModel(TeamFileService teamFiles, Executor background, Executor ui) {
        this.teamFiles = teamFiles;
        this.background = background;
        this.ui = ui;
        path.addListener((obs, old, now) -> {
            if (step.get() != Step.APPLYING && step.get() != Step.READING) {
                step.set(Step.CHOOSE);
                plan = null;
                needsPassphrase.set(false);
                problem.set("");
                summary.set("");
                details.clear();
            }
        });
    }

    /** The team file to import. */
    public StringProperty pathProperty() {
        return path;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The file carries secrets: the passphrase it was exported with is needed. */
    public ReadOnlyBooleanProperty needsPassphraseProperty() {
        return needsPassphrase.getReadOnlyProperty();
    }

    /** What went wrong, where in the file, and what to do; "" when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The preview in a few lines: per kind of entity, what is new, changed, unchanged or in conflict. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** One line per entity that changes or conflicts, per server key that becomes trusted, per warning. */
    public ObservableList<String> details() {
        return details;
    }

    /** What wins when the file and the vault disagree. */
    public ObjectProperty<ConflictChoice> onConflictProperty() {
        return onConflict;
    }

    public ReadOnlyBooleanProperty conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }

    /** After applying: what the import did. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Reads the file and compares it with the vault (changes nothing); {@code passphrase} may be null and is wiped. */
    public void read(char[] passphrase) {
        String file = path.get() == null ? "" : path.get().strip();
        if (file.isEmpty()) {
            problem.set("Choose the team file to import (a " + dev.keyport.syncformat.TeamFile.EXTENSION + " file).");
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
            return;
        }
        if (needsPassphrase.get() && (passphrase == null || passphrase.length == 0)) {
            problem.set("Enter the passphrase the team file was exported with.");
            return;
        }
        problem.set("");
        step.set(Step.READING);
        Optional<char[]> secret = passphrase == null || passphrase.length == 0 ? Optional.empty() : Optional.of(passphrase);
        background.execute(() -> {
            try {
                ImportPlan read = teamFiles.plan(Path.of(file), secret);
                ui.execute(() -> showPlan(read));
            } catch (TeamFileException e) {
                ui.execute(() -> {
                    step.set(Step.CHOOSE);
                    if (e.kind() == TeamFileException.Kind.PASSPHRASE_REQUIRED) {
                        needsPassphrase.set(true);
                        problem.set("This team file carries secrets (passwords or keys). Enter the passphrase it was exported with.");
                    } else {
                        problem.set(DisplayText.line(e.getMessage())); // may quote the file
                    }
                });
            } catch (VaultException | RuntimeException e) {
                ui.execute(() -> {
                    step.set(Step.CHOOSE);
                    problem.set(DisplayText.line(e.getMessage())); // may quote the file
                });
            } finally {
                secret.ifPresent(p -> Arrays.fill(p, '\0'));
            }
        });
    }

    private void showPlan(ImportPlan read) {
        plan = read;
        List<String> parts = new ArrayList<>();
        for (EntityKind entity : EntityKind.values()) {
            List<String> counts = new ArrayList<>();
            for (ChangeKind change : ChangeKind.values()) {
                long n = read.count(entity, change);
                if (n > 0) {
                    counts.add(n + " " + word(change));
                }
            }
            if (!counts.isEmpty()) {
                parts.add(label(entity) + ": " + String.join(", ", counts));
            }
        }
        if (!read.newlyTrusted().isEmpty()) {
            parts.add("Server keys that become trusted: " + read.newlyTrusted().size());
        }
        summary.set(parts.isEmpty() ? "The file is empty." : String.join("\n", parts));
        List<String> lines = new ArrayList<>();
        for (PlannedChange change : read.changes()) {
            if (change.change() != ChangeKind.UNCHANGED) {
                lines.add(word(change.change()).toUpperCase(Locale.ROOT) + "  " + singular(change.entity()) + " "
                        + DisplayText.line(change.name()) + (change.detail() == null || change.detail().isEmpty() ? "" : ": " + DisplayText.line(change.detail())));
            }
        }
        read.newlyTrusted().forEach(key -> lines.add("TRUST  " + DisplayText.line(String.valueOf(key))));
        read.warnings().forEach(warning -> lines.add("WARNING  " + DisplayText.line(warning)));
        details.setAll(lines);
        conflicts.set(read.hasConflicts());
        step.set(Step.PREVIEW);
    }

    private static String word(ChangeKind change) {
        return switch (change) {
            case ADDED -> "new";
            case CHANGED -> "changed";
            case UNCHANGED -> "unchanged";
            case CONFLICT -> "in conflict";
        };
    }

    private static String singular(EntityKind entity) {
        return switch (entity) {
            case GROUP -> "group";
            case HOST -> "host";
            case IDENTITY -> "identity";
            case KEY -> "key";
            case TUNNEL -> "tunnel";
            case TRUSTED_HOST_KEY -> "server key";
        };
    }

    private static String label(EntityKind entity) {
        return switch (entity) {
            case GROUP -> "Groups";
            case HOST -> "Hosts";
            case IDENTITY -> "Identities";
            case KEY -> "Keys";
            case TUNNEL -> "Tunnels";
            case TRUSTED_HOST_KEY -> "Server keys";
        };
    }

    /** Applies the previewed import in one step (all or nothing); {@code done} runs on the UI thread after a success. */
    public void apply(Runnable done) {
        ImportPlan current = plan;
        if (current == null || step.get() != Step.PREVIEW) {
            return;
        }
        step.set(Step.APPLYING);
        ConflictChoice choice = onConflict.get();
        background.execute(() -> {
            try {
                ImportReport report = teamFiles.apply(current, choice);
                ui.execute(() -> {
                    result.set("Imported: " + report.added() + " new, " + report.changed() + " changed, " + report.unchanged() + " unchanged"
                            + (current.hasConflicts() ? "; conflicts: " + report.conflictsKeptMine() + " kept yours, "
                            + report.conflictsTakenTheirs() + " took the file's, " + report.conflictsKeptBoth() + " kept both" : "") + ".");
                    step.set(Step.DONE);
                    done.run();
                });
            } catch (VaultException | RuntimeException e) {
                ui.execute(() -> {
                    problem.set("Nothing was imported: " + DisplayText.line(e.getMessage()));
                    step.set(Step.PREVIEW);
                });
            }
        });
    }

    /** Same as {@link #apply(Runnable)} with nothing to do afterwards. */
    public void apply() {
        apply(() -> { });
    }
}
