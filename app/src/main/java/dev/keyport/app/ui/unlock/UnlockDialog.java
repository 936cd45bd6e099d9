package dev.keyport.app.ui.unlock;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.LockReason;
import dev.keyport.app.services.MasterPasswordRule;
import dev.keyport.app.services.PasswordStrength;
import dev.keyport.app.services.VaultLockProbe;
import dev.keyport.app.startup.StartupTrace;
import dev.keyport.app.ui.FxThread;
import dev.keyport.syncformat.TeamFile;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * Before the main window, a view over an {@link UnlockViewModel}: "Create your vault" (password,
 * confirmation, strength, what makes a password strong, "use this weak password anyway") on the first
 * run, "Unlock Keyport" afterwards and after a lock (saying why it locked). Every text wraps, so
 * nothing is cut off; each problem shows directly under its field; progress shows as progress.
 */
public final class UnlockDialog {

    /** The width of the dialog's text; labels wrap within it and the dialog grows to its content. */
    private static final double CONTENT_WIDTH = 440;

    private UnlockDialog() {
    }

    /** The first start's answer: the new vault and, when the person chose one, the team file to import into it. */
    public record FirstStart(Vault vault, Optional<Path> teamFile) {
    }

    /**
     * What {@code DesktopApp} asks before the main window, from its main thread (never the FX thread): when
     * another Keyport holds the vault in {@code dataDir}, it says so at once and asks for nothing;
     * otherwise the first-start or unlock dialog. Empty when the person cancelled or the vault is in use.
     */
    public static Optional<FirstStart> askForVault(Path dataDir, Executor unlocker) {
        return askForVault(dataDir, unlocker, () -> KdfParameters.calibrate(Duration.ofMillis(500)));
    }

    /** @param kdfForNewVault the key derivation's cost for a new vault, worked out in the background when creating */
    static Optional<FirstStart> askForVault(Path dataDir, Executor unlocker, Supplier<KdfParameters> kdfForNewVault) {
        boolean create = !Vault.exists(dataDir);
        if (!create && VaultLockProbe.isOpenElsewhere(dataDir)) {
            FxThread.call(() -> {
                showAlreadyOpen(null, dataDir);
                return Boolean.TRUE;
            });
            return Optional.empty();
        }
        return FxThread.call(() -> {
            StartupTrace.markFirstFrameOfNextWindow("unlock-window");
            return showFirstStart(null, create, dataDir.toString(), password -> {
                StartupTrace.mark("password-entered");
                Vault opened = create ? Vault.create(dataDir, password, kdfForNewVault.get()) : Vault.unlock(dataDir, password);
                StartupTrace.mark("vault-unlocked");
                return opened;
            }, unlocker);
        }).orElse(Optional.empty());
    }

    /** "Keyport is already open in another window", and nothing to type. Waits until closed. */
    static void showAlreadyOpen(Window owner, Path dataDir) {
        Dialog<Void> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Keyport is already open");
        Label title = wrapping("Keyport is already open in another window.");
        title.setId("already-open-title");
        title.getStyleClass().add(Styles.TITLE_4);
        Label explanation = wrapping("Switch to that window: your vault is unlocked there. One vault can be open in one window"
                + " at a time. To use a second vault side by side, start Keyport with --data-dir and another folder.");
        explanation.setId("already-open-explanation");
        Label where = wrapping("Vault: " + dataDir);
        where.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(10, title, explanation, where);
        content.setPrefWidth(CONTENT_WIDTH);
        content.setPadding(new Insets(16, 20, 4, 20));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setGraphic(new FontIcon(Feather.INFO));
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.showAndWait();
    }

    /** Shows the dialog and waits (nested event loop) until the vault is open or the person cancels. */
    public static Optional<Vault> show(Window owner, boolean create, String location, UnlockViewModel.Opener opener, Executor background) {
        return show(owner, create, location, opener, background, false, Optional.empty()).map(FirstStart::vault);
    }

    /** "Unlock Keyport" after a lock, saying why it locked ({@code reason}). */
    public static Optional<Vault> showLocked(Window owner, String location, LockReason reason, UnlockViewModel.Opener opener,
            Executor background) {
        return show(owner, false, location, opener, background, false, Optional.of(reason)).map(FirstStart::vault);
    }

