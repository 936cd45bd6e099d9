package dev.keyport.app.ui.prompts;

import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import dev.keyport.app.services.DisplayText;

/** Asks for a password or passphrase. The typed text is handed over as a char array. */
final class SecretDialog {

    private SecretDialog() {
    }

    static Optional<char[]> show(Window owner, String title, String prompt) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(DisplayText.line(title));
        dialog.setHeaderText(DisplayText.line(prompt));
        dialog.setGraphic(new FontIcon(Feather.LOCK));
        PasswordField field = new PasswordField();
        field.setId("secret-field");
        field.setPromptText("Password");
        dialog.getDialogPane().setContent(new VBox(8, new Label("Keyport sends it only to this server."), field));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        Optional<char[]> answer = dialog.showAndWait();
        field.clear();
        return answer;
    }
}
