package dev.keyport.app.ui.prompts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import dev.keyport.app.services.DisplayText;
import dev.keyport.terminal.UserPrompter.Prompt;

/**
 * The server's keyboard-interactive questions (one-time codes, second factors) in one dialog:
 * a visible field where the server allows echo, a password field where it does not.
 */
final class PromptsDialog {

    private PromptsDialog() {
    }

    static Optional<List<char[]>> show(Window owner, String title, String instruction, List<Prompt> prompts) {
        Dialog<List<char[]>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(DisplayText.line(title)); // the server chooses the name, instruction and prompts
        dialog.setHeaderText(instruction == null || instruction.isBlank() ? "The server asks:" : DisplayText.lines(instruction.strip()));
        dialog.setGraphic(new FontIcon(Feather.KEY));
        VBox content = new VBox(8);
        List<TextInputControl> fields = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            Prompt prompt = prompts.get(i);
            TextInputControl field = prompt.echo() ? new TextField() : new PasswordField();
            field.setId("prompt-field-" + i);
            fields.add(field);
            content.getChildren().addAll(new Label(DisplayText.line(prompt.text().strip())), field);
        }
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            List<char[]> answers = new ArrayList<>();
            for (TextInputControl field : fields) {
                answers.add(field.getText().toCharArray());
            }
            return answers;
        });
        if (!fields.isEmpty()) {
            Platform.runLater(fields.get(0)::requestFocus);
        }
        Optional<List<char[]>> answers = dialog.showAndWait();
        fields.forEach(TextInputControl::clear);
        return answers;
    }
}
