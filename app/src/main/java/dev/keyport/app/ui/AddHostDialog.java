package dev.keyport.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
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

import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/** "New host": name, address, port, user, and password (asked or saved) or key file. Saves nothing itself. */
final class AddHostDialog {

    /** The dialog's answer: the host and, when the person chose to save it, the password (the receiver wipes it). */
    record NewHost(Host host, char[] password) {
        @Override
        public String toString() {
            return "NewHost[" + host + (password == null ? "" : ", password saved") + "]";
        }
    }

    private AddHostDialog() {
    }

    static Optional<NewHost> show(Window owner) {
        Dialog<NewHost> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New host");
        dialog.setHeaderText("Add a server");
        dialog.setGraphic(new FontIcon(Feather.SERVER));

        TextField name = field("host-name", "e.g. db.internal");
        TextField address = field("host-address", "host name or IP address");
        TextField port = field("host-port", "22");
        port.setText("22");
        port.setPrefColumnCount(6);
        TextField user = field("host-user", "user name");
        user.setText(System.getProperty("user.name", ""));
        ToggleGroup authGroup = new ToggleGroup();
        RadioButton password = new RadioButton("Password");
        password.setId("auth-password");
        password.setToggleGroup(authGroup);
        RadioButton key = new RadioButton("Private key");
        key.setId("auth-key");
        key.setToggleGroup(authGroup);
        key.setSelected(true);
        TextField keyFile = field("host-key-file", "~/.ssh/id_ed25519");
        Path defaultKey = Path.of(System.getProperty("user.home"), ".ssh", "id_ed25519");
        if (defaultKey.toFile().isFile()) {
            keyFile.setText(defaultKey.toString());
        }
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
        savePassword.setSelected(true);
        HBox passwordRow = new HBox(10, passwordField, savePassword);
        HBox.setHgrow(passwordField, Priority.ALWAYS);
        HBox keyRow = new HBox(6, keyFile, browse);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        // Name follows the address until the person types a name of their own.
        address.textProperty().addListener((obs, old, text) -> {
            if (name.getText().isEmpty() || name.getText().equals(old)) {
                name.setText(text);
            }
        });

        Label problem = new Label();
        problem.setId("add-host-problem");
        problem.getStyleClass().add(Styles.DANGER);
        StringBinding validation = Bindings.createStringBinding(
                () -> validate(address.getText(), port.getText(), user.getText(), key.isSelected(), keyFile.getText()),
                address.textProperty(), port.textProperty(), user.textProperty(), key.selectedProperty(), keyFile.textProperty());
        problem.textProperty().bind(validation);

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
        saveButton.disableProperty().bind(validation.isNotEmpty());
        dialog.setResultConverter(button -> {
            if (button != save) {
                return null;
            }
            boolean keep = !key.isSelected() && savePassword.isSelected() && !passwordField.getText().isEmpty();
            HostAuth auth = key.isSelected() ? new HostAuth.KeyFile(keyFile.getText().strip())
                    : keep ? new HostAuth.SavedPassword() : new HostAuth.Password();
            String hostName = name.getText().isBlank() ? address.getText() : name.getText();
            Host host = Host.create(hostName, address.getText().strip(), Integer.parseInt(port.getText().strip()), user.getText().strip(), auth);
            return new NewHost(host, keep ? passwordField.getText().toCharArray() : null);
        });
        Platform.runLater(address::requestFocus);
        Optional<NewHost> answer = dialog.showAndWait();
        passwordField.clear();
        return answer;
    }

    /** What is wrong with the form, or an empty string when it can be saved. */
    static String validate(String address, String port, String user, boolean keyAuth, String keyFile) {
        if (address == null || address.isBlank()) {
            return "Enter the server's address.";
        }
        if (address.strip().contains(" ")) {
            return "The address cannot contain spaces.";
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port == null ? "" : port.strip());
        } catch (NumberFormatException e) {
            return "The port must be a number (usually 22).";
        }
        if (portNumber < 1 || portNumber > 65535) {
            return "The port must be between 1 and 65535.";
        }
        if (user == null || user.isBlank()) {
            return "Enter the user name to log in as.";
        }
        if (keyAuth && (keyFile == null || keyFile.isBlank())) {
            return "Choose a private key file, or log in with a password.";
        }
        return "";
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }
}
