package dev.keyport.app.ui.terminal;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import com.techsenger.jeditermfx.core.util.TermSize;
import com.techsenger.jeditermfx.ui.JediTermFxWidget;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.TerminalOptions;
import dev.keyport.app.ui.terminal.TerminalTabViewModel.Phase;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.tty.ShellHandOff;
import dev.keyport.terminal.tty.SshTtyConnector;

/**
 * One terminal tab, a view over a {@link TerminalTabViewModel}: "Connecting…" while the session comes
 * up, then the live terminal, or the reason it failed with Retry, or a banner when it ended.
 */
public final class TerminalTab {

    private final TerminalTabViewModel model;
    private final TerminalSettings settings;
    private final Tab tab = new Tab();
    private final StackPane root = new StackPane();
    /** The terminal with its banners above it (never over it: a banner must not hide the top line). */
    private final BorderPane content = new BorderPane();
    private final VBox banners = new VBox();
    private final Runnable saveHost;
    private KeyportTerminalWidget widget;
    /** How the shell reaches the current {@link #widget}. */
    private ShellHandOff handOff;

    public TerminalTab(TerminalTabViewModel model, TerminalSettings settings) {
        this(model, settings, model::dismissSaveOffer);
    }

    /** @param saveHost saves the host of a quick-connect tab (when the person accepts the tab's offer) */
    public TerminalTab(TerminalTabViewModel model, TerminalSettings settings, Runnable saveHost) {
        this.model = model;
        this.settings = settings;
        this.saveHost = saveHost;
        tab.setText(model.title());
        tab.setGraphic(new FontIcon(Feather.TERMINAL));
        tab.setContent(root);
        tab.setUserData(this);
        root.getStyleClass().add("terminal-tab");
        content.setTop(banners);
        model.phaseProperty().addListener((obs, old, phase) -> show(phase));
        model.shellProperty().addListener((obs, old, shell) -> {
            if (shell != null) {
                attach(shell);
            }
        });
    }

    public Tab tab() {
        return tab;
    }

    public TerminalTabViewModel model() {
        return model;
    }

    /** The terminal widget of the current session (null before the first connect). For tests and actions. */
    public JediTermFxWidget widget() {
        return widget;
    }

    /** Starts (or restarts) the session with a fresh terminal. Call on the FX thread. */
    public void connect() {
        disposeWidget();
        newWidget();
        // Keep keys typed while connecting inside this tab (not in the host list, where Enter opens tabs).
        root.setFocusTraversable(true);
        root.requestFocus();
        JediTermFxWidget current = widget;
        model.connect(() -> {
            TermSize size = current.getTerminalPanel().getTerminalSizeFromComponent();
            return size == null ? null : new TerminalTabViewModel.Size(size.getColumns(), size.getRows());
        });
        show(model.phaseProperty().get());
    }

    private void show(Phase phase) {
        switch (phase) {
            case CONNECTING -> {
                tab.setGraphic(new FontIcon(Feather.TERMINAL));
                banners.getChildren().clear();
                content.setCenter(widget.getPane());
                root.getChildren().setAll(content, connectingOverlay());
            }
            case OPEN -> {
                root.getChildren().setAll(content);
                if (!model.legacyWarning().isEmpty()) {
                    banners.getChildren().add(banner(Feather.ALERT_TRIANGLE, label("legacy-warning", model.legacyWarning()), dismiss()));
                }
                if (model.unsavedProperty().get()) {
                    banners.getChildren().add(saveOffer());
                }
                focusTerminal();
            }
            case FAILED -> {
                root.getChildren().setAll(problemPane());
                tab.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            }
            case ENDED -> {
                Label label = label("terminal-disconnected", "");
                label.textProperty().bind(model.endedProperty());
                Button reconnect = new Button("Reconnect", new FontIcon(Feather.REFRESH_CW));
                reconnect.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
                reconnect.setOnAction(e -> connect());
                banners.getChildren().setAll(banner(Feather.WIFI_OFF, label, reconnect));
                root.getChildren().setAll(content);
                tab.setGraphic(new FontIcon(Feather.WIFI_OFF));
            }
        }
    }

