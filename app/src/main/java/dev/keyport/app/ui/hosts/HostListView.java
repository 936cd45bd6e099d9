package dev.keyport.app.ui.hosts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.Destination;
import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.hosts.HostTree.GroupRow;
import dev.keyport.app.ui.hosts.HostTree.HostRow;
import dev.keyport.app.ui.hosts.HostTree.Row;
import dev.keyport.app.ui.hosts.HostTree.Sort;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostGroup;

/**
 * The saved hosts: search, tag filter, order, groups as collapsible sections with counts, and the
 * hosts in them. Double-click or Enter opens a terminal; F2 or the pencil edits; Delete deletes
 * (after a confirmation, with an undo); dragging hosts onto a group moves them there.
 */
public final class HostListView extends VBox {

    /** How long the "Deleted … Undo" bar stays (while the pointer is not on it). */
    static final Duration UNDO_TIME = Duration.seconds(10);
    private static final KeyCombination EDIT = new KeyCodeCombination(KeyCode.F2);

    private final HostListViewModel model;
    private final Consumer<Host> open;
    private final TextField search = new TextField();
    private final ListView<Row> list = new ListView<>();
    private final FlowPane tagBar = new FlowPane(6, 4);
    private final PauseTransition undoTimer = new PauseTransition(UNDO_TIME);
    private List<Host> dragged = List.of();
    private UUID draggedGroup;

    /** The "New host" button opens the editor itself. */
    public HostListView(HostListViewModel model, Consumer<Host> open) {
        this(model, open, null);
    }

