package dev.keyport.app.ui.settings;

import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.TerminalPreferences;

/** "Settings": the terminal's scrollback. Returns the new value; saves nothing itself. */
public final class SettingsDialog {

    private SettingsDialog() {
    }

    /** The scrollback the person chose, or empty when they cancelled. */
    public static Optional<Integer> show(Window owner, int scrollbackLines) {
        SettingsViewModel model = new SettingsViewModel(scrollbackLines);
        Dialog<Integer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText("Terminal");
        dialog.setGraphic(new FontIcon(Feather.SETTINGS));

        Spinner<Integer> scrollback = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                TerminalPreferences.MIN_SCROLLBACK, TerminalPreferences.MAX_SCROLLBACK, scrollbackLines, 1_000));
        scrollback.setId("scrollback-lines");
        scrollback.setEditable(true);
        scrollback.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0,6}") ? change : null));
        scrollback.setPrefWidth(160);
        Label problem = new Label();
        problem.setId("settings-problem");
        problem.getStyleClass().add(Styles.DANGER);
        Label hint = new Label("Lines of history each terminal keeps, from " + TerminalPreferences.MIN_SCROLLBACK + " to "
                + String.format("%,d", TerminalPreferences.MAX_SCROLLBACK) + ". Tabs opened from now on use it;"
                + " open tabs keep theirs.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.addRow(0, new Label("Scrollback lines"), scrollback);
        grid.add(hint, 0, 1, 2, 1);
        grid.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(460);

        ButtonType save = new ButtonType("Save", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save-settings-button");
        model.scrollbackProperty().bind(scrollback.getEditor().textProperty());
        problem.textProperty().bind(model.problemProperty());
        saveButton.disableProperty().bind(model.problemProperty().isNotEmpty());
        dialog.setResultConverter(button -> button == save ? model.scrollbackLines().orElse(null) : null);
        Platform.runLater(scrollback.getEditor()::requestFocus);
        return dialog.showAndWait();
    }
}
