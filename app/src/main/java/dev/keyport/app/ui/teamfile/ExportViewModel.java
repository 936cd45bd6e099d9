package dev.keyport.app.ui.teamfile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
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

import dev.keyport.app.services.PasswordStrength;
import dev.keyport.app.teamfile.ExportReport;
import dev.keyport.app.teamfile.TeamFileService;
import dev.keyport.syncformat.TeamFile;
import dev.keyport.syncformat.TeamFileException;
import dev.keyport.vault.VaultException;

/**
 * Exporting the whole setup as a team file: where to, and whether secrets go with it (then under a
 * passphrase, typed twice, with its strength shown). Writing runs on {@code background}.
 */
public final class ExportViewModel {

    private final TeamFileService teamFiles;
    private final Executor background;
    private final Executor ui;
    private final StringProperty path = new SimpleStringProperty("");
    private final BooleanProperty includeSecrets = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<PasswordStrength> strength = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public ExportViewModel(TeamFileService teamFiles, Executor background, Executor ui) {
        this.teamFiles = teamFiles;
        this.background = background;
        this.ui = ui;
    }

    /** Where to write the team file. */
    public StringProperty pathProperty() {
        return path;
    }

    /** Whether saved passwords and private keys go into the file (encrypted under a passphrase). */
    public BooleanProperty includeSecretsProperty() {
        return includeSecrets;
    }

    public ReadOnlyObjectProperty<PasswordStrength> strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** After exporting: what is in the file and where it is. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The passphrase changed: rate it. The array is wiped. */
    public void passphraseTyped(char[] passphrase) {
        try {
            strength.set(passphrase.length == 0 ? null : PasswordStrength.of(passphrase));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** Writes the file; both arrays are wiped. {@code done} runs on the UI thread after a success. */
    public void export(char[] passphrase, char[] confirmation, Runnable done) {
        try {
            String file = path.get() == null ? "" : path.get().strip();
            if (file.isEmpty()) {
                problem.set("Choose where to save the team file.");
                return;
            }
            if (!file.endsWith(TeamFile.EXTENSION)) {
                file = file + TeamFile.EXTENSION;
                path.set(file);
            }
            Optional<char[]> secret = Optional.empty();
            if (includeSecrets.get()) {
                if (passphrase.length < 8) {
                    problem.set("Choose a passphrase of at least 8 characters: it is all that protects the secrets in the file.");
                    return;
                }
                if (!Arrays.equals(passphrase, confirmation)) {
                    problem.set("The two passphrases are not the same.");
                    return;
                }
                secret = Optional.of(passphrase.clone());
            }
            problem.set("");
            busy.set(true);
            Path target = Path.of(file);
            Optional<char[]> finalSecret = secret;
            background.execute(() -> {
                try {
                    ExportReport report = teamFiles.export(target, finalSecret);
                    ui.execute(() -> {
                        busy.set(false);
                        result.set("Exported " + report.hosts() + " hosts, " + report.groups() + " groups, " + report.identities() + " identities, "
                                + report.keys() + " keys, " + report.tunnels() + " tunnels and " + report.trustedHostKeys() + " server keys to "
                                + report.file() + (report.secretsIncluded() ? ", with the secrets encrypted under your passphrase."
                                : ", without secrets (passwords and private keys stay here)."));
                        done.run();
                    });
                } catch (TeamFileException | VaultException | RuntimeException e) {
                    ui.execute(() -> {
                        busy.set(false);
                        problem.set("Nothing was exported: " + e.getMessage());
                    });
                } finally {
                    finalSecret.ifPresent(p -> Arrays.fill(p, '\0'));
                }
            });
        } finally {
            Arrays.fill(passphrase, '\0');
            Arrays.fill(confirmation, '\0');
        }
    }
}
