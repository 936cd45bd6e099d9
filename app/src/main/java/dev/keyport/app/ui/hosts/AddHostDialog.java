package dev.keyport.app.ui.hosts;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.ui.hosts.AddHostViewModel.NewHost;

/** "New host": name, address, port, user, and password (asked or saved) or key file. Saves nothing itself. */
public final class AddHostDialog {

    private AddHostDialog() {
    }

    public static Optional<NewHost> show(Window owner) {
        Path defaultKey = Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519");
        AddHostViewModel model = new AddHostViewModel(System.getProperty("user.name", ""),
                defaultKey.toFile().isFile() ? defaultKey.toString() : "");
        Dialog<NewHost> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New host");
        dialog.setHeaderText("Add a server");
        dialog.setGraphic(new FontIcon(Feather.SERVER));

        TextField name = field("host-name", "e.g. db.internal", model.nameProperty());
        TextField address = field("host-address", "host name or IP address", model.addressProperty());
        TextField port = field("host-port", "22", model.portProperty());
        port.setPrefColumnCount(6);
        TextField user = field("host-user", "user name", model.userProperty());
        ToggleGroup authGroup = new ToggleGroup();
        RadioButton password = new RadioButton("Password");
        password.setId("auth-password");
        password.setToggleGroup(authGroup);
        RadioButton key = new RadioButton("Private key");
        key.setId("auth-key");
        key.setToggleGroup(authGroup);
        key.setSelected(model.keyLoginProperty().get());
        password.setSelected(!model.keyLoginProperty().get());
        model.keyLoginProperty().bind(key.selectedProperty());
        TextField keyFile = field("host-key-file", "~/.ssh/id_ed25519", model.keyFileProperty());
        Button browse = new Button(null, new FontIcon(Feather.FOLDER));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a private key");
            File sshDir = Path.of(System.getProperty("user.home"), ".ssh").toFile();
            if (sshDir.isDirectory()) {
                chooser.setInitialDirectory(sshDir);
            }
            File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                keyFile.setText(chosen.getAbsolutePath());
            }
        });
        PasswordField passwordField = new PasswordField();
        passwordField.setId("host-password");
        passwordField.setPromptText("leave empty to be asked when connecting");
        CheckBox savePassword = new CheckBox("Save in the vault (encrypted)");
        savePassword.setId("host-save-password");
        savePassword.selectedProperty().bindBidirectional(model.savePasswordProperty());
        HBox passwordRow = new HBox(10, passwordField, savePassword);
        HBox.setHgrow(passwordField, Priority.ALWAYS);
        HBox keyRow = new HBox(6, keyFile, browse);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        Label problem = new Label();
        problem.setId("add-host-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Address"), address);
        grid.addRow(1, new Label("Port"), port);
        grid.addRow(2, new Label("User"), user);
        grid.addRow(3, new Label("Name"), name);
        grid.addRow(4, new Label("Login with"), new HBox(16, key, password));
        // Only the row for the chosen login method is shown.
        Label keyLabel = new Label("Key file");
        Label passwordLabel = new Label("Password");
        for (Node node : List.of(keyLabel, keyRow)) {
            node.visibleProperty().bind(key.selectedProperty());
            node.managedProperty().bind(key.selectedProperty());
        }
        for (Node node : List.of(passwordLabel, passwordRow)) {
            node.visibleProperty().bind(password.selectedProperty());
            node.managedProperty().bind(password.selectedProperty());
        }
        grid.addRow(5, keyLabel, keyRow);
        grid.addRow(6, passwordLabel, passwordRow);
        grid.add(problem, 0, 7, 2, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(520);

        ButtonType save = new ButtonType("Save", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save-host-button");
        saveButton.disableProperty().bind(model.problemProperty().isNotEmpty());
        dialog.setResultConverter(button -> {
            if (button != save) {
                return null;
            }
            char[] typed = passwordField.getText().toCharArray();
            try {
                return model.result(typed).orElse(null);
            } finally {
                java.util.Arrays.fill(typed, '\0');
            }
        });
        Platform.runLater(address::requestFocus);
        Optional<NewHost> answer = dialog.showAndWait();
        passwordField.clear();
        return answer;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }
}