    /**
     * A fresh terminal, already wired to a {@link ShellHandOff} and its emulator started: wiring takes the
     * terminal's buffer lock (JediTermFX resets its type-ahead state), so it happens here, before any
     * thread can write to this terminal or even see it, and never when the shell arrives.
     */
    private void newWidget() {
        KeyportTerminalWidget fresh = new KeyportTerminalWidget(TerminalTabViewModel.DEFAULT_COLUMNS, TerminalTabViewModel.DEFAULT_ROWS,
                settings);
        // JediTermFX sends the text of a bare modifier press (a NUL byte on GTK) to the server.
        fresh.getPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isModifierKey()) {
                e.consume();
            }
        });
        ShellHandOff waiting = new ShellHandOff(model.host().name());
        fresh.createTerminalSession(waiting);
        fresh.start(); // its reader waits for the shell
        handOff = waiting;
        widget = fresh;
    }

    /** The shell is open: hand it to the waiting terminal (no lock, no I/O on this thread). */
    private void attach(ShellChannel shell) {
        if (widget == null || handOff.attached()) {
            // a second shell for this terminal (the model connected again without the view): a fresh terminal for it
            disposeWidget();
            newWidget();
            content.setCenter(widget.getPane());
        }
        handOff.attach(new SshTtyConnector(shell, model.host().name()));
    }

    /** Gives the keyboard to the terminal (or, while connecting or failed, to this tab). Call on the FX thread. */
    public void focusTerminal() {
        Phase phase = model.phaseProperty().get();
        if (widget != null && (phase == Phase.OPEN || phase == Phase.ENDED)) {
            widget.getTerminalPanel().getCanvas().requestFocus();
        } else {
            root.requestFocus();
        }
    }

    /** Opens the terminal's find bar (the window's Find shortcut). */
    public void find() {
        if (widget != null) {
            widget.getActions().stream().filter(a -> TerminalSettings.FIND_ACTION.equals(a.getName())).findFirst()
                    .ifPresent(find -> find.actionPerformed(null));
        }
    }

    /**
     * The person changed the terminal settings (on the Settings page, or by zooming): font, bell and
     * copy on select apply to this tab at once (a new font re-measures the cells and tells the server
     * the new size); the scrollback applies from the tab's next Reconnect. Call on the FX thread.
     */
    public void apply(TerminalOptions options) {
        if (settings.apply(options) && widget != null) {
            widget.fontChanged();
        }
    }

    /** A quick-connect tab offers to save its host once the shell is up. */
    private HBox saveOffer() {
        Label text = label("save-offer", model.host().username() + "@" + model.host().name() + " is not saved in Keyport.");
        Button save = new Button("Save host", new FontIcon(Feather.SAVE));
        save.setId("save-offer-button");
        save.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
        Button notNow = new Button("Not now");
        notNow.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        HBox actions = new HBox(6, save, notNow);
        actions.setAlignment(Pos.CENTER_RIGHT);
        HBox banner = banner(Feather.BOOKMARK, text, actions);
        banner.getStyleClass().add("save-offer");
        save.setOnAction(e -> {
            saveHost.run();
            banners.getChildren().remove(banner);
            focusTerminal();
        });
        notNow.setOnAction(e -> {
            model.dismissSaveOffer();
            banners.getChildren().remove(banner);
            focusTerminal();
        });
        return banner;
    }

    private VBox connectingOverlay() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(40, 40);
        Label label = label("terminal-status", "");
        label.textProperty().bind(model.statusProperty());
        VBox box = new VBox(12, progress, label);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("terminal-overlay");
        return box;
    }

    private VBox problemPane() {
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().addAll("status-icon", Styles.DANGER);
        Label heading = new Label(model.problemTitleProperty().get());
        heading.getStyleClass().add(Styles.TITLE_4);
        Label detail = label("terminal-status", model.problemProperty().get());
        detail.setWrapText(true);
        detail.setMaxWidth(560);
        Button retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));
        retry.setId("retry-button");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setDefaultButton(true);
        retry.setOnAction(e -> connect());
        Button close = new Button("Close tab");
        close.setOnAction(e -> closeTab());
        HBox buttons = new HBox(8, retry, close);
        buttons.setAlignment(Pos.CENTER);
        dev.keyport.terminal.HostKeyChange change = model.keyChangeProperty().get();
        if (change != null) {
            // The server's key changed: Retry cannot help; the way on is to compare both keys (never automatic).
            detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Button review = new Button("Review the new key…", new FontIcon(Feather.KEY));
            review.setId("review-key-button");
            review.setOnAction(e -> {
                if (dev.keyport.app.ui.prompts.ChangedKeyDialog.confirm(tab.getTabPane() == null ? null
                        : tab.getTabPane().getScene().getWindow(), change)) {
                    model.replaceKeyAndReconnect();
                }
            });
            retry.setDefaultButton(false);
            retry.getStyleClass().remove(Styles.ACCENT);
            buttons.getChildren().add(0, review);
        }
        VBox box = new VBox(12, icon, heading, detail, buttons);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("terminal-overlay");
        return box;
    }

    private static Label label(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        return label;
    }

    private Button dismiss() {
        Button dismiss = new Button(null, new FontIcon(Feather.X));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(e -> banners.getChildren().remove(dismiss.getParent()));
        return dismiss;
    }

    private static HBox banner(Feather icon, Label label, Node action) {
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, javafx.scene.layout.Priority.ALWAYS);
        HBox banner = new HBox(12, new FontIcon(icon), label, action);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("terminal-banner");
        return banner;
    }

    private void closeTab() {
        if (tab.getTabPane() != null) {
            tab.getTabPane().getTabs().remove(tab);
        }
        close();
    }

    private void disposeWidget() {
        if (widget != null) {
            widget.close();
        }
    }

    /** Closes the session and the terminal; safe to call more than once. */
    public void close() {
        if (model.isClosed()) {
            return;
        }
        model.close();
        disposeWidget();
    }
}
