package dev.keyport.app.ui.tunnels;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;

import dev.keyport.app.ui.Pages;
import dev.keyport.app.ui.WideCell;
import dev.keyport.app.ui.prompts.ChangedKeyDialog;
import dev.keyport.vault.ForwardProfile;

/**
 * The saved tunnels, each with its on/off switch, state, forwards and live counters. Double-click or
 * Enter edits one; the context menu edits, duplicates or deletes.
 */
public final class TunnelsView extends VBox {

    private final ListView<TunnelRow> list = new ListView<>();

    /** @param edit opens the editor for a tunnel (null: a new one), then saves through the view model */
    public TunnelsView(TunnelsViewModel model, Consumer<ForwardProfile> edit) {
        setId("tunnels-pane");
        setSpacing(8);
        setPadding(new Insets(12));
        setMinWidth(240);

        Button add = new Button("New tunnel", new FontIcon(Feather.PLUS));
        add.setId("add-tunnel-button");
        add.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
        add.setTooltip(new Tooltip("Save a port forward to switch on and off"));
        add.setOnAction(e -> edit.accept(null));
        HBox header = Pages.header("Tunnels", add);

        list.setId("tunnel-list");
        list.setItems(model.rows());
        list.setCellFactory(v -> new TunnelCell(model));
        Label empty = new Label("No tunnels yet.\nA tunnel brings a port of a server (say a database) to this machine,"
                + " or the other way round. Add one with New tunnel.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            TunnelRow selected = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected != null) {
                edit.accept(selected.profile());
            }
        });
        list.setOnKeyPressed(e -> {
            TunnelRow selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER) {
                edit.accept(selected.profile());
            } else if (selected != null && e.getCode() == KeyCode.SPACE) {
                model.setOn(selected, !selected.onProperty().get());
                e.consume();
            }
        });
        MenuItem editItem = new MenuItem("Edit", new FontIcon(Feather.EDIT_2));
        editItem.setOnAction(e -> selected(row -> edit.accept(row.profile())));
        MenuItem duplicate = new MenuItem("Duplicate", new FontIcon(Feather.COPY));
        duplicate.setOnAction(e -> selected(row -> edit.accept(model.duplicateOf(row))));
        MenuItem delete = new MenuItem("Delete", new FontIcon(Feather.TRASH_2));
        delete.setOnAction(e -> selected(model::delete));
        list.setContextMenu(new ContextMenu(editItem, duplicate, delete));

        Label problem = Pages.message("tunnels-problem", Styles.DANGER, model.problemProperty());

        getChildren().addAll(header, list, problem);
    }

    private void selected(Consumer<TunnelRow> action) {
        TunnelRow row = list.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row);
        }
    }

    private static final class TunnelCell extends WideCell<TunnelRow> {
        private final TunnelsViewModel model;

        TunnelCell(TunnelsViewModel model) {
            this.model = model;
        }

        @Override
        protected Node draw(TunnelRow row) {
            Label name = new Label();
            name.textProperty().bind(row.nameProperty());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label via = new Label();
            via.setMinWidth(0);
            via.textProperty().bind(row.hostNameProperty().map(h -> "through " + h));
            via.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            Label forwards = new Label();
            forwards.textProperty().bind(row.forwardsProperty());
            forwards.getStyleClass().add(Styles.TEXT_SMALL);
            forwards.setWrapText(true);
            forwards.setMinHeight(Region.USE_PREF_SIZE); // wraps to the list's width, never cut with "…"
            Label state = new Label();
            state.getStyleClass().addAll("tunnel-state", Styles.TEXT_SMALL);
            state.textProperty().bind(row.stateProperty());
            state.setWrapText(true);
            state.setMinHeight(Region.USE_PREF_SIZE);
            row.failingProperty().addListener((obs, was, now) -> state.pseudoClassStateChanged(FAILING, now));
            state.pseudoClassStateChanged(FAILING, row.failingProperty().get());
            Label counters = new Label();
            counters.getStyleClass().addAll("tunnel-counters", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            counters.textProperty().bind(row.countersProperty());
            counters.managedProperty().bind(counters.textProperty().isNotEmpty());
            Label warning = new Label();
            warning.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_SMALL);
            warning.textProperty().bind(row.warningProperty());
            warning.managedProperty().bind(warning.textProperty().isNotEmpty());
            warning.setWrapText(true);
            warning.setMinHeight(Region.USE_PREF_SIZE);
            ToggleSwitch toggle = new ToggleSwitch();
            toggle.getStyleClass().add("tunnel-switch");
            toggle.setSelected(row.onProperty().get());
            row.onProperty().addListener((obs, was, now) -> toggle.setSelected(now));
            toggle.selectedProperty().addListener((obs, was, now) -> model.setOn(row, now));
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            toggle.setMinWidth(Region.USE_PREF_SIZE);
            HBox top = new HBox(8, name, via, spacer, toggle);
            top.setAlignment(Pos.CENTER_LEFT);
            // the server's key changed: switching on again cannot help; comparing both keys can (never automatic)
            Button review = new Button("Review the new key…", new FontIcon(Feather.KEY));
            review.getStyleClass().addAll("review-tunnel-key", Styles.SMALL);
            review.visibleProperty().bind(row.keyChangeProperty().isNotNull());
            review.managedProperty().bind(review.visibleProperty());
            review.setOnAction(e -> {
                dev.keyport.terminal.HostKeyChange change = row.keyChangeProperty().get();
                if (change != null && ChangedKeyDialog.confirm(getScene().getWindow(), change)) {
                    model.replaceKeyAndSwitchOn(row);
                }
            });
            VBox box = new VBox(3, top, forwards, state, counters, warning, review);
            box.setMaxWidth(Double.MAX_VALUE);
            return box;
        }
    }

    private static final javafx.css.PseudoClass FAILING = javafx.css.PseudoClass.getPseudoClass("failing");
}
