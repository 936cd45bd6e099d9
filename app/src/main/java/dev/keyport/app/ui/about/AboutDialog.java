package dev.keyport.app.ui.about;

import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import atlantafx.base.theme.Styles;

/** "About Keyport": the icon, the version, where the data lives, and the Java runtime it runs on. */
public final class AboutDialog {

    private AboutDialog() {
    }

    /** Ctrl+Shift+A (Cmd+Shift+A on macOS): "about", free in the shortcut map and never sent to the shell. */
    public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);

    /**
     * The hook: {@link #SHORTCUT} on {@code stage}'s scene opens the dialog. A filter, because the
     * terminal consumes every key it sees. Call on the FX thread after the scene is set.
     */
    public static void installShortcut(Stage stage, String version, String dataFolder) {
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (SHORTCUT.match(e)) {
                e.consume();
                show(stage, version, dataFolder);
            }
        });
    }

    /** Shows the dialog (not modal to anything but {@code owner}) and returns at once. Call on the FX thread. */
    public static Alert show(Window owner, String version, String dataFolder) {
        Alert dialog = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        dialog.initOwner(owner);
        dialog.setTitle("About Keyport");
        dialog.setHeaderText("Keyport " + version);
        ImageView icon = new ImageView(AppIcon.image(64));
        icon.setId("about-icon");
        dialog.setGraphic(icon);

        Label what = new Label("A desktop SSH connection manager.");
        what.setWrapText(true);
        Label versionLabel = new Label("Version " + version);
        versionLabel.setId("about-version");
        Label data = new Label("Your vault: " + dataFolder);
        data.setId("about-data-folder");
        data.setWrapText(true);
        Label runtime = new Label("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name", "")
                + "), JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        runtime.setWrapText(true);
        runtime.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(8, what, versionLabel, data, runtime);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefWidth(440);
        dialog.getDialogPane().setId("about-dialog");
        dialog.show();
        return dialog;
    }
}
