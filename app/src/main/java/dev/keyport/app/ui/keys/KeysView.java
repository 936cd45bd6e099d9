package dev.keyport.app.ui.keys;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.StringConverter;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.Destination;
import dev.keyport.app.ui.Pages;
import dev.keyport.app.ui.WideCell;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.vault.Host;

/**
 * The Keys page: every key in the vault with its type, size, full fingerprint and where it is used;
 * generate, import (a file, the clipboard, or a file dropped on the page), copy the public key,
 * export, delete, and install on a saved host. Nodes and bindings only: the work is the view model's.
 */
public final class KeysView extends VBox {

    private final KeysViewModel model;
    private final ListView<KeyRow> list = new ListView<>();
    private final VBox generateForm;
    private final TextField generateName = new TextField();
    private final ComboBox<KeyAlgorithm> generateType = new ComboBox<>(FXCollections.observableArrayList(KeyAlgorithm.values()));
    private final PasswordField generatePassphrase = new PasswordField();
    private final PasswordField generateRepeat = new PasswordField();
    private final PasswordField importPassphrase = new PasswordField();
    private FilePicker files = FilePicker.system();

    public KeysView(KeysViewModel model) {
        this.model = model;
        setId("keys-page");
        getStyleClass().add("keys-page");
        getStylesheets().add(KeysView.class.getResource("/dev/keyport/app/keyport.css").toExternalForm());
        setSpacing(10);
        setPadding(new Insets(16));
        setMinWidth(480);

        Button generate = new Button("Generate", new FontIcon(Feather.PLUS));
        generate.setId("generate-key-button");
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setTooltip(new Tooltip("Make a new key pair in the vault (ed25519 unless you choose otherwise)"));
        generate.setOnAction(e -> openGenerateForm());
        Button importFile = new Button("Import file…", new FontIcon(Feather.FILE_PLUS));
        importFile.setId("import-key-button");
        importFile.setTooltip(new Tooltip("Import a private key file: OpenSSH, PEM, PKCS#8 or PuTTY PPK"));
        importFile.setOnAction(e -> files.open(getScene().getWindow(), "Import a private key").ifPresent(model::importFile));
        Button paste = new Button("Paste key", new FontIcon(Feather.CLIPBOARD));
        paste.setId("paste-key-button");
        paste.setTooltip(new Tooltip("Import the private key that is on the clipboard"));
        paste.setOnAction(e -> model.importText(Clipboard.getSystemClipboard().getString()));
        for (Button b : List.of(generate, importFile, paste)) {
            b.disableProperty().bind(model.busyProperty().or(model.passphraseRequestProperty().isNotEmpty()));
        }
        HBox header = Pages.header("Keys", generate, importFile, paste);

        Label dropHint = new Label("Drop a private key file anywhere on this page to import it.");
        dropHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        generateForm = generateForm();
        VBox passphraseBar = passphraseBar();

        HBox busy = Pages.busyLine("keys-busy", model.busyTextProperty(), model.busyProperty());
        Label status = Pages.message("keys-status", Styles.SUCCESS, model.statusProperty());
        Label warning = Pages.message("keys-warning", Styles.WARNING, model.warningProperty());
        Label problem = Pages.message("keys-problem", Styles.DANGER, model.problemProperty());

        list.setId("key-list");
        list.setItems(model.rows());
        list.setCellFactory(v -> new KeyCell());
        list.setFocusTraversable(true);
        Label empty = new Label("No keys yet.\nGenerate one (ed25519 is a good default), import a private key file, paste one,"
                + " or drop a key file here.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);
        empty.visibleProperty().bind(model.loadedProperty());
        list.setPlaceholder(empty);
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().addAll(header, dropHint, generateForm, passphraseBar, busy, status, warning, problem, list);

        setOnDragOver(this::dragOver);
        setOnDragDropped(this::dropped);
    }

    /** Reads the keys and hosts again (call when the page is shown). */
    public void reload() {
        model.reload();
    }

    /** Where the page asks for files; tests put their own. */
    public void setFilePicker(FilePicker picker) {
        this.files = picker;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && !model.busyProperty().get()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean done = false;
        if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
            model.importFile(e.getDragboard().getFiles().get(0).toPath());
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    private VBox generateForm() {
        Label heading = new Label("Generate a key");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        generateName.setId("generate-name");
        generateName.setPromptText("e.g. work laptop (default: the type)");
        generateType.setId("generate-type");
        generateType.setConverter(new StringConverter<>() {
            @Override
            public String toString(KeyAlgorithm algorithm) {
                return algorithm == null ? "" : KeysViewModel.label(algorithm);
            }

            @Override
            public KeyAlgorithm fromString(String text) {
                return null;
            }
        });
        generateType.getSelectionModel().select(KeyAlgorithm.ED25519);
        generatePassphrase.setId("generate-passphrase");
        generatePassphrase.setPromptText("optional");
        generateRepeat.setId("generate-repeat");
        generateRepeat.setPromptText("the same passphrase again");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Name"), generateName);
        grid.addRow(1, new Label("Type"), generateType);
        grid.addRow(2, new Label("Passphrase"), generatePassphrase);
        grid.addRow(3, new Label("Repeat"), generateRepeat);
        GridPane.setHgrow(generateName, Priority.ALWAYS);
        Label note = new Label("A passphrase is optional: the vault already encrypts every key. With one, the key is kept"
                + " encrypted under it too.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        Button create = new Button("Generate key");
        create.setId("generate-confirm");
        create.getStyleClass().add(Styles.ACCENT);
        create.setDefaultButton(true);
        create.disableProperty().bind(model.busyProperty());
        create.setOnAction(e -> {
            char[] passphrase = generatePassphrase.getText().toCharArray();
            char[] repeat = generateRepeat.getText().toCharArray();
            if (model.generate(generateType.getValue(), generateName.getText(), passphrase, repeat)) {
                closeGenerateForm();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("generate-cancel");
        cancel.setOnAction(e -> closeGenerateForm());
        HBox buttons = new HBox(8, create, cancel);
        VBox form = new VBox(8, heading, grid, note, buttons);
        form.setId("generate-form");
        form.getStyleClass().add("keys-form");
        form.setVisible(false);
        form.setManaged(false);
        return form;
    }

    private void openGenerateForm() {
        generateName.clear();
        generateType.getSelectionModel().select(KeyAlgorithm.ED25519);
        generatePassphrase.clear();
        generateRepeat.clear();
        generateForm.setVisible(true);
        generateForm.setManaged(true);
        generateName.requestFocus();
    }

    private void closeGenerateForm() {
        generatePassphrase.clear();
        generateRepeat.clear();
        generateForm.setVisible(false);
        generateForm.setManaged(false);
    }

    private VBox passphraseBar() {
        Label question = new Label();
        question.setId("import-passphrase-question");
        question.setWrapText(true);
        question.textProperty().bind(model.passphraseRequestProperty());
        importPassphrase.setId("import-passphrase");
        importPassphrase.setPromptText("passphrase of the key");
        HBox.setHgrow(importPassphrase, Priority.ALWAYS);
        Button open = new Button("Import");
        open.setId("import-passphrase-confirm");
        open.getStyleClass().add(Styles.ACCENT);
        open.disableProperty().bind(model.busyProperty());
        open.setOnAction(e -> submitPassphrase());
        importPassphrase.setOnAction(e -> submitPassphrase());
        Button cancel = new Button("Cancel");
        cancel.setId("import-passphrase-cancel");
        cancel.setOnAction(e -> {
            importPassphrase.clear();
            model.cancelPassphrase();
        });
        HBox row = new HBox(8, importPassphrase, open, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, question, row);
        bar.setId("import-passphrase-bar");
        bar.getStyleClass().add("keys-form");
        Pages.shownWhen(bar, model.passphraseRequestProperty().isNotEmpty());
        model.passphraseRequestProperty().addListener((obs, was, now) -> {
            if (!now.isEmpty()) {
                importPassphrase.clear();
                importPassphrase.requestFocus();
            }
        });
        return bar;
    }

    private void submitPassphrase() {
        char[] passphrase = importPassphrase.getText().toCharArray();
        importPassphrase.clear();
        model.submitPassphrase(passphrase);
    }

    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void exportPrivate(KeyRow row) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Export private key");
        dialog.setHeaderText("Export " + row.name() + " as an OpenSSH private key file");
        PasswordField passphrase = new PasswordField();
        passphrase.setId("export-passphrase");
        PasswordField repeat = new PasswordField();
        repeat.setId("export-repeat");
        Label explain = new Label("The file is written under this passphrase, readable by you only. You will need the"
                + " passphrase to use the key elsewhere.");
        explain.setWrapText(true);
        explain.setMaxWidth(420);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label("Passphrase"), passphrase);
        grid.addRow(1, new Label("Repeat"), repeat);
        dialog.getDialogPane().setContent(new VBox(10, explain, grid));
        ButtonType choose = new ButtonType("Choose file…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(choose, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(choose).disableProperty().bind(passphrase.textProperty().isEmpty());
        dialog.setOnShown(e -> passphrase.requestFocus());
        Optional<ButtonType> answer = dialog.showAndWait();
        char[] first = passphrase.getText().toCharArray();
        char[] second = repeat.getText().toCharArray();
        passphrase.clear();
        repeat.clear();
        Optional<Path> file = answer.filter(b -> b == choose).flatMap(b -> files.save(getScene().getWindow(), "Export private key",
                fileName(row.name())));
        if (file.isPresent()) {
            model.exportPrivate(row, file.get(), first, second);
        } else {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }

    private void exportPublic(KeyRow row) {
        files.save(getScene().getWindow(), "Export public key", fileName(row.name()) + ".pub").ifPresent(f -> model.exportPublic(row, f));
    }

    private static String fileName(String keyName) {
        String name = keyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
        return name.isEmpty() ? "key" : "id_" + name;
    }

    private void installOnHost(KeyRow row) {
        Dialog<Host> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle("Install on a host");
        dialog.setHeaderText("Install " + row.name() + " on a saved host");
        ComboBox<Host> hosts = new ComboBox<>(model.hosts());
        hosts.setId("install-host");
        hosts.setMaxWidth(Double.MAX_VALUE);
        hosts.setConverter(new StringConverter<>() {
            @Override
            public String toString(Host host) {
                return host == null ? "" : host.name() + " (" + Destination.display(host.username(), host.address(), host.port(), true) + ")";
            }

            @Override
            public Host fromString(String text) {
                return null;
            }
        });
        Label explain = new Label("Keyport logs in to the host as it is saved (with its password or current key) and adds"
                + " this public key to ~/.ssh/authorized_keys there, as ssh-copy-id does. Afterwards the host can log in"
                + " with this key.");
        explain.setWrapText(true);
        explain.setMaxWidth(440);
        Label none = new Label("There are no saved hosts yet. Add a host first.");
        none.getStyleClass().add(Styles.WARNING);
        Pages.shownWhen(none, javafx.beans.binding.Bindings.isEmpty(model.hosts()));
        dialog.getDialogPane().setContent(new VBox(10, explain, hosts, none));
        ButtonType install = new ButtonType("Install", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(install, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(install).disableProperty().bind(hosts.valueProperty().isNull());
        dialog.setResultConverter(b -> b == install ? hosts.getValue() : null);
        dialog.showAndWait().ifPresent(host -> model.installOn(row, host));
    }

    private void delete(KeyRow row) {
        if (row.inUse()) {
            model.delete(row); // refused by the service, naming the hosts and identities
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(getScene().getWindow());
        confirm.setTitle("Delete key");
        confirm.setHeaderText("Delete " + row.name() + "?");
        Label text = new Label("The key " + row.fingerprint() + " is removed from the vault. Servers that trust it keep it in"
                + " their authorized keys; export it first if you may need it again.");
        text.setWrapText(true);
        text.setMaxWidth(440);
        confirm.getDialogPane().setContent(text);
        ButtonType delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        confirm.getButtonTypes().setAll(delete, ButtonType.CANCEL);
        confirm.showAndWait().filter(b -> b == delete).ifPresent(b -> model.delete(row));
    }

    private final class KeyCell extends WideCell<KeyRow> {

        @Override
        protected Node draw(KeyRow row) {
            // a Text in a TextFlow wraps inside the row; a wrapping Label in this HBox got one line and was cut with "..."
            Text nameText = new Text(row.name());
            nameText.getStyleClass().addAll("key-name", Styles.TEXT_BOLD);
            TextFlow name = new TextFlow(nameText);
            name.setMinWidth(0);
            Label kind = new Label(row.kind());
            kind.getStyleClass().addAll("key-kind", Styles.TEXT_MUTED);
            kind.setMinWidth(Region.USE_PREF_SIZE);
            HBox top = new HBox(10, name, kind);
            top.setAlignment(Pos.BASELINE_LEFT);
            if (row.weak()) {
                Label weak = new Label("weak", new FontIcon(Feather.ALERT_TRIANGLE));
                weak.getStyleClass().addAll("key-weak", Styles.DANGER);
                weak.setMinWidth(Region.USE_PREF_SIZE);
                weak.setTooltip(new Tooltip(row.weakness().orElse("")));
                top.getChildren().add(weak);
            }
            if (!row.hasPrivateKey()) {
                Label publicOnly = new Label("public half only");
                publicOnly.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                publicOnly.setMinWidth(Region.USE_PREF_SIZE);
                top.getChildren().add(publicOnly);
            }

            // A Text in a TextFlow is never elided: a page too narrow for the fingerprint breaks it over two lines
            Text fingerprintText = new Text(row.fingerprint());
            fingerprintText.getStyleClass().add("key-fingerprint");
            TextFlow fingerprint = new TextFlow(fingerprintText);
            fingerprint.getStyleClass().add("key-fingerprint-box");
            fingerprint.setMinWidth(0);
            Tooltip.install(fingerprint, new Tooltip("SHA-256 fingerprint: " + row.fingerprint()));
            Button copyFingerprint = new Button(null, new FontIcon(Feather.COPY));
            copyFingerprint.getStyleClass().addAll("copy-fingerprint", Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
            copyFingerprint.setTooltip(new Tooltip("Copy the fingerprint"));
            copyFingerprint.setOnAction(e -> {
                copy(row.fingerprint());
                model.copiedFingerprint(row);
            });
            copyFingerprint.setMinWidth(Region.USE_PREF_SIZE);
            HBox fingerprintRow = new HBox(4, fingerprint, copyFingerprint);
            fingerprintRow.setAlignment(Pos.CENTER_LEFT);
            fingerprintRow.setFillHeight(false);

            Label usage = new Label(row.usage());
            usage.getStyleClass().addAll("key-usage", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            usage.setWrapText(true);

            VBox box = new VBox(4, top, fingerprintRow, usage);
            row.weakness().ifPresent(text -> {
                Label why = new Label(text);
                why.getStyleClass().addAll("key-weakness", Styles.WARNING, Styles.TEXT_SMALL);
                why.setWrapText(true);
                box.getChildren().add(why);
            });

            Button copyPublic = new Button("Copy public key", new FontIcon(Feather.COPY));
            copyPublic.getStyleClass().addAll("copy-public-key", Styles.SMALL);
            copyPublic.setTooltip(new Tooltip("Copy the public key as one OpenSSH line, for authorized_keys"));
            copyPublic.setOnAction(e -> {
                copy(row.publicKey());
                model.copied(row);
            });
            MenuItem exportPrivate = new MenuItem("Private key (under a passphrase)…");
            exportPrivate.getStyleClass().add("export-private");
            exportPrivate.setDisable(!row.hasPrivateKey());
            exportPrivate.setOnAction(e -> exportPrivate(row));
            MenuItem exportPublic = new MenuItem("Public key (.pub)…");
            exportPublic.getStyleClass().add("export-public");
            exportPublic.setOnAction(e -> exportPublic(row));
            MenuButton export = new MenuButton("Export", new FontIcon(Feather.DOWNLOAD), exportPrivate, exportPublic);
            export.getStyleClass().addAll("export-key", Styles.SMALL);
            Button install = new Button("Install on host…", new FontIcon(Feather.UPLOAD_CLOUD));
            install.getStyleClass().addAll("install-key", Styles.SMALL);
            install.setTooltip(new Tooltip("Add this key to a saved host's authorized keys (ssh-copy-id)"));
            install.setOnAction(e -> installOnHost(row));
            Button delete = new Button("Delete", new FontIcon(Feather.TRASH_2));
            delete.getStyleClass().addAll("delete-key", Styles.SMALL, Styles.DANGER);
            delete.setTooltip(new Tooltip(row.inUse() ? "In use: " + row.usage().toLowerCase(Locale.ROOT) : "Remove the key from the vault"));
            delete.setOnAction(e -> delete(row));
            for (var control : List.of(copyPublic, export, install, delete)) {
                control.disableProperty().bind(model.busyProperty());
            }
            FlowPane actions = new FlowPane(6, 6, copyPublic, export, install, delete);
            box.getChildren().add(actions);
            box.setPadding(new Insets(4, 0, 4, 0));
            return box;
        }
    }
}