    /**
     * As {@link #show(Window, boolean, String, UnlockViewModel.Opener, Executor)}; when creating, it also
     * offers "Import a team file" beside "Create a new vault".
     */
    public static Optional<FirstStart> showFirstStart(Window owner, boolean create, String location, UnlockViewModel.Opener opener,
            Executor background) {
        return show(owner, create, location, opener, background, create, Optional.empty());
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /** A problem label for the field above it: red, wrapping, and taking no room while empty. */
    private static Label problemLabel(String id, ObservableStringValue text) {
        Label label = wrapping("");
        label.setId(id);
        label.getStyleClass().addAll(Styles.DANGER, "field-problem");
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The name above a field. */
    private static Label named(String name, Node field) {
        Label label = new Label(name);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setLabelFor(field);
        label.setPadding(new Insets(4, 0, -4, 0));
        return label;
    }

    /** A field with its problem directly under it, at the same left edge. */
    private static VBox field(Node input, Label problem) {
        return new VBox(2, input, problem);
    }

    /** "Import a team file" on the first start: the file a colleague sent, imported once the vault exists. */
    private static VBox teamFileRow(UnlockViewModel model, Stage window) {
        Label title = wrapping("Starting with a team? Import the team file a colleague sent (optional):");
        title.getStyleClass().add(Styles.TEXT_MUTED);
        TextField file = new TextField();
        file.setId("first-start-team-file");
        file.setPromptText("team" + TeamFile.EXTENSION);
        file.textProperty().bindBidirectional(model.teamFileProperty());
        Button choose = new Button("Import a team file…", new FontIcon(Feather.DOWNLOAD));
        choose.setId("first-start-import");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the team file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Keyport team files", "*" + TeamFile.EXTENSION));
            File chosen = chooser.showOpenDialog(window);
            if (chosen != null) {
                model.teamFileProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox row = new HBox(6, file, choose);
        HBox.setHgrow(file, Priority.ALWAYS);
        return new VBox(4, title, field(row, problemLabel("first-start-team-file-problem", model.teamFileProblemProperty())));
    }

    private static Optional<FirstStart> show(Window owner, boolean create, String location, UnlockViewModel.Opener opener, Executor background,
            boolean offerImport, Optional<LockReason> reason) {
        UnlockViewModel model = new UnlockViewModel(create, opener, background, Platform::runLater);
        // a plain window rather than a Dialog: the same look for ~0.1 s less before its first frame
        // (docs/benchmarks.md, "Start-up"), and it is the first thing Keyport shows
        Stage window = new Stage();
        if (owner != null) {
            window.initOwner(owner);
            window.initModality(Modality.WINDOW_MODAL);
        }
        window.setTitle(create ? "Create your Keyport vault" : "Unlock Keyport");
        window.setResizable(false); // it fits its content (sizeToScene below), as a dialog does
        FirstStart[] result = {null};

        Label title = wrapping(create ? "Create your vault" : reason.isPresent() ? "Keyport is locked" : "Unlock Keyport");
        title.setId("unlock-title");
        title.getStyleClass().add(Styles.TITLE_4);
        Label intro = wrapping(reason.map(LockReason::message).orElse(create
                ? "Choose a master password. It encrypts everything Keyport keeps, and it cannot be recovered if you forget it."
                : "Enter your master password to unlock the vault."));
        intro.setId(reason.isPresent() ? "lock-reason" : "unlock-intro");
        Label where = wrapping(location);
        where.getStyleClass().add(Styles.TEXT_MUTED);

        PasswordField password = new PasswordField();
        password.setId("master-password");
        password.setPromptText("Master password");
        PasswordField confirm = new PasswordField();
        confirm.setId("master-password-confirm");
        confirm.setPromptText("Repeat the master password");
        Label strength = wrapping("");
        strength.setId("master-password-strength");
        strength.visibleProperty().bind(Bindings.isNotEmpty(strength.textProperty()));
        strength.managedProperty().bind(strength.visibleProperty());
        password.textProperty().addListener((obs, old, text) -> model.passwordTyped(text.toCharArray()));
        confirm.textProperty().addListener((obs, old, text) -> model.confirmationTyped());
        model.strengthProperty().addListener((obs, old, s) -> {
            strength.setText(s == null ? "" : s.hint());
            strength.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
            if (s != null && s != PasswordStrength.EMPTY) {
                strength.getStyleClass().add(s == PasswordStrength.STRONG ? Styles.SUCCESS : s == PasswordStrength.FAIR ? Styles.WARNING : Styles.DANGER);
            }
        });
        Label advice = wrapping(MasterPasswordRule.ADVICE);
        advice.setId("master-password-advice");
        advice.getStyleClass().add(Styles.TEXT_MUTED);
        CheckBox acceptWeak = new CheckBox("Use this weak password anyway");
        acceptWeak.setId("accept-weak-password");
        acceptWeak.setWrapText(true);
        acceptWeak.setMinHeight(Region.USE_PREF_SIZE);
        acceptWeak.selectedProperty().bindBidirectional(model.acceptWeakProperty());
        acceptWeak.visibleProperty().bind(model.weakProperty());
        acceptWeak.managedProperty().bind(acceptWeak.visibleProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setMinSize(18, 18);
        Label progressText = wrapping("");
        progressText.setId("unlock-progress");
        progressText.getStyleClass().add(Styles.ACCENT);
        progressText.textProperty().bind(model.progressProperty());
        HBox progress = new HBox(8, busy, progressText);
        progress.setId("unlock-progress-row");
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        HBox.setHgrow(progressText, Priority.ALWAYS);

        VBox content = new VBox(8, title, intro, where, named("Master password", password),
                field(password, problemLabel("master-password-problem", model.passwordProblemProperty())));
        if (create) {
            content.getChildren().addAll(strength, named("Repeat it", confirm),
                    field(confirm, problemLabel("master-password-confirm-problem", model.confirmProblemProperty())), acceptWeak, advice);
        }
        if (offerImport) {
            content.getChildren().add(teamFileRow(model, window));
        }
        content.getChildren().addAll(progress, problemLabel("unlock-problem", model.problemProperty()));
        content.setPrefWidth(CONTENT_WIDTH);
        content.setPadding(new Insets(16, 20, 4, 20));

        Button goButton = new Button(create ? "Create vault" : "Unlock");
        goButton.setId("unlock-button");
        goButton.setDefaultButton(true); // Enter
        ButtonBar.setButtonData(goButton, ButtonBar.ButtonData.OK_DONE);
        Button cancelButton = new Button("Cancel");
        cancelButton.setCancelButton(true); // Escape
        ButtonBar.setButtonData(cancelButton, ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonBar buttons = new ButtonBar(); // in the platform's order, as in a dialog
        buttons.getButtons().addAll(goButton, cancelButton);
        buttons.setPadding(new Insets(12, 20, 16, 20));
        VBox root = new VBox(content, buttons);
        root.setMinHeight(Region.USE_PREF_SIZE);
        root.setMinWidth(Region.USE_PREF_SIZE);
        window.setScene(new Scene(root));

        goButton.disableProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty());
        password.disableProperty().bind(model.busyProperty());
        confirm.disableProperty().bind(model.busyProperty());
        acceptWeak.disableProperty().bind(model.busyProperty());
        // the window closes only when the vault is open, or when cancelled while nothing is running
        goButton.setOnAction(event -> model.submit(password.getText().toCharArray(), create ? confirm.getText().toCharArray() : null));
        cancelButton.setOnAction(event -> window.hide());
        window.setOnCloseRequest(event -> {
            if (model.busyProperty().get()) {
                event.consume(); // a vault is being opened or made: it finishes first
            }
        });
        // a new line of text (a problem, the weak choice, progress) makes the content taller: the window follows
        Runnable refit = () -> Platform.runLater(() -> {
            if (window.isShowing()) {
                window.sizeToScene();
            }
        });
        for (javafx.beans.Observable grows : new javafx.beans.Observable[] {model.passwordProblemProperty(), model.confirmProblemProperty(),
                model.teamFileProblemProperty(), model.problemProperty(), model.weakProperty(), model.busyProperty(), model.strengthProperty()}) {
            grows.addListener(o -> refit.run());
        }
        window.setOnShown(e -> refit.run());
        model.busyProperty().addListener((obs, was, now) -> {
            if (!now && model.openedProperty().get() == null) {
                boolean confirmWrong = !model.confirmProblemProperty().get().isEmpty();
                (confirmWrong ? confirm : password).selectAll();
                (confirmWrong ? confirm : password).requestFocus();
            }
        });
        model.openedProperty().addListener((obs, old, vault) -> {
            password.clear();
            confirm.clear();
            String file = model.teamFileProperty().get().strip();
            result[0] = new FirstStart(vault, file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)));
            window.hide();
        });
        Platform.runLater(password::requestFocus);
        window.showAndWait();
        return Optional.ofNullable(result[0]);
    }
}
