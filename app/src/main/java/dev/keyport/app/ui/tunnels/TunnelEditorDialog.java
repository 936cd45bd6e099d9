package dev.keyport.app.ui.tunnels;

import java.util.Optional;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.Destination;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/** "New tunnel" / "Edit tunnel", a view over a {@link TunnelEditorViewModel}. Saves nothing itself. */
public final class TunnelEditorDialog {

    private TunnelEditorDialog() {
    }

    public static Optional<ForwardProfile> show(Window owner, TunnelEditorViewModel model, boolean isNew) {
        Dialog<ForwardProfile> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(isNew ? "New tunnel" : "Edit tunnel");
        dialog.setHeaderText(isNew ? "Save a port forward" : "Edit " + model.nameProperty().get());
        dialog.setGraphic(new FontIcon(Feather.SHUFFLE));

        TextField name = new TextField();
        name.setId("tunnel-name");
        name.setPromptText("e.g. prod-db");
        name.textProperty().bindBidirectional(model.nameProperty());
        ComboBox<Host> host = new ComboBox<>();
        host.setId("tunnel-host");
        host.getItems().setAll(model.hosts());
        host.setConverter(new StringConverter<>() {
            @Override
            public String toString(Host h) {
                return h == null ? "" : h.name() + "  (" + Destination.display(h.username(), h.address(), h.port(), false) + ")";
            }

            @Override
            public Host fromString(String text) {
                return null;
            }
        });
        host.valueProperty().bindBidirectional(model.hostProperty());
        host.setMaxWidth(Double.MAX_VALUE);
        TextArea forwards = new TextArea();
        forwards.setId("tunnel-forwards");
        forwards.setPromptText("L 5432:db.internal:5432   (one forward per line)");
        forwards.setPrefRowCount(4);
        forwards.textProperty().bindBidirectional(model.forwardsProperty());
        Label help = new Label("One forward per line, as OpenSSH writes them: L [bind:]port:host:hostport (a port here to a"
                + " host the server reaches), R [bind:]port:host:hostport (a port on the server back to here), D [bind:]port (a"
                + " SOCKS proxy). Ports listen on 127.0.0.1 unless you name another address.");
        help.setWrapText(true);
        help.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        CheckBox autostart = new CheckBox("Start when Keyport opens the vault");
        autostart.setId("tunnel-autostart");
        autostart.selectedProperty().bindBidirectional(model.autostartProperty());
        Label warning = new Label();
        warning.setId("tunnel-warning");
        warning.getStyleClass().add(Styles.WARNING);
        warning.setWrapText(true);
        warning.textProperty().bind(model.warningProperty());
        Label problem = new Label();
        problem.setId("tunnel-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Through"), host);
        grid.addRow(2, new Label("Forwards"), forwards);
        grid.add(help, 1, 3);
        grid.add(autostart, 1, 4);
        grid.add(warning, 0, 5, 2, 1);
        grid.add(problem, 0, 6, 2, 1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setPrefWidth(560);

        ButtonType save = new ButtonType("Save", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Node saveButton = dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save-tunnel-button");
        saveButton.disableProperty().bind(model.problemProperty().isNotEmpty());
        dialog.setResultConverter(button -> button == save ? model.result().orElse(null) : null);
        Platform.runLater(name::requestFocus);
        return dialog.showAndWait();
    }
}
