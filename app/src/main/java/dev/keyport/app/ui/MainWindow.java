package dev.keyport.app.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;

import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.vault.Host;
import dev.keyport.vault.VaultException;

/**
 * The main window: navigation on the left, the host list, and terminals in tabs.
 * Shortcuts: Ctrl+Shift+N new host, Ctrl+Shift+K search hosts, Ctrl+Shift+W close tab,
 * Ctrl+Shift+L light/dark, Ctrl+Shift+S settings, Ctrl+PageDown/PageUp next/previous tab.
 */
public final class MainWindow {

    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

    private final HostListViewModel hosts;
    private final TerminalTab.Connector connector;
    private final Executor background;
    private final TerminalPreferences preferences;
    private TerminalSettings terminalSettings;
    private final TabPane tabs = new TabPane();
    private final List<TerminalTab> terminals = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private Stage stage;
    private HostListPane hostPane;
    private boolean dark;

    /**
     * @param scrollbackLines lines of history each terminal keeps until the person changes it in Settings
     * @param preferences     where Settings saves it
     */
    public MainWindow(HostListViewModel hosts, TerminalTab.Connector connector, Executor background, int scrollbackLines,
            TerminalPreferences preferences) {
        this.terminalSettings = new TerminalSettings(scrollbackLines);
        this.preferences = preferences;
        this.hosts = hosts;
        this.connector = connector;
        this.background = background;
    }

