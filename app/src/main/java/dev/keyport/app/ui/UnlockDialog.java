package dev.keyport.app.ui;

import java.util.Arrays;
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
import dev.keyport.vault.VaultException;

/**
 * Before the main window: "Create your vault" (password, confirmation, strength hint) on first run,
 * "Unlock Keyport" afterwards. The key derivation and database open run on {@code background}; a
 * wrong password shows "Wrong master password" and lets the person try again.
 */
public final class UnlockDialog {

    /** Creates or unlocks the vault with the typed password; blocking, called off the FX thread. */
    @FunctionalInterface
    public interface Opener {
        Vault open(char[] masterPassword) throws VaultException;
    }

    private UnlockDialog() {
    }

    /** What is wrong with a new master password and its confirmation, or an empty string. */
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

    public static Optional<Vault> show(Window owner, boolean create, String location, Opener opener, Executor background) {
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
        password.textProperty().addListener((obs, old, text) -> {
            char[] chars = text.toCharArray();
            PasswordStrength s = PasswordStrength.of(chars);
            Arrays.fill(chars, '\0');
            strength.setText(s.hint());
            strength.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
            strength.getStyleClass().add(s == PasswordStrength.STRONG ? Styles.SUCCESS : s == PasswordStrength.FAIR ? Styles.WARNING : Styles.DANGER);
        });
        Label problem = new Label();
        problem.setId("unlock-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        Label where = new Label(location);
        where.getStyleClass().add(Styles.TEXT_MUTED);

        VBox content = new VBox(8, where, password);
        if (create) {
            content.getChildren().addAll(confirm, strength);
        }
        content.getChildren().add(new HBox(8, busy, problem));
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);

        ButtonType go = new ButtonType(create ? "Create vault" : "Unlock", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);
        Node goButton = dialog.getDialogPane().lookupButton(go);
        goButton.setId("unlock-button");
        Node cancelButton = dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        dialog.setResultConverter(button -> null);
        goButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume(); // the dialog closes only when the vault is open
            char[] chars = password.getText().toCharArray();
            if (create) {
                char[] again = confirm.getText().toCharArray();
                String invalid = validateNew(chars, again);
                Arrays.fill(again, '\0');
                if (!invalid.isEmpty()) {
                    Arrays.fill(chars, '\0');
                    problem.setText(invalid);
                    return;
                }
            }
            problem.setText(create ? "Creating the vault..." : "Unlocking...");
            busy.setVisible(true);
            goButton.setDisable(true);
            cancelButton.setDisable(true);
            password.setDisable(true);
            background.execute(() -> {
                try {
                    Vault vault = opener.open(chars);
                    Platform.runLater(() -> {
                        password.clear();
                        confirm.clear();
                        dialog.setResult(vault);
                        dialog.close();
                    });
                } catch (VaultException | RuntimeException e) {
                    String message = e instanceof VaultException ? e.getMessage() : "Keyport could not open the vault: " + e;
                    Platform.runLater(() -> {
                        problem.setText(message);
                        busy.setVisible(false);
                        goButton.setDisable(false);
                        cancelButton.setDisable(false);
                        password.setDisable(false);
                        password.selectAll();
                        password.requestFocus();
                    });
                } finally {
                    Arrays.fill(chars, '\0');
                }
            });
        });
        Platform.runLater(password::requestFocus);
        return dialog.showAndWait();
    }
}
