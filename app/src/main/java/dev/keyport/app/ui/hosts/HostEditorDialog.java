package dev.keyport.app.ui.hosts;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javafx.application.Platform;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.ui.hosts.HostEditorViewModel.Draft;
import dev.keyport.app.ui.hosts.HostEditorViewModel.Login;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;

/**
 * The host editor, for a new host and for editing one: every stored field, each error under its
 * field. Errors show once a field has been changed, and all at once when Save is pressed.
 */
public final class HostEditorDialog {

    private final HostEditorViewModel model;
    private final GridPane grid = new GridPane();
    private final BooleanProperty showAll = new SimpleBooleanProperty(false);
    private final List<Node> firstErrorOrder = new ArrayList<>();
    private int row;

    private HostEditorDialog(HostEditorViewModel model) {
        this.model = model;
    }

    /** Shows the editor and waits; the draft when the person saved. */
    public static Optional<Draft> show(Window owner, HostEditorViewModel model) {
        return new HostEditorDialog(model).showAndWait(owner);
    }

    private Optional<Draft> showAndWait(Window owner) {
        Dialog<Draft> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(model.isNew() ? "New host" : "Edit host");
        dialog.setHeaderText(model.isNew() ? "Add a server" : "Edit " + model.nameProperty().get());
        dialog.setGraphic(new FontIcon(Feather.SERVER));
        dialog.setResizable(true);

        grid.setHgap(10);
        grid.setVgap(4);
        grid.setPadding(new Insets(4, 12, 4, 4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(labels, fields);

        section("Server");
        TextField address = text("host-address", "host name or IP address, e.g. db.example.com", model.addressProperty());
        field("Address", address, model.addressErrorProperty(), address);
        TextField port = text("host-port", "22", model.portProperty());
        port.setPrefColumnCount(6);
        port.setMaxWidth(Region.USE_PREF_SIZE);
        field("Port", port, model.portErrorProperty(), port);
        TextField user = text("host-user", "the user to log in as", model.userProperty());
        user.disableProperty().bind(model.loginProperty().isEqualTo(Login.IDENTITY));
        field("User", user, model.userErrorProperty(), user);
        TextField name = text("host-name", "what the list calls it (the address when empty)", model.nameProperty());
        field("Name", name, model.nameErrorProperty(), name);

        section("Organise");
        ComboBox<String> group = new ComboBox<>(model.groupPaths());
        group.setId("host-group");
        group.setEditable(true);
        group.setMaxWidth(Double.MAX_VALUE);
        group.setPromptText("none; type a new name to create a group (\u201cprod / web\u201d nests)");
        group.getEditor().textProperty().bindBidirectional(model.groupProperty());
        field("Group", group, model.groupErrorProperty(), group.getEditor());
        TextField tags = text("host-tags", "comma-separated, e.g. prod, web", model.tagsProperty());
        field("Tags", tags, model.tagsErrorProperty(), tags);
        TextArea notes = new TextArea();
        notes.setId("host-notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.setPromptText("anything worth remembering about this server");
        notes.textProperty().bindBidirectional(model.notesProperty());
        field("Notes", notes, model.notesErrorProperty(), notes);

        section("Login");
        ComboBox<Login> login = new ComboBox<>(model.logins());
        login.setId("host-login");
        login.valueProperty().bindBidirectional(model.loginProperty());
        ComboBox<KeyEntry> vaultKey = new ComboBox<>();
        vaultKey.setId("host-vault-key");
        vaultKey.getItems().setAll(model.keys());
        vaultKey.setPromptText(model.keys().isEmpty() ? "no keys in the vault yet" : "choose a key");
        vaultKey.setConverter(converter(k -> k.name() + " (" + k.type() + ")"));
        vaultKey.valueProperty().bindBidirectional(model.vaultKeyProperty());
        vaultKey.setMaxWidth(Double.MAX_VALUE);
        TextField keyFile = text("host-key-file", "~/.ssh/id_ed25519", model.keyFileProperty());
        Button browse = new Button(null, new FontIcon(Feather.FOLDER));
        browse.setId("host-key-file-browse");
        browse.setTooltip(new Tooltip("Choose a private key file"));
        browse.setOnAction(e -> chooseKeyFile(keyFile));
        HBox keyFileRow = new HBox(6, keyFile, browse);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        ComboBox<Identity> identity = new ComboBox<>();
        identity.setId("host-identity");
        identity.getItems().setAll(model.identities());
        identity.setPromptText(model.identities().isEmpty() ? "no identities yet" : "choose an identity");
        identity.setConverter(converter(i -> i.name() + " (" + i.username() + ")"));
        identity.valueProperty().bindBidirectional(model.identityProperty());
        identity.setMaxWidth(Double.MAX_VALUE);
        PasswordField password = new PasswordField();
        password.setId("host-password");
        password.setPromptText(model.hasSavedPassword() ? "saved; type to replace it" : "the password to save (encrypted)");
        model.passwordTypedProperty().bind(password.textProperty().isNotEmpty());
        Label agentNote = new Label();
        agentNote.setId("host-agent-note");
        agentNote.textProperty().bind(javafx.beans.binding.Bindings.when(model.loginProperty().isEqualTo(Login.AGENT))
                .then("Only the keys in your SSH agent (SSH_AUTH_SOCK) are tried; no password is asked. Add a key with ssh-add.")
                .otherwise("Keys in your SSH agent (SSH_AUTH_SOCK) are offered first, whatever is chosen here."));
        agentNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        agentNote.setWrapText(true);
        VBox loginBox = new VBox(6, login, shownFor(vaultKey, Login.VAULT_KEY), shownFor(keyFileRow, Login.KEY_FILE),
                shownFor(identity, Login.IDENTITY), shownFor(password, Login.SAVED_PASSWORD), agentNote);
        field("Log in with", loginBox, model.loginErrorProperty(), login, keyFile, password, vaultKey, identity);

        section("Jump hosts");
        ListView<Host> chain = new ListView<>(model.jumpChain());
        chain.setId("jump-chain");
        chain.setPrefHeight(86);
        chain.setPlaceholder(new Label("Connect directly (no jump host)"));
        chain.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Host hop, boolean empty) {
                super.updateItem(hop, empty);
                setText(empty || hop == null ? null : (getIndex() + 1) + ". " + hop.name() + "  (" + hop.username() + "@" + hop.address() + ")");
            }
        });
        ComboBox<Host> candidates = new ComboBox<>(model.jumpCandidates());
        candidates.setId("jump-candidates");
        candidates.setPromptText("a saved host to hop through");
        candidates.setConverter(converter(h -> h.name() + " (" + h.address() + ")"));
        candidates.setMaxWidth(Double.MAX_VALUE);
        Button add = new Button("Add hop", new FontIcon(Feather.PLUS));
        add.setId("jump-add");
        add.disableProperty().bind(candidates.valueProperty().isNull());
        add.setOnAction(e -> {
            model.addJump(candidates.getValue());
            candidates.setValue(null);
        });
        Button up = iconButton("jump-up", Feather.ARROW_UP, "Move the hop earlier");
        up.setOnAction(e -> moveHop(chain, -1));
        Button down = iconButton("jump-down", Feather.ARROW_DOWN, "Move the hop later");
        down.setOnAction(e -> moveHop(chain, 1));
        Button remove = iconButton("jump-remove", Feather.X, "Remove the hop");
        remove.setOnAction(e -> model.removeJump(chain.getSelectionModel().getSelectedIndex()));
        for (Button b : List.of(up, down, remove)) {
            b.disableProperty().bind(chain.getSelectionModel().selectedItemProperty().isNull());
        }
        HBox addRow = new HBox(6, candidates, add, up, down, remove);
        HBox.setHgrow(candidates, Priority.ALWAYS);
        field("Through", new VBox(6, chain, addRow), model.jumpErrorProperty(), chain);

        section("Connection");
        ComboBox<HostKeyPolicy> policy = new ComboBox<>();
        policy.setId("host-key-policy");
        policy.getItems().setAll(HostKeyPolicy.values());
        policy.setConverter(converter(HostEditorDialog::describe));
        policy.valueProperty().bindBidirectional(model.hostKeyPolicyProperty());
        field("Unknown server key", policy, null);
        TextField keepAlive = text("host-keepalive", "0", model.keepAliveProperty());
        keepAlive.setPrefColumnCount(6);
        keepAlive.setMaxWidth(Region.USE_PREF_SIZE);
        Label seconds = new Label("seconds between keepalives (0: none)");
        seconds.getStyleClass().add(Styles.TEXT_MUTED);
        HBox keepAliveRow = new HBox(8, keepAlive, seconds);
        keepAliveRow.setAlignment(Pos.CENTER_LEFT);
        field("Keepalive", keepAliveRow, model.keepAliveErrorProperty(), keepAlive);
        CheckBox agent = new CheckBox("Forward my SSH agent to this host");
        agent.setId("host-agent-forwarding");
        agent.selectedProperty().bindBidirectional(model.agentForwardingProperty());
        field("", agent, null);
        CheckBox legacy = new CheckBox("Allow legacy algorithms (ssh-rsa with SHA-1, CBC) for old servers");
        legacy.setId("host-legacy");
        legacy.setWrapText(true);
        legacy.selectedProperty().bindBidirectional(model.legacyAlgorithmsProperty());
        field("", legacy, null);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setId("host-editor-scroll");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setPrefWidth(640);
        dialog.getDialogPane().getStylesheets().add(HostListView.stylesheet());

        ButtonType save = new ButtonType(model.isNew() ? "Save" : "Save changes", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save-host-button");
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (!model.validProperty().get()) {
                showAll.set(true); // every error at once, next to its field
                e.consume();
                firstErrorOrder.stream().filter(Node::isVisible).findFirst().ifPresent(n -> scroll.setVvalue(
                        Math.max(0, n.getBoundsInParent().getMinY() / Math.max(1, grid.getHeight()))));
            }
        });
        dialog.setResultConverter(button -> {
            if (button != save) {
                return null;
            }
            char[] typed = password.getText().toCharArray();
            try {
                return model.result(typed).orElse(null);
            } finally {
                Arrays.fill(typed, '\0');
            }
        });
        Platform.runLater(model.isNew() ? address::requestFocus : name::requestFocus);
        Optional<Draft> answer = dialog.showAndWait();
        password.clear();
        return answer;
    }

    private void moveHop(ListView<Host> chain, int delta) {
        int index = chain.getSelectionModel().getSelectedIndex();
        model.moveJump(index, delta);
        chain.getSelectionModel().clearAndSelect(Math.max(0, Math.min(chain.getItems().size() - 1, index + delta)));
    }

    private void chooseKeyFile(TextField keyFile) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a private key");
        File sshDir = Path.of(System.getProperty("user.home"), ".ssh").toFile();
        if (sshDir.isDirectory()) {
            chooser.setInitialDirectory(sshDir);
        }
        File chosen = chooser.showOpenDialog(keyFile.getScene().getWindow());
        if (chosen != null) {
            keyFile.setText(chosen.getAbsolutePath());
        }
    }

    private Node shownFor(Node node, Login login) {
        node.visibleProperty().bind(model.loginProperty().isEqualTo(login));
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    private void section(String title) {
        Label label = new Label(title);
        label.getStyleClass().addAll(Styles.TITLE_4, "host-editor-section");
        GridPane.setMargin(label, new Insets(row == 0 ? 0 : 10, 0, 2, 0));
        grid.add(label, 0, row++, 2, 1);
    }

    /** A labelled field and, below it, its error (shown once one of {@code inputs} changed, or after Save). */
    private void field(String text, Node control, StringBinding error, Node... inputs) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        label.setPadding(new Insets(6, 0, 0, 0));
        grid.add(label, 0, row);
        grid.add(control, 1, row++);
        GridPane.setHgrow(control, Priority.ALWAYS);
        if (error == null) {
            return;
        }
        Label problem = new Label();
        problem.setId((control.getId() != null ? control.getId() : inputs[0].getId()) + "-error");
        problem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL, "field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.textProperty().bind(error);
        BooleanProperty touched = new SimpleBooleanProperty(false);
        for (Node input : inputs) {
            if (input instanceof TextInputControl textInput) {
                textInput.textProperty().addListener((obs, old, now) -> touched.set(true));
            } else if (input instanceof ComboBox<?> combo) {
                combo.valueProperty().addListener((obs, old, now) -> touched.set(true));
            } else if (input instanceof ListView<?> list) {
                list.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> touched.set(true));
            }
        }
        problem.visibleProperty().bind(error.isNotEmpty().and(touched.or(showAll)));
        problem.managedProperty().bind(problem.visibleProperty());
        firstErrorOrder.add(problem);
        grid.add(problem, 1, row++);
    }

    private static TextField text(String id, String prompt, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        field.setMaxWidth(Double.MAX_VALUE);
        return field;
    }

    private static Button iconButton(String id, Feather icon, String tip) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    static String describe(HostKeyPolicy policy) {
        return switch (policy) {
            case ASK -> "Ask me (the default)";
            case STRICT -> "Refuse (only keys already trusted)";
            case ACCEPT_NEW -> "Trust the first key, refuse changes";
        };
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