    /** Builds the scene on {@code stage} and shows it. Call on the FX thread. */
    public void show(Stage stage, String title) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        hostPane = new HostListPane(hosts, this::open, this::addHost);
        tabs.setId("terminal-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getTabs().addListener((javafx.collections.ListChangeListener<Tab>) change -> {
            while (change.next()) {
                for (Tab removed : change.getRemoved()) {
                    if (removed.getUserData() instanceof TerminalTab terminal) {
                        terminal.close();
                        terminals.remove(terminal);
                    }
                }
            }
        });
        StackPane content = new StackPane(welcome(), tabs);
        tabs.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(tabs.getTabs()));
        SplitPane split = new SplitPane(hostPane, content);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(hostPane, false);

        root.setLeft(navigation());
        root.setCenter(split);
        Scene scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/keyport/app/keyport.css").toExternalForm());
        installShortcuts(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
        hosts.reload();
    }

    /**
     * App shortcuts are Ctrl+Shift (Cmd+Shift on macOS) so that plain Ctrl keys stay with the shell.
     * They are a scene filter because the terminal canvas consumes every key it sees.
     */
    private void installShortcuts(Scene scene) {
        Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
        shortcuts.put(shortcut(KeyCode.N), this::addHost);
        shortcuts.put(shortcut(KeyCode.K), hostPane::focusSearch);
        shortcuts.put(shortcut(KeyCode.W), this::closeCurrentTab);
        shortcuts.put(shortcut(KeyCode.L), this::toggleTheme);
        shortcuts.put(shortcut(KeyCode.S), this::openSettings);
        shortcuts.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> selectTab(1));
        shortcuts.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> selectTab(-1));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Map.Entry<KeyCombination, Runnable> entry : shortcuts.entrySet()) {
                if (entry.getKey().match(e)) {
                    e.consume();
                    entry.getValue().run();
                    return;
                }
            }
        });
    }

    private static KeyCombination shortcut(KeyCode key) {
        return new KeyCodeCombination(key, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    private void selectTab(int delta) {
        int count = tabs.getTabs().size();
        if (count > 0) {
            int index = Math.floorMod(tabs.getSelectionModel().getSelectedIndex() + delta, count);
            tabs.getSelectionModel().select(index);
            if (tabs.getTabs().get(index).getUserData() instanceof TerminalTab terminal) {
                terminal.focusTerminal();
            }
        }
    }

    private Parent navigation() {
        ToggleButton hostsNav = new ToggleButton(null, new FontIcon(Feather.SERVER));
        hostsNav.setSelected(true);
        hostsNav.setTooltip(new Tooltip("Hosts"));
        hostsNav.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        hostsNav.setOnAction(e -> hostsNav.setSelected(true));
        Button theme = new Button(null, new FontIcon(Feather.MOON));
        theme.setId("theme-button");
        theme.setTooltip(new Tooltip("Light or dark theme (Ctrl+Shift+L)"));
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        theme.setOnAction(e -> {
            toggleTheme();
            theme.setGraphic(new FontIcon(dark ? Feather.SUN : Feather.MOON));
        });
        Button settings = new Button(null, new FontIcon(Feather.SETTINGS));
        settings.setId("settings-button");
        settings.setTooltip(new Tooltip("Settings (Ctrl+Shift+S)"));
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        settings.setOnAction(e -> openSettings());
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox nav = new VBox(6, hostsNav, spacer, settings, theme);
        nav.setPadding(new Insets(10, 6, 10, 6));
        nav.setAlignment(Pos.TOP_CENTER);
        nav.getStyleClass().add("navigation");
        return nav;
    }

    private Parent welcome() {
        FontIcon icon = new FontIcon(Feather.TERMINAL);
        icon.getStyleClass().addAll("status-icon", Styles.TEXT_MUTED);
        Label title = new Label("No open sessions");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Double-click a host, or select it and press Enter, to open a terminal.\n"
                + "Ctrl+Shift+N adds a host, Ctrl+Shift+K searches, Ctrl+Shift+W closes a tab.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox box = new VBox(10, icon, title, hint);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(420);
        return box;
    }

    /** Opens a terminal tab connected to {@code host}. */
    public TerminalTab open(Host host) {
        TerminalTab terminal = new TerminalTab(host, connector, background, terminalSettings);
        terminals.add(terminal);
        tabs.getTabs().add(terminal.tab());
        tabs.getSelectionModel().select(terminal.tab());
        terminal.connect();
        return terminal;
    }

    /** Reads the host list from the vault again (after a change made outside the window). */
    public void reloadHosts() {
        hosts.reload();
    }

    private void addHost() {
        AddHostDialog.show(stage).ifPresent(answer -> hosts.add(answer.host(), answer.password()));
    }

    private void openSettings() {
        int before = terminalSettings.scrollbackLines();
        SettingsDialog.show(stage, before).filter(lines -> lines != before).ifPresent(lines -> {
            terminalSettings = new TerminalSettings(lines); // new tabs; open tabs keep theirs
            background.execute(() -> saveScrollback(lines));
        });
    }

    /** Off the FX thread: saves the scrollback in the vault, and says so when that fails. */
    private void saveScrollback(int lines) {
        try {
            preferences.setScrollbackLines(lines);
        } catch (VaultException | RuntimeException e) {
            LOG.warn("Scrollback setting not saved: {}", e.getMessage());
            Platform.runLater(() -> {
                Alert alert = new Alert(Alert.AlertType.WARNING, "The scrollback of " + lines + " lines applies to new"
                        + " tabs until Keyport closes, but it could not be saved in the vault: " + e.getMessage()
                        + "\nOpen Settings again to retry.");
                alert.initOwner(stage);
                alert.setHeaderText("Setting not saved");
                alert.show();
            });
        }
    }

    /** Lines of scrollback the next tab will keep. */
    public int scrollbackLines() {
        return terminalSettings.scrollbackLines();
    }

    private void closeCurrentTab() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            tabs.getTabs().remove(selected);
        }
    }

    private void toggleTheme() {
        dark = !dark;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** The open terminal tabs, in order. */
    public List<TerminalTab> terminals() {
        return List.copyOf(terminals);
    }

    /** Closes every session; called once when the application exits. */
    public void closeAll() {
        for (TerminalTab terminal : List.copyOf(terminals)) {
            terminal.close();
        }
        terminals.clear();
    }
}
