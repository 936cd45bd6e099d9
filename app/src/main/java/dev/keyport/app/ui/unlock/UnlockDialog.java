package dev.keyport.app.ui.unlock;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.PasswordStrength;
import dev.keyport.syncformat.TeamFile;
import dev.keyport.vault.Vault;

/**
 * Before the main window, a view over an {@link UnlockViewModel}: "Create your vault" (password,
 * confirmation, strength hint) on first run, "Unlock Keyport" afterwards.
 */
public final class UnlockDialog {

    private UnlockDialog() {
    }

    /** "Import a team file" on the first start: the file a colleague sent, imported once the vault exists. */
    private static VBox teamFileRow(UnlockViewModel model, Dialog<?> dialog) {
        Label title = new Label("Starting with a team? Import the team file a colleague sent (optional):");
        title.setWrapText(true);
        title.getStyleClass().add(Styles.TEXT_MUTED);
        TextField file = new TextField();
        file.setId("first-start-team-file");
        file.setPromptText("team" + TeamFile.EXTENSION);
        file.textProperty().bindBidirectional(model.teamFileProperty());
        Button choose = new Button("Import a team file…", new FontIcon(Feather.DOWNLOAD));
        choose.setId("first-start-import");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the team file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Keyport team files", "*" + TeamFile.EXTENSION));
            File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                model.teamFileProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox row = new HBox(6, file, choose);
        HBox.setHgrow(file, Priority.ALWAYS);
        return new VBox(4, title, row);
    }

    /** The first start's answer: the new vault and, when the person chose one, the team file to import into it. */
    public record FirstStart(Vault vault, Optional<Path> teamFile) {
    }

    /** Shows the dialog and waits (nested event loop) until the vault is open or the person cancels. */
    public static Optional<Vault> show(Window owner, boolean create, String location, UnlockViewModel.Opener opener, Executor background) {
        return show(owner, create, location, opener, background, false).map(FirstStart::vault);
    }

    /**
     * As {@link #show(Window, boolean, String, UnlockViewModel.Opener, Executor)}; when creating, it also
     * offers "Import a team file" beside "Create a new vault".
     */
    public static Optional<FirstStart> showFirstStart(Window owner, boolean create, String location, UnlockViewModel.Opener opener,
            Executor background) {
        return show(owner, create, location, opener, background, create);
    }

    private static Optional<FirstStart> show(Window owner, boolean create, String location, UnlockViewModel.Opener opener, Executor background,
            boolean offerImport) {
        UnlockViewModel model = new UnlockViewModel(create, opener, background, Platform::runLater);
        Dialog<FirstStart> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(create ? "Create your Keyport vault" : "Unlock Keyport");
        dialog.setHeaderText(create
                ? "Choose a master password. It encrypts everything Keyport keeps; it cannot be recovered if you forget it."
                : "Enter your master password to unlock the vault.");
        dialog.setGraphic(new FontIcon(Feather.LOCK));

        PasswordField password = new PasswordField();
        password.setId("master-password");
        password.setPromptText("Master password");
        PasswordField confirm = new PasswordField();
        confirm.setId("master-password-confirm");
        confirm.setPromptText("Repeat the master password");
        Label strength = new Label();
        strength.setId("master-password-strength");
        strength.setWrapText(true);
        password.textProperty().addListener((obs, old, text) -> model.passwordTyped(text.toCharArray()));
        model.strengthProperty().addListener((obs, old, s) -> {
            strength.setText(s == null ? "" : s.hint());
            strength.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
            if (s != null) {
                strength.getStyleClass().add(s == PasswordStrength.STRONG ? Styles.SUCCESS : s == PasswordStrength.FAIR ? Styles.WARNING : Styles.DANGER);
            }
        });
        Label problem = new Label();
        problem.setId("unlock-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Label progress = new Label();
        progress.textProperty().bind(model.progressProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Label where = new Label(location);
        where.getStyleClass().add(Styles.TEXT_MUTED);

        VBox content = new VBox(8, where, password);
        if (create) {
            content.getChildren().addAll(confirm, strength);
        }
        if (offerImport) {
            content.getChildren().add(teamFileRow(model, dialog));
        }
        content.getChildren().add(new HBox(8, busy, progress, problem));
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);

        ButtonType go = new ButtonType(create ? "Create vault" : "Unlock", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        Node goButton = dialog.getDialogPane().lookupButton(go);
        goButton.setId("unlock-button");
        Node cancelButton = dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        goButton.disableProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty());
        password.disableProperty().bind(model.busyProperty());
        dialog.setResultConverter(button -> null);
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only when the vault is open
            model.submit(password.getText().toCharArray(), create ? confirm.getText().toCharArray() : null);
        });
        model.busyProperty().addListener((obs, was, now) -> {
            if (!now && model.openedProperty().get() == null) {
                password.selectAll();
                password.requestFocus();
            }
        });
        model.openedProperty().addListener((obs, old, vault) -> {
            password.clear();
            confirm.clear();
            String file = model.teamFileProperty().get().strip();
            dialog.setResult(new FirstStart(vault, file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file))));
            dialog.close();
        });
        Platform.runLater(password::requestFocus);
        return dialog.showAndWait();
    }
}
