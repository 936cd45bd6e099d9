package dev.keyport.app.ui.identities;

import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.ui.Pages;
import dev.keyport.app.ui.WideCell;

/**
 * The Identities page: reusable logins (a user name plus a vault key and/or a saved password) with
 * the hosts that use each; create, edit (every host using it follows), delete (confirmed, naming the
 * hosts, while in use). Nodes and bindings only.
 */
public final class IdentitiesView extends VBox {

    private final IdentitiesViewModel model;
    private final ListView<IdentityRow> list = new ListView<>();
    private final PasswordField password = new PasswordField();

    public IdentitiesView(IdentitiesViewModel model) {
        this.model = model;
        setId("identities-page");
        getStylesheets().add(IdentitiesView.class.getResource("/dev/keyport/app/keyport.css").toExternalForm());
        setSpacing(10);
        setPadding(new Insets(16));
        setMinWidth(420);

        Button add = new Button("New identity", new FontIcon(Feather.PLUS));
        add.setId("new-identity-button");
        add.getStyleClass().add(Styles.ACCENT);
        add.setTooltip(new Tooltip("A user name with a key and/or a password, for many hosts at once"));
        add.disableProperty().bind(model.editingProperty().or(model.busyProperty()));
        add.setOnAction(e -> model.startNew());
        HBox header = Pages.header("Identities", add);

        Label explain = new Label("An identity is a login you reuse: choose it for a host and the host logs in with its user,"
                + " key and password. Editing an identity changes every host that uses it.");
        explain.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        explain.setWrapText(true);
        explain.setMinHeight(Region.USE_PREF_SIZE);

        VBox editor = editor();

        Label status = Pages.message("identities-status", Styles.SUCCESS, model.statusProperty());
        Label problem = Pages.message("identities-problem", Styles.DANGER, model.problemProperty());

        list.setId("identity-list");
        list.setItems(model.rows());
        list.setCellFactory(v -> new IdentityCell());
        Label empty = new Label("No identities yet.\nMake one with New identity, then choose it in a host's login.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.visibleProperty().bind(model.loadedProperty());
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);
        list.setOnMouseClicked(e -> {
            IdentityRow selected = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected != null && !model.editingProperty().get()) {
                model.edit(selected);
            }
        });
        list.setOnKeyPressed(e -> {
            IdentityRow selected = list.getSelectionModel().getSelectedItem();
            if (selected != null && e.getCode() == KeyCode.ENTER && !model.editingProperty().get()) {
                model.edit(selected);
            } else if (selected != null && e.getCode() == KeyCode.DELETE) {
                delete(selected);
            }
        });

        getChildren().addAll(header, explain, editor, status, problem, list);
    }

    /** Reads the identities and keys again (call when the page is shown). */
    public void reload() {
        model.reload();
    }

    private VBox editor() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        heading.textProperty().bind(model.editorTitleProperty());
        Label usage = new Label();
        usage.setId("identity-editor-usage");
        usage.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        usage.setWrapText(true);
        usage.textProperty().bind(model.editorUsageProperty());

        TextField name = new TextField();
        name.setId("identity-name");
        name.setPromptText("e.g. deploy at work");
        name.textProperty().bindBidirectional(model.nameProperty());
        TextField user = new TextField();
        user.setId("identity-user");
        user.setPromptText("the remote user, e.g. deploy");
        user.textProperty().bindBidirectional(model.usernameProperty());
        ComboBox<IdentitiesViewModel.KeyOption> key = new ComboBox<>(model.keyOptions());
        key.setId("identity-key");
        key.setMaxWidth(Double.MAX_VALUE);
        key.valueProperty().bindBidirectional(model.keyProperty());
        password.setId("identity-password");
        password.promptTextProperty().bind(model.passwordHintProperty());
        CheckBox removePassword = new CheckBox("Remove the saved password");
        removePassword.setId("identity-remove-password");
        removePassword.selectedProperty().bindBidirectional(model.removePasswordProperty());
        Pages.shownWhen(removePassword, model.hasSavedPasswordProperty());
        password.disableProperty().bind(removePassword.selectedProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        int r = 0;
        grid.add(new Label("Name"), 0, r);
        grid.add(name, 1, r++);
        grid.add(error("identity-name-error", model.nameErrorProperty()), 1, r++);
        grid.add(new Label("User"), 0, r);
        grid.add(user, 1, r++);
        grid.add(error("identity-user-error", model.userErrorProperty()), 1, r++);
        grid.add(new Label("Key"), 0, r);
        grid.add(key, 1, r++);
        grid.add(new Label("Password"), 0, r);
        grid.add(password, 1, r++);
        grid.add(removePassword, 1, r++);
        grid.add(error("identity-credential-error", model.credentialErrorProperty()), 1, r);
        GridPane.setHgrow(name, Priority.ALWAYS);

        Button save = new Button("Save");
        save.setId("identity-save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.busyProperty());
        save.setOnAction(e -> {
            char[] typed = password.getText().toCharArray();
            if (model.save(typed)) {
                password.clear();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("identity-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            password.clear();
            model.cancelEdit();
        });
        VBox form = new VBox(8, heading, usage, grid, new HBox(8, save, cancel));
        form.setId("identity-editor");
        form.getStyleClass().add("keys-form");
        Pages.shownWhen(form, model.editingProperty());
        model.editingProperty().addListener((obs, was, now) -> {
            password.clear();
            if (now) {
                name.requestFocus();
            }
        });
        return form;
    }

    private void delete(IdentityRow row) {
        var question = model.deleteQuestion(row);
        Alert confirm = new Alert(question.isPresent() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Delete identity");
        confirm.setHeaderText("Delete " + row.name() + "?");
        Label text = new Label(question.orElse("No host uses it. Its saved password is removed from the vault."));
        text.setId("identity-delete-question");
        text.setWrapText(true);
        text.setMaxWidth(440);
        confirm.getDialogPane().setContent(text);
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        confirm.showAndWait().filter(b -> b == delete).ifPresent(b -> model.delete(row, true));
    }

    private static Label error(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("field-error", Styles.TEXT_SMALL);
        label.setWrapText(true);
        label.textProperty().bind(text);
        Pages.shownWhen(label, label.textProperty().isNotEmpty());
        return label;
    }

    private final class IdentityCell extends WideCell<IdentityRow> {

        @Override
        protected Node draw(IdentityRow row) {
            Label name = new Label(row.name());
            name.getStyleClass().addAll("identity-name", Styles.TEXT_BOLD);
            name.setWrapText(true);
            Label login = new Label(row.username() + " · " + row.credential());
            login.getStyleClass().add("identity-login");
            login.setWrapText(true);
            Label usage = new Label(row.usage());
            usage.getStyleClass().addAll("identity-usage", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            usage.setWrapText(true);
            Button edit = new Button("Edit", new FontIcon(Feather.EDIT_2));
            edit.getStyleClass().addAll("edit-identity", Styles.SMALL);
            edit.setOnAction(e -> model.edit(row));
            Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
            delete.getStyleClass().addAll("delete-identity", Styles.SMALL, Styles.DANGER);
            delete.setOnAction(e -> delete(row));
            for (Button b : List.of(edit, delete)) {
                b.disableProperty().bind(model.editingProperty().or(model.busyProperty()));
            }
            VBox box = new VBox(4, name, login, usage, new HBox(6, edit, delete));
            box.setPadding(new Insets(4, 0, 4, 0));
            return box;
        }
    }
}
