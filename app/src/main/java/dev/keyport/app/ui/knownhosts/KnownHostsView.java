package dev.keyport.app.ui.knownhosts;

import java.util.Optional;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.ui.Pages;
import dev.keyport.app.services.KnownHostsService.Entry;
import dev.keyport.app.ui.prompts.FingerprintLabel;

/**
 * Known hosts: every server key Keyport trusts, with host, port, key type, the full fingerprint, where
 * it is kept and when it was added; a search box; removing a vault key after a confirmation (known_hosts
 * lines are shown read only). For the main window's content area.
 */
public final class KnownHostsView extends VBox {

    private static final ButtonType REMOVE = new ButtonType("Remove key", ButtonData.OTHER);

    private final KnownHostsViewModel model;
    private final TableView<Entry> table = new TableView<>();

    public KnownHostsView(KnownHostsViewModel model) {
        this.model = model;
        setId("known-hosts-view");
        setSpacing(10);
        setPadding(new Insets(16));

        Label title = new Label("Known hosts");
        title.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label();
        summary.setId("known-hosts-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(model.summaryProperty());
        Label explain = new Label("Keys are trusted per address and port. Removing one makes the next connection there show"
                + " the server's key and ask again. Keys from the known_hosts file are read only here.");
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        TextField search = new TextField();
        search.setId("known-hosts-search");
        search.setPromptText("Search host, type, fingerprint or source");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        search.setMaxWidth(420);
        Button remove = new Button("Remove…", new FontIcon(Feather.TRASH_2));
        remove.setId("known-hosts-remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> table.getSelectionModel().getSelectedItem() == null || !table.getSelectionModel().getSelectedItem().removable(),
                table.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> confirmRemove());
        Button refresh = new Button(null, new FontIcon(Feather.REFRESH_CW));
        refresh.setId("known-hosts-refresh");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refresh.setAccessibleText("Reload");
        refresh.setOnAction(e -> reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, search, spacer, refresh, remove);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label problem = Pages.message("known-hosts-problem", Styles.DANGER, model.problemProperty());

        table.setId("known-hosts-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // The columns share the page's width (no sideways scrolling at the window's default size): the
        // fingerprint keeps its whole width, the others give way down to their minimum, with tooltips.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().add(textColumn("Host", 180, 90, KnownHostsViewModel::hostText, Entry::host));
        table.getColumns().add(textColumn("Port", 64, 64, KnownHostsViewModel::portText, e -> null));
        table.getColumns().add(textColumn("Type", 150, 90, KnownHostsViewModel::typeText, KnownHostsViewModel::typeText));
        table.getColumns().add(fingerprintColumn());
        table.getColumns().add(textColumn("Source", 160, 90, model::sourceText, Entry::where));
        table.getColumns().add(textColumn("Added", 140, 90, model::addedText, model::addedText));
        table.setItems(model.entries());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(model.placeholderProperty());
        table.setPlaceholder(placeholder);
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(new VBox(2, title, summary), explain, bar, problem, table);
    }

    /** Reads the trusted keys again (when the view is shown, after a change elsewhere). */
    public void reload() {
        model.reload();
    }

    private static TableColumn<Entry, String> textColumn(String name, double width, double minWidth,
                                                         Function<Entry, String> text, Function<Entry, String> tooltip) {
        TableColumn<Entry, String> column = new TableColumn<>(name);
        column.setPrefWidth(width);
        column.setMinWidth(minWidth);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                Entry entry = empty || getTableRow() == null ? null : getTableRow().getItem();
                String tip = entry == null ? null : tooltip.apply(entry);
                setTooltip(tip == null ? null : new javafx.scene.control.Tooltip(tip));
            }
        });
        return column;
    }

    /** The fingerprint in full: the column widens to the widest fingerprint rather than cut one. */
    private static TableColumn<Entry, String> fingerprintColumn() {
        TableColumn<Entry, String> column = new TableColumn<>("Fingerprint");
        column.setId("known-hosts-fingerprint-column");
        column.setPrefWidth(420);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fingerprint()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label label = FingerprintLabel.of(item);
                label.getStyleClass().add("known-hosts-fingerprint");
                setGraphic(label);
                label.widthProperty().addListener((obs, old, width) -> widen(getTableColumn(), label));
                label.sceneProperty().addListener((obs, old, scene) -> widen(getTableColumn(), label));
            }
        });
        return column;
    }

    private static void widen(TableColumn<Entry, ?> column, Label label) {
        if (column == null || label.getScene() == null) {
            return;
        }
        double needed = label.prefWidth(-1) + 24;
        if (column.getMinWidth() < needed) {
            column.setMinWidth(needed);
            if (column.getPrefWidth() < needed) {
                column.setPrefWidth(needed);
            }
            TableView<Entry> table = column.getTableView();
            if (table != null) {
                // the constrained policy shares the width out only when the table resizes: run it again
                javafx.application.Platform.runLater(() -> {
                    table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
                    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
                });
            }
        }
    }

    private void confirmRemove() {
        Entry entry = table.getSelectionModel().getSelectedItem();
        if (entry == null || !entry.removable()) {
            return;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().addAll(getScene().getStylesheets());
        }
        alert.setTitle("Remove trusted key");
        alert.setHeaderText("Remove this trusted key?");
        Label question = new Label(model.removeQuestion(entry));
        question.setId("known-hosts-remove-question");
        question.setWrapText(true);
        question.setMinHeight(Region.USE_PREF_SIZE);
        question.setMinWidth(Region.USE_PREF_SIZE);
        question.setMaxWidth(560);
        alert.getDialogPane().setContent(question);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getButtonTypes().setAll(REMOVE, ButtonType.CANCEL);
        Button removeButton = (Button) alert.getDialogPane().lookupButton(REMOVE);
        removeButton.setId("known-hosts-remove-confirm");
        removeButton.getStyleClass().add(Styles.DANGER);
        removeButton.setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isPresent() && answer.get() == REMOVE) {
            model.remove(entry);
        }
    }
}
