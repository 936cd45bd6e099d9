package dev.keyport.app.ui.unlock;

import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.PasswordStrength;
import dev.keyport.vault.Vault;

/**
 * Before the main window, a view over an {@link UnlockViewModel}: "Create your vault" (password,
 * confirmation, strength hint) on first run, "Unlock Keyport" afterwards.
 */
public final class UnlockDialog {

    private UnlockDialog() {
    }

    /** Shows the dialog and waits (nested event loop) until the vault is open or the person cancels. */
    public static Optional<Vault> show(Window owner, boolean create, String location, UnlockViewModel.Opener opener, Executor background) {
        UnlockViewModel model = new UnlockViewModel(create, opener, background, Platform::runLater);
        Dialog<Vault> dialog = new Dialog<>();
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
            dialog.setResult(vault);
            dialog.close();
        });
        Platform.runLater(password::requestFocus);
        return dialog.showAndWait();
    }
}
