package dev.keyport.app.ui.teamfile;

import java.io.File;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.teamfile.ConflictChoice;
import dev.keyport.app.ui.teamfile.ImportViewModel.Step;
import dev.keyport.syncformat.TeamFile;

/** "Import a team file": the file, its passphrase when needed, the preview, the conflict choice, then Import. */
public final class ImportDialog {

    private ImportDialog() {
    }

    /** Shows the dialog; when the model already has a file (dropped, or chosen on the first start) it is read at once. */
    public static void show(Window owner, ImportViewModel model, Runnable imported) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Import a team file");
        dialog.setHeaderText("Hosts, keys, tunnels and trusted server keys from a colleague's team file."
                + " Nothing changes until you press Import.");
        dialog.setGraphic(new FontIcon(Feather.DOWNLOAD));

        TextField path = new TextField();
        path.setId("import-path");
        path.setPromptText("team" + TeamFile.EXTENSION);
        path.textProperty().bindBidirectional(model.pathProperty());
        Button browse = new Button(null, new FontIcon(Feather.FOLDER));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose a team file");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Keyport team files", "*" + TeamFile.EXTENSION));
            File chosen = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                model.pathProperty().set(chosen.getAbsolutePath());
            }
        });
        PasswordField passphrase = new PasswordField();
        passphrase.setId("import-passphrase");
        passphrase.setPromptText("Passphrase of the team file");
        passphrase.visibleProperty().bind(model.needsPassphraseProperty());
        passphrase.managedProperty().bind(passphrase.visibleProperty());
        Button preview = new Button("Preview", new FontIcon(Feather.EYE));
        preview.setId("import-preview-button");
        preview.setOnAction(e -> {
            model.read(passphrase.getText().toCharArray());
            passphrase.clear();
        });
        HBox fileRow = new HBox(6, path, browse, preview);
        HBox.setHgrow(path, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.stepProperty().isEqualTo(Step.READING).or(model.stepProperty().isEqualTo(Step.APPLYING)));
        busy.managedProperty().bind(busy.visibleProperty());
        Label summary = new Label();
        summary.setId("import-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        ListView<String> details = new ListView<>(model.details());
        details.setId("import-details");
        details.setPrefHeight(180);
        details.visibleProperty().bind(model.stepProperty().isEqualTo(Step.PREVIEW).or(model.stepProperty().isEqualTo(Step.DONE))
                .and(javafx.beans.binding.Bindings.isNotEmpty(model.details())));
        details.managedProperty().bind(details.visibleProperty());

        ToggleGroup choice = new ToggleGroup();
        RadioButton mine = radio("Keep mine", ConflictChoice.MINE, choice, "conflict-mine");
        RadioButton theirs = radio("Take the file's", ConflictChoice.THEIRS, choice, "conflict-theirs");
        RadioButton both = radio("Keep both", ConflictChoice.BOTH, choice, "conflict-both");
        mine.setSelected(true);
        choice.selectedToggleProperty().addListener((obs, old, now) -> model.onConflictProperty().set((ConflictChoice) now.getUserData()));
        HBox conflicts = new HBox(12, new Label("In a conflict:"), mine, theirs, both);
        conflicts.visibleProperty().bind(model.conflictsProperty().and(model.stepProperty().isEqualTo(Step.PREVIEW)));
        conflicts.managedProperty().bind(conflicts.visibleProperty());

        Label problem = new Label();
        problem.setId("import-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        Label result = new Label();
        result.setId("import-result");
        result.getStyleClass().add(Styles.SUCCESS);
        result.setWrapText(true);
        result.textProperty().bind(model.resultProperty());
        result.managedProperty().bind(result.textProperty().isNotEmpty());

        VBox content = new VBox(10, fileRow, passphrase, new HBox(8, busy, summary), details, conflicts, problem, result);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);

        ButtonType importType = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(importType, ButtonType.CLOSE);
        Node importButton = dialog.getDialogPane().lookupButton(importType);
        importButton.setId("import-button");
        importButton.disableProperty().bind(model.stepProperty().isNotEqualTo(Step.PREVIEW));
        importButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // stays open to show what happened
            model.apply(imported);
        });
        if (!model.pathProperty().get().isBlank()) {
            Platform.runLater(() -> model.read(null));
        } else {
            Platform.runLater(path::requestFocus);
        }
        dialog.showAndWait();
    }

    private static RadioButton radio(String text, ConflictChoice value, ToggleGroup group, String id) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setUserData(value);
        button.setToggleGroup(group);
        return button;
    }
}
