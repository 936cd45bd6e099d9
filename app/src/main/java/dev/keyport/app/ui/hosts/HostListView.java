package dev.keyport.app.ui.hosts;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.vault.Host;

/** The searchable list of saved hosts. Double-click or Enter opens one. */
public final class HostListView extends VBox {

    private final TextField search = new TextField();
    private final ListView<Host> list = new ListView<>();

    public HostListView(HostListViewModel model, Consumer<Host> open, Runnable addHost) {
        setId("host-list-pane");
        setSpacing(8);
        setPadding(new Insets(12));
        setMinWidth(240);

        Label title = new Label("Hosts");
        title.getStyleClass().add(Styles.TITLE_3);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button add = new Button("New host", new FontIcon(Feather.PLUS));
        add.setId("add-host-button");
        add.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
        add.setTooltip(new Tooltip("Add a server (Ctrl+Shift+N)"));
        add.setOnAction(e -> addHost.run());
        HBox header = new HBox(8, title, spacer, add);
        header.setAlignment(Pos.CENTER_LEFT);

        search.setId("host-search");
        search.setPromptText("Search hosts (Ctrl+Shift+K)");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                list.requestFocus();
                if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                    list.getSelectionModel().selectFirst();
                }
                if (e.getCode() == KeyCode.ENTER && list.getItems().size() == 1) {
                    open.accept(list.getItems().get(0));
                }
                e.consume();
            }
        });

        list.setId("host-list");
        list.setItems(model.visibleHosts());
        list.setCellFactory(v -> new HostCell(model));
        model.tunnelsOn().addListener((javafx.collections.SetChangeListener<java.util.UUID>) change -> list.refresh());
        Label empty = new Label();
        empty.setId("host-list-placeholder");
        empty.textProperty().bind(model.placeholderProperty());
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            Host selected = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected != null) {
                open.accept(selected);
            }
        });
        list.setOnKeyPressed(e -> {
            Host selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(selected);
                e.consume();
            }
        });
        MenuItem connect = new MenuItem("Connect", new FontIcon(Feather.TERMINAL));
        connect.setOnAction(e -> selected(open));
        MenuItem delete = new MenuItem("Delete", new FontIcon(Feather.TRASH_2));
        delete.setOnAction(e -> selected(model::delete));
        list.setContextMenu(new ContextMenu(connect, delete));

        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        getChildren().addAll(header, search, list, problem);
    }

    private void selected(Consumer<Host> action) {
        Host host = list.getSelectionModel().getSelectedItem();
        if (host != null) {
            action.accept(host);
        }
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    private static final class HostCell extends ListCell<Host> {
        private final HostListViewModel model;

        HostCell(HostListViewModel model) {
            this.model = model;
        }

        @Override
        protected void updateItem(Host host, boolean empty) {
            super.updateItem(host, empty);
            if (empty || host == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(host.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label target = new Label(host.username() + "@" + host.address() + (host.port() == 22 ? "" : ":" + host.port()));
            target.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            FontIcon icon = new FontIcon(Feather.SERVER);
            icon.setIconSize(18);
            HBox row = new HBox(10, icon, new VBox(2, name, target));
            if (model.tunnelsOn().contains(host.id())) {
                FontIcon tunnel = new FontIcon(Feather.SHUFFLE);
                tunnel.getStyleClass().add(Styles.SUCCESS);
                Label on = new Label("tunnel on", tunnel);
                on.getStyleClass().addAll("tunnel-on", Styles.TEXT_SMALL, Styles.SUCCESS);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                row.getChildren().addAll(gap, on);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