    /** @param addHost what "New host" does; null: open the editor ({@link #newHost()}) */
    public HostListView(HostListViewModel model, Consumer<Host> open, Runnable addHost) {
        this.model = model;
        this.open = open;
        setId("host-list-pane");
        getStyleClass().add("host-list");
        getStylesheets().add(stylesheet());
        setSpacing(8);
        setPadding(new Insets(12));
        setMinWidth(240);

        Label title = new Label("Hosts");
        title.getStyleClass().add(Styles.TITLE_3);
        Label total = new Label();
        total.setId("host-total");
        total.getStyleClass().add("host-count");
        total.textProperty().bind(javafx.beans.binding.Bindings.size(model.allHosts()).asString());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button edit = new Button(null, new FontIcon(Feather.EDIT_2));
        edit.setId("edit-host-button");
        edit.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON);
        edit.setTooltip(new Tooltip("Edit the selected host (F2)"));
        edit.setOnAction(e -> editSelected());
        Button add = new Button("New host", new FontIcon(Feather.PLUS));
        add.setId("add-host-button");
        add.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
        add.setTooltip(new Tooltip("Add a server (Ctrl+Shift+N)"));
        add.setOnAction(e -> {
            if (addHost != null) {
                addHost.run();
            } else {
                newHost();
            }
        });
        Button addGroup = new Button(null, new FontIcon(Feather.FOLDER_PLUS));
        addGroup.setId("add-group-button");
        addGroup.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_ICON);
        addGroup.setTooltip(new Tooltip("New group"));
        addGroup.setOnAction(e -> askGroupName(null));
        HBox header = new HBox(6, title, total, spacer, addGroup, edit, add);
        header.setAlignment(Pos.CENTER_LEFT);
        // The title and the actions are never cut ("Ho…", "New h…"): the spacer gives way first, and
        // where even that is not enough (the list at its narrowest) "New host" shows its icon alone.
        for (Region whole : List.of(title, total, addGroup, edit, add)) {
            whole.setMinWidth(Region.USE_PREF_SIZE);
        }
        header.setMinWidth(0); // it follows the list's width; its children decide what to show
        double[] addWithText = {0};
        header.widthProperty().addListener((obs, old, width) -> {
            if (add.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
                addWithText[0] = add.prefWidth(-1);
            }
            double others = title.prefWidth(-1) + total.prefWidth(-1) + addGroup.prefWidth(-1) + edit.prefWidth(-1)
                    + header.getSpacing() * 5 + header.getInsets().getLeft() + header.getInsets().getRight();
            add.setContentDisplay(width.doubleValue() < others + addWithText[0]
                    ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY : javafx.scene.control.ContentDisplay.LEFT);
        });

        search.setId("host-search");
        search.setPromptText("Search name, address, user, group, #tag (Ctrl+Shift+K)");
        search.textProperty().bindBidirectional(model.queryProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && !search.getText().isEmpty()) {
                search.clear();
                e.consume();
                return;
            }
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                boolean enter = e.getCode() == KeyCode.ENTER;
                list.requestFocus();
                // on the rows of what was typed: the search may still be running for the last keystroke
                model.afterSearch(() -> {
                    if (list.getSelectionModel().isEmpty()) {
                        selectFirstHost();
                    }
                    if (enter && model.visibleHosts().size() == 1) {
                        open.accept(model.visibleHosts().get(0));
                    }
                });
                e.consume();
            }
        });

        ComboBox<Sort> sort = new ComboBox<>();
        sort.setId("host-sort");
        sort.getItems().setAll(Sort.values());
        sort.valueProperty().bindBidirectional(model.sortProperty());
        sort.getStyleClass().add(Styles.SMALL);
        sort.setTooltip(new Tooltip("Order of the hosts in each group"));
        Label sortLabel = new Label("Sort", new FontIcon(Feather.BAR_CHART_2));
        sortLabel.getStyleClass().add(Styles.TEXT_MUTED);
        HBox sortRow = new HBox(6, sortLabel, sort);
        sortRow.setAlignment(Pos.CENTER_LEFT);

        tagBar.setId("host-tag-filter");
        model.tags().addListener((ListChangeListener<String>) c -> rebuildTags());
        model.tagFilter().addListener((SetChangeListener<String>) c -> rebuildTags());
        tagBar.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.tags()));
        tagBar.visibleProperty().bind(tagBar.managedProperty());

        list.setId("host-list");
        list.setItems(model.rows());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new RowCell());
        model.tunnelsOn().addListener((SetChangeListener<UUID>) change -> list.refresh());
        model.tabsOn().addListener((SetChangeListener<UUID>) change -> list.refresh());
        Label empty = new Label();
        empty.setId("host-list-placeholder");
        empty.textProperty().bind(model.placeholderProperty());
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            Host host = selectedHost();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && host != null) {
                open.accept(host);
            }
        });
        list.setOnKeyPressed(e -> {
            Row row = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row instanceof GroupRow group) {
                model.toggle(group.group().id());
                e.consume();
            } else if (EDIT.match(e) && row instanceof GroupRow group) {
                askRename(group.group());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && row instanceof GroupRow group) {
                confirmDeleteGroup(group.group());
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER && selectedHost() != null) {
                open.accept(selectedHost());
                e.consume();
            } else if (EDIT.match(e)) {
                editSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE && !selectedHosts().isEmpty()) {
                confirmDelete(selectedHosts());
                e.consume();
            }
        });
        ContextMenu menu = new ContextMenu();
        fillMenu(menu);
        // filled for the selection before it shows (the list selects the row under the pointer first)
        list.addEventFilter(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> fillMenu(menu));
        menu.setOnShowing(e -> fillMenu(menu));
        list.setContextMenu(menu);
        // a drop below the last row: to the top level
        list.setOnMouseDragReleased(e -> dropAt(null));

        Label undoText = new Label();
        undoText.setId("host-undo-message");
        undoText.textProperty().bind(model.undoMessageProperty());
        undoText.setTextOverrun(OverrunStyle.ELLIPSIS);
        undoText.setMinWidth(0);
        Region undoGap = new Region();
        HBox.setHgrow(undoGap, Priority.ALWAYS);
        Button undo = new Button("Undo", new FontIcon(Feather.ROTATE_CCW));
        undo.setId("host-undo");
        undo.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        undo.setOnAction(e -> model.undo());
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.SMALL, Styles.FLAT, Styles.BUTTON_ICON);
        dismiss.setTooltip(new Tooltip("Dismiss (the deletion stays)"));
        dismiss.setOnAction(e -> model.dismissUndo());
        HBox undoBar = new HBox(8, new FontIcon(Feather.TRASH_2), undoText, undoGap, undo, dismiss);
        undoBar.setId("host-undo-bar");
        undoBar.getStyleClass().add("undo-bar");
        undoBar.setAlignment(Pos.CENTER_LEFT);
        undoBar.managedProperty().bind(model.undoMessageProperty().isNotEmpty());
        undoBar.visibleProperty().bind(undoBar.managedProperty());
        undoTimer.setOnFinished(e -> model.dismissUndo());
        model.undoMessageProperty().addListener((obs, old, text) -> {
            if (text.isEmpty()) {
                undoTimer.stop();
            } else {
                undoTimer.playFromStart();
            }
        });
        undoBar.hoverProperty().addListener((obs, was, hover) -> {
            if (hover) {
                undoTimer.pause();
            } else if (!model.undoMessageProperty().get().isEmpty()) {
                undoTimer.play();
            }
        });

        Label problem = new Label();
        problem.setId("host-list-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());

        getChildren().addAll(header, search, sortRow, tagBar, list, undoBar, problem);
        rebuildTags();
    }

    static String stylesheet() {
        return HostListView.class.getResource("/dev/keyport/app/ui/hosts/hosts.css").toExternalForm();
    }

    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Opens the editor for a new host; saving goes through the view model. */
    public void newHost() {
        model.edit(null, editor -> HostEditorDialog.show(getScene().getWindow(), editor).ifPresent(model::save));
    }

    /** Opens the editor for the selected host (the first one when several are selected). */
    public void editSelected() {
        Host host = selectedHost();
        if (host != null) {
            edit(host);
        }
    }

    public void edit(Host host) {
        model.edit(host, editor -> HostEditorDialog.show(getScene().getWindow(), editor).ifPresent(model::save));
    }

    /** The selected hosts, in list order (group headers are not hosts). */
    public List<Host> selectedHosts() {
        List<Host> hosts = new ArrayList<>();
        for (Row row : list.getSelectionModel().getSelectedItems()) {
            if (row instanceof HostRow hostRow) {
                hosts.add(hostRow.host());
            }
        }
        return hosts;
    }

    private Host selectedHost() {
        Row row = list.getSelectionModel().getSelectedItem();
        if (row instanceof HostRow hostRow) {
            return hostRow.host();
        }
        List<Host> hosts = selectedHosts();
        return hosts.isEmpty() ? null : hosts.get(0);
    }

    private void selectFirstHost() {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i) instanceof HostRow) {
                list.getSelectionModel().clearAndSelect(i);
                list.scrollTo(i);
                return;
            }
        }
    }

    private void rebuildTags() {
        List<javafx.scene.Node> chips = new ArrayList<>();
        for (String tag : model.tags()) {
            ToggleButton chip = new ToggleButton("#" + tag);
            chip.setId("tag-filter-" + tag);
            chip.getStyleClass().add("tag-chip");
            chip.setSelected(model.tagFilter().contains(tag));
            chip.setTooltip(new Tooltip("Show only hosts tagged " + tag));
            chip.setOnAction(e -> {
                if (chip.isSelected()) {
                    model.tagFilter().add(tag);
                } else {
                    model.tagFilter().remove(tag);
                }
            });
            chips.add(chip);
        }
        tagBar.getChildren().setAll(chips);
    }

    private void fillMenu(ContextMenu menu) {
        List<Host> hosts = selectedHosts();
        menu.getItems().clear();
        if (list.getSelectionModel().getSelectedItem() instanceof GroupRow groupRow) {
            fillGroupMenu(menu, groupRow.group());
            return;
        }
        if (hosts.isEmpty()) {
            MenuItem add = new MenuItem("New host…", new FontIcon(Feather.PLUS));
            add.setOnAction(e -> newHost());
            MenuItem group = new MenuItem("New group…", new FontIcon(Feather.FOLDER_PLUS));
            group.setId("menu-new-top-group");
            group.setOnAction(e -> askGroupName(null));
            menu.getItems().addAll(add, group);
            return;
        }
        Host first = hosts.get(0);
        MenuItem connect = new MenuItem(hosts.size() == 1 ? "Connect" : "Connect to " + hosts.size() + " hosts", new FontIcon(Feather.TERMINAL));
        connect.setId("menu-connect");
        connect.setOnAction(e -> hosts.forEach(open));
        MenuItem edit = new MenuItem("Edit…", new FontIcon(Feather.EDIT_2));
        edit.setId("menu-edit");
        edit.setAccelerator(EDIT);
        edit.setDisable(hosts.size() != 1);
        edit.setOnAction(e -> edit(first));
        MenuItem duplicate = new MenuItem("Duplicate", new FontIcon(Feather.COPY));
        duplicate.setId("menu-duplicate");
        duplicate.setDisable(hosts.size() != 1);
        duplicate.setOnAction(e -> model.duplicate(first));
        Menu move = new Menu(hosts.size() == 1 ? "Move to group" : "Move " + hosts.size() + " hosts to group", new FontIcon(Feather.FOLDER));
        move.setId("menu-move");
        MenuItem none = new MenuItem("No group");
        none.setOnAction(e -> model.move(hosts, null));
        move.getItems().add(none);
        List<HostGroup> groups = new ArrayList<>(model.groups());
        groups.sort((a, b) -> model.path(a.id()).compareToIgnoreCase(model.path(b.id())));
        for (HostGroup group : groups) {
            MenuItem item = new MenuItem(model.path(group.id()));
            item.setOnAction(e -> model.move(hosts, group.id()));
            move.getItems().add(item);
        }
        MenuItem newGroup = new MenuItem("New group…");
        newGroup.setId("menu-new-group");
        newGroup.setOnAction(e -> askNewGroup(hosts));
        move.getItems().addAll(new SeparatorMenuItem(), newGroup);
        MenuItem delete = new MenuItem(hosts.size() == 1 ? "Delete…" : "Delete " + hosts.size() + " hosts…", new FontIcon(Feather.TRASH_2));
        delete.setId("menu-delete");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> confirmDelete(hosts));
        menu.getItems().addAll(connect, edit, duplicate, move, new SeparatorMenuItem(), delete);
    }

    /** The right-click menu of a group header: new subgroup, rename, move, delete. */
    private void fillGroupMenu(ContextMenu menu, HostGroup group) {
        MenuItem sub = new MenuItem("New group inside…", new FontIcon(Feather.FOLDER_PLUS));
        sub.setId("menu-new-subgroup");
        sub.setOnAction(e -> askGroupName(group));
        MenuItem rename = new MenuItem("Rename…", new FontIcon(Feather.EDIT_2));
        rename.setId("menu-rename-group");
        rename.setAccelerator(EDIT);
        rename.setOnAction(e -> askRename(group));
        Menu move = new Menu("Move group to", new FontIcon(Feather.FOLDER));
        move.setId("menu-move-group");
        MenuItem top = new MenuItem("Top level");
        top.setId("menu-move-group-top");
        top.setDisable(group.parentId().isEmpty());
        top.setOnAction(e -> model.moveGroup(group.id(), null));
        move.getItems().add(top);
        String own = model.path(group.id());
        List<HostGroup> groups = new ArrayList<>(model.groups());
        groups.sort((a, b) -> model.path(a.id()).compareToIgnoreCase(model.path(b.id())));
        for (HostGroup other : groups) {
            String path = model.path(other.id());
            // not into itself, its own subgroups, or where it already is
            if (path.equals(own) || path.startsWith(own + HostTree.separator()) || group.parentId().filter(other.id()::equals).isPresent()) {
                continue;
            }
            MenuItem item = new MenuItem(path);
            item.setOnAction(e -> model.moveGroup(group.id(), other.id()));
            move.getItems().add(item);
        }
        MenuItem delete = new MenuItem("Delete group…", new FontIcon(Feather.TRASH_2));
        delete.setId("menu-delete-group");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> confirmDeleteGroup(group));
        menu.getItems().addAll(sub, rename, move, new SeparatorMenuItem(), delete);
    }

    /** Asks for the name of a new group inside {@code parent} (null: at the top level), then creates it. */
    private void askGroupName(HostGroup parent) {
        TextInputDialog ask = nameDialog("New group", parent == null ? "A new group at the top level" : "A new group inside " + model.path(parent.id()), "");
        ask.showAndWait().ifPresent(name -> model.createGroup(name.strip(), parent == null ? null : parent.id()));
    }

    private void askRename(HostGroup group) {
        TextInputDialog ask = nameDialog("Rename group", "Rename " + group.name(), group.name());
        ask.showAndWait().map(String::strip).filter(name -> !name.equals(group.name())).ifPresent(name -> model.renameGroup(group.id(), name));
    }

    private TextInputDialog nameDialog(String title, String header, String name) {
        TextInputDialog ask = new TextInputDialog(name);
        ask.initOwner(getScene().getWindow());
        ask.setTitle(title);
        ask.setHeaderText(header);
        ask.setContentText("Group name");
        ask.getEditor().setId("group-name");
        Label error = new Label();
        error.setId("group-name-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        javafx.beans.binding.StringBinding problem = javafx.beans.binding.Bindings.createStringBinding(
                () -> ask.getEditor().getText().isBlank() ? "" : dev.keyport.vault.Fields.checkName("Group name", ask.getEditor().getText()).orElse(""),
                ask.getEditor().textProperty());
        error.textProperty().bind(problem);
        ask.getDialogPane().setExpandableContent(null);
        javafx.scene.Node ok = ask.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> ask.getEditor().getText().isBlank() || !problem.get().isEmpty(), problem, ask.getEditor().textProperty()));
        VBox content = new VBox(6, ask.getDialogPane().getContent(), error);
        ask.getDialogPane().setContent(content);
        return ask;
    }

    /** Asks before deleting a group, saying what it holds and where that goes; then deletes it (with an undo). */
    public void confirmDeleteGroup(HostGroup group) {
        HostListViewModel.GroupContents contents = model.contents(group.id());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(getScene().getWindow());
        alert.setTitle("Delete group");
        alert.setHeaderText("Delete the group " + group.name() + "?");
        Label text = new Label(describe(contents));
        text.setId("delete-group-details");
        text.setWrapText(true);
        text.setMaxWidth(460);
        alert.getDialogPane().setContent(text);
        ButtonType delete = new ButtonType("Delete group", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        javafx.scene.Node deleteButton = alert.getDialogPane().lookupButton(delete);
        deleteButton.setId("confirm-delete-group-button");
        deleteButton.getStyleClass().add(Styles.DANGER);
        alert.showAndWait().filter(delete::equals).ifPresent(b -> model.deleteGroup(group.id()));
    }

    static String describe(HostListViewModel.GroupContents contents) {
        String where = contents.destination().isEmpty() ? "the top level" : "\u201c" + contents.destination() + "\u201d";
        List<String> parts = new ArrayList<>();
        if (contents.hosts() > 0) {
            parts.add(contents.hosts() == 1 ? "1 host" : contents.hosts() + " hosts");
        }
        if (contents.groups() > 0) {
            parts.add(contents.groups() == 1 ? "1 group" : contents.groups() + " groups");
        }
        if (parts.isEmpty()) {
            return "It is empty. You can undo this for a few seconds.";
        }
        boolean one = contents.hosts() + contents.groups() == 1;
        return "It holds " + String.join(" and ", parts) + ". " + (one ? "It moves" : "They move") + " to " + where
                + "; no host is deleted.\nYou can undo this for a few seconds.";
    }

    private void askNewGroup(List<Host> hosts) {
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(getScene().getWindow());
        ask.setTitle("New group");
        ask.setHeaderText("Move " + (hosts.size() == 1 ? hosts.get(0).name() : hosts.size() + " hosts") + " to a new group");
        ask.setContentText("Group name");
        ask.getEditor().setId("new-group-name");
        javafx.scene.Node ok = ask.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> dev.keyport.vault.Fields.checkName("Group name", ask.getEditor().getText()).isPresent(), ask.getEditor().textProperty()));
        ask.showAndWait().ifPresent(name -> model.moveToNewGroup(hosts, name.strip(), null));
    }

    /** Asks before deleting, naming the hosts and what goes with them; then deletes (with an undo). */
    public void confirmDelete(List<Host> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        List<Host> doomed = List.copyOf(hosts);
        model.impact(doomed, impact -> {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
            alert.initOwner(getScene().getWindow());
            alert.setTitle("Delete");
            alert.setHeaderText(doomed.size() == 1 ? "Delete " + doomed.get(0).name() + "?" : "Delete " + doomed.size() + " hosts?");
            Label text = new Label(describe(doomed, impact));
            text.setId("delete-host-details");
            text.setWrapText(true);
            text.setMaxWidth(460);
            alert.getDialogPane().setContent(text);
            ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
            alert.getButtonTypes().setAll(delete, ButtonType.CANCEL);
            javafx.scene.Node deleteButton = alert.getDialogPane().lookupButton(delete);
            deleteButton.setId("confirm-delete-button");
            deleteButton.getStyleClass().add(Styles.DANGER);
            alert.showAndWait().filter(delete::equals).ifPresent(b -> model.delete(doomed));
        });
    }

    static String describe(List<Host> hosts, HostService.Impact impact) {
        StringBuilder text = new StringBuilder();
        if (hosts.size() > 1) {
            List<String> names = hosts.stream().map(Host::name).limit(8).toList();
            text.append(String.join(", ", names)).append(hosts.size() > 8 ? " and " + (hosts.size() - 8) + " more" : "").append(".\n\n");
        } else {
            Host host = hosts.get(0);
            text.append(host.username()).append('@').append(host.address()).append(host.port() == 22 ? "" : ":" + host.port())
                    .append(".\n\n");
        }
        if (!impact.tunnels().isEmpty()) {
            text.append(impact.tunnels().size() == 1 ? "The tunnel " : "The tunnels ").append(quoted(impact.tunnels()))
                    .append(impact.tunnels().size() == 1 ? " is" : " are").append(" deleted too.\n");
        }
        if (!impact.jumpingThrough().isEmpty()) {
            text.append(quoted(impact.jumpingThrough())).append(impact.jumpingThrough().size() == 1 ? " jumps" : " jump")
                    .append(" through ").append(hosts.size() == 1 ? "it" : "them").append(" and will connect without that hop.\n");
        }
        text.append("You can undo this for a few seconds.");
        return text.toString();
    }

    private static String quoted(List<String> names) {
        List<String> shown = names.stream().limit(6).map(n -> "\u201c" + n + "\u201d").toList();
        return String.join(", ", shown) + (names.size() > 6 ? " and " + (names.size() - 6) + " more" : "");
    }

    /** Ends a drag over the list: what was dragged goes into {@code groupId} (null: the top level). */
    private void dropAt(UUID groupId) {
        if (!dragged.isEmpty()) {
            List<Host> moving = dragged.stream().filter(h -> !h.details().groupId().equals(java.util.Optional.ofNullable(groupId))).toList();
            model.move(moving, groupId);
        } else if (draggedGroup != null && !draggedGroup.equals(groupId)) {
            UUID moving = draggedGroup;
            boolean already = model.groups().stream().anyMatch(g -> g.id().equals(moving)
                    && g.parentId().equals(java.util.Optional.ofNullable(groupId)));
            if (!already) {
                model.moveGroup(moving, groupId);
            }
        }
        dragged = List.of();
        draggedGroup = null;
    }

    /** A group header (click to open or close; drop hosts or groups on it) or a host. */
    private final class RowCell extends ListCell<Row> {

        RowCell() {
            setPrefWidth(0); // the list never scrolls sideways: long names are elided instead
            setOnDragDetected(e -> {
                if (getItem() instanceof HostRow hostRow) {
                    List<Host> selected = selectedHosts();
                    dragged = selected.contains(hostRow.host()) ? selected : List.of(hostRow.host());
                    draggedGroup = null;
                    startFullDrag();
                    e.consume();
                } else if (getItem() instanceof GroupRow groupRow) {
                    draggedGroup = groupRow.group().id();
                    dragged = List.of();
                    startFullDrag();
                    e.consume();
                }
            });
            setOnMouseDragEntered(e -> {
                if (getItem() instanceof GroupRow group && (!dragged.isEmpty() || (draggedGroup != null && !group.group().id().equals(draggedGroup)))) {
                    getStyleClass().add("drop-target");
                }
            });
            setOnMouseDragExited(e -> getStyleClass().remove("drop-target"));
            setOnMouseDragReleased(e -> {
                getStyleClass().remove("drop-target");
                Row item = isEmpty() ? null : getItem();
                if (item instanceof GroupRow group) {
                    dropAt(group.group().id());
                } else if (item instanceof HostRow host) {
                    // onto a host: into that host's group (the top level for a host without one)
                    dropAt(host.host().details().groupId().filter(id -> !model.path(id).isEmpty()).orElse(null));
                } else {
                    dropAt(null);
                }
                e.consume();
            });
            setOnMouseReleased(e -> {
                dragged = List.of();
                draggedGroup = null;
            });
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() instanceof GroupRow group && !e.isShiftDown() && !e.isShortcutDown()) {
                    model.toggle(group.group().id());
                }
            });
        }

        // Built once per cell and updated in place: a keystroke that changes the rows then only sets
        // texts, instead of making new nodes that CSS has to style (see the host list benchmark).
        private HBox groupRow;
        private FontIcon chevron;
        private Label groupName;
        private Label groupCount;
        private HBox hostRow;
        private Label hostName;
        private Label target;
        private HBox second;
        private final List<Label> chips = new ArrayList<>();
        private Label tabBadge;
        private Label tunnelBadge;
        private final Tooltip tooltip = new Tooltip();
        private String kind = "";

        @Override
        protected void updateItem(Row item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("drop-target");
            setText(null);
            if (empty || item == null) {
                kind("");
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (item instanceof GroupRow group) {
                kind("group-row");
                showGroup(group);
                if (getGraphic() != groupRow) {
                    setGraphic(groupRow);
                }
                setTooltip(null);
            } else if (item instanceof HostRow host) {
                kind("host-row");
                showHost(host);
                if (getGraphic() != hostRow) {
                    setGraphic(hostRow);
                }
                Host h = host.host();
                tooltip.setText(h.name() + "\n" + Destination.display(h.username(), h.address(), h.port(), true)
                        + (host.groupPath().isEmpty() ? "" : "\nGroup: " + host.groupPath())
                        + (h.details().tags().isEmpty() ? "" : "\nTags: " + String.join(", ", h.details().tags())));
                if (getTooltip() != tooltip) {
                    setTooltip(tooltip);
                }
            }
        }

        /** Changes the cell's style class only when the kind of row changes (a style class change restyles the cell). */
        private void kind(String next) {
            if (!kind.equals(next)) {
                if (!kind.isEmpty()) {
                    getStyleClass().remove(kind);
                }
                if (!next.isEmpty()) {
                    getStyleClass().add(next);
                }
                kind = next;
            }
        }

        private void showGroup(GroupRow group) {
            if (groupRow == null) {
                chevron = new FontIcon(Feather.CHEVRON_DOWN);
                FontIcon folder = new FontIcon(Feather.FOLDER);
                groupName = new Label();
                groupName.getStyleClass().add("group-name");
                groupName.setMinWidth(0);
                groupName.setTextOverrun(OverrunStyle.ELLIPSIS);
                groupName.setEllipsisString("\u2026");
                groupCount = new Label();
                groupCount.getStyleClass().add("host-count");
                groupCount.setMinWidth(Region.USE_PREF_SIZE);
                groupRow = new HBox(6, chevron, folder, groupName, groupCount);
                groupRow.setAlignment(Pos.CENTER_LEFT);
                groupRow.setMinWidth(0);
            }
            chevron.setIconCode(group.expanded() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
            groupName.setText(group.group().name());
            groupCount.setText(Integer.toString(group.count()));
            groupRow.setId("group-" + group.group().name());
            groupRow.setPadding(indent(GROUP_INDENTS, group.depth(), 2));
        }

        private void showHost(HostRow hostRow) {
            if (this.hostRow == null) {
                hostName = new Label();
                hostName.getStyleClass().addAll(Styles.TEXT_BOLD, "host-name");
                hostName.setMinWidth(0);
                hostName.setTextOverrun(OverrunStyle.ELLIPSIS);
                hostName.setEllipsisString("\u2026");
                target = new Label();
                target.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                target.setMinWidth(0);
                target.setTextOverrun(OverrunStyle.ELLIPSIS);
                target.setEllipsisString("\u2026");
                second = new HBox(6, target);
                second.setAlignment(Pos.CENTER_LEFT);
                second.setMinWidth(0);
                VBox text = new VBox(2, hostName, second);
                text.setMinWidth(0);
                HBox.setHgrow(text, Priority.ALWAYS);
                FontIcon icon = new FontIcon(Feather.SERVER);
                icon.setIconSize(18);
                this.hostRow = new HBox(10, icon, text);
                this.hostRow.setAlignment(Pos.CENTER_LEFT);
                this.hostRow.setMinWidth(0);
            }
            Host host = hostRow.host();
            hostName.setText(host.name());
            target.setText(Destination.display(host.username(), host.address(), host.port(), false));
            List<String> tags = host.details().tags();
            while (chips.size() < tags.size()) {
                Label chip = new Label();
                chip.getStyleClass().add("tag-chip");
                chip.setMinWidth(Region.USE_PREF_SIZE);
                chips.add(chip);
            }
            for (int i = 0; i < tags.size(); i++) {
                chips.get(i).setText(tags.get(i));
            }
            int shown = second.getChildren().size() - 1;
            if (shown > tags.size()) {
                second.getChildren().remove(1 + tags.size(), second.getChildren().size());
            } else if (shown < tags.size()) {
                second.getChildren().addAll(chips.subList(shown, tags.size()));
            }
            boolean tab = model.tabsOn().contains(host.id());
            if (tab && tabBadge == null) {
                tabBadge = badge("tab open", Feather.TERMINAL, Styles.ACCENT, "tab-open");
            }
            show(tabBadge, tab, 2);
            boolean tunnel = model.tunnelsOn().contains(host.id());
            if (tunnel && tunnelBadge == null) {
                tunnelBadge = badge("tunnel on", Feather.SHUFFLE, Styles.SUCCESS, "tunnel-on");
            }
            show(tunnelBadge, tunnel, tab ? 3 : 2);
            this.hostRow.setPadding(indent(HOST_INDENTS, hostRow.depth(), 0));
        }

        /** Puts a badge into the host row (at {@code index}) or takes it out; a hidden badge is not in the row at all. */
        private void show(Label badge, boolean on, int index) {
            if (badge == null) {
                return;
            }
            boolean in = hostRow.getChildren().contains(badge);
            if (on && !in) {
                hostRow.getChildren().add(Math.min(index, hostRow.getChildren().size()), badge);
            } else if (!on && in) {
                hostRow.getChildren().remove(badge);
            }
        }

        private Label badge(String text, Feather glyph, String style, String styleClass) {
            FontIcon icon = new FontIcon(glyph);
            icon.getStyleClass().add(style);
            Label label = new Label(text, icon);
            label.getStyleClass().addAll(styleClass, "host-badge", Styles.TEXT_SMALL, style);
            label.setMinWidth(Region.USE_PREF_SIZE);
            return label;
        }
    }

    private static final Insets[] GROUP_INDENTS = new Insets[16];
    private static final Insets[] HOST_INDENTS = new Insets[16];

    /** The padding of a row at {@code depth}; the same object each time, so an unchanged row is not laid out again. */
    private static Insets indent(Insets[] cache, int depth, double vertical) {
        if (depth >= cache.length) {
            return new Insets(vertical, 0, vertical, depth * 16);
        }
        if (cache[depth] == null) {
            cache[depth] = new Insets(vertical, 0, vertical, depth * 16);
        }
        return cache[depth];
    }
}
