package dev.keyport.app.ui.teamfile;

import java.io.File;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
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
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.PasswordStrength;
import dev.keyport.syncformat.TeamFile;

/** "Export a team file": where, and whether secrets go along under a passphrase (typed twice, strength shown). */
public final class ExportDialog {

    private ExportDialog() {
    }

    public static void show(Window owner, ExportViewModel model) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export a team file");
        dialog.setHeaderText("Your hosts, groups, identities, keys (public halves), tunnels and trusted server keys in one file"
                + " to share or keep in git. Secrets stay out unless you include them.");
        dialog.setGraphic(new FontIcon(Feather.UPLOAD));

        TextField path = new TextField();
        path.setId("export-path");
        path.setPromptText("team" + TeamFile.EXTENSION);
        path.textProperty().bindBidirectional(model.pathProperty());
        Button browse = new Button(null, new FontIcon(Feather.FOLDER));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the team file");
            chooser.setInitialFileName("team" + TeamFile.EXTENSION);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Keyport team files", "*" + TeamFile.EXTENSION));
            File chosen = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                model.pathProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox fileRow = new HBox(6, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);
        CheckBox secrets = new CheckBox("Include secrets (saved passwords, private keys), encrypted under a passphrase");
        secrets.setId("export-secrets");
        secrets.selectedProperty().bindBidirectional(model.includeSecretsProperty());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("export-passphrase");
        passphrase.setPromptText("Passphrase for the secrets");
        PasswordField confirm = new PasswordField();
        confirm.setId("export-passphrase-confirm");
        confirm.setPromptText("The passphrase again");
        Label strength = new Label();
        strength.setId("export-strength");
        strength.setWrapText(true);
        passphrase.textProperty().addListener((obs, old, text) -> model.passphraseTyped(text.toCharArray()));
        model.strengthProperty().addListener((obs, old, s) -> {
            strength.setText(s == null ? "" : s.hint());
            strength.getStyleClass().removeAll(Styles.DANGER, Styles.WARNING, Styles.SUCCESS);
            if (s != null) {
                strength.getStyleClass().add(s == PasswordStrength.STRONG ? Styles.SUCCESS : s == PasswordStrength.FAIR ? Styles.WARNING : Styles.DANGER);
            }
        });
        VBox secretBox = new VBox(6, passphrase, confirm, strength);
        secretBox.visibleProperty().bind(model.includeSecretsProperty());
        secretBox.managedProperty().bind(secretBox.visibleProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label problem = new Label();
        problem.setId("export-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label result = new Label();
        result.setId("export-result");
        result.getStyleClass().add(Styles.SUCCESS);
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        VBox content = new VBox(10, fileRow, secrets, secretBox, busy, problem, result);
        content.setPrefWidth(560);
        dialog.getDialogPane().setContent(content);

        ButtonType exportType = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(exportType, ButtonType.CLOSE);
        Node exportButton = dialog.getDialogPane().lookupButton(exportType);
        exportButton.setId("export-button");
        exportButton.disableProperty().bind(model.busyProperty());
        exportButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open to show what happened
            model.export(passphrase.getText().toCharArray(), confirm.getText().toCharArray(), () -> {
                passphrase.clear();
                confirm.clear();
            });
        });
        Platform.runLater(path::requestFocus);
        dialog.showAndWait();
    }
}
