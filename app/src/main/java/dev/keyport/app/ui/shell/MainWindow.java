package dev.keyport.app.ui.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.WindowPreferences;
import dev.keyport.app.ui.hosts.HostListView;
import dev.keyport.app.ui.identities.IdentitiesView;
import dev.keyport.app.ui.keys.KeysView;
import dev.keyport.app.ui.knownhosts.KnownHostsView;
import dev.keyport.app.ui.settings.SettingsView;
import dev.keyport.app.ui.shell.MainWindowViewModel.Section;
import dev.keyport.app.ui.terminal.TerminalSettings;
import dev.keyport.app.ui.terminal.TerminalTab;
import dev.keyport.app.ui.terminal.TerminalTabViewModel;
import dev.keyport.app.ui.teamfile.ExportDialog;
import dev.keyport.app.ui.teamfile.ImportDialog;
import dev.keyport.app.ui.tunnels.TunnelEditorDialog;
import dev.keyport.app.ui.tunnels.TunnelsView;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/**
 * The main window, a view over a {@link MainWindowViewModel}: the sidebar on the left; beside it the
 * quick-connect field and either a list (Hosts, Tunnels) with the terminal tabs, or a wide page
 * (Keys, Identities, Known hosts, Settings) that covers the terminals while it is selected. The tabs
 * stay open behind a page. Its shortcuts are the {@link Shortcut}s.
 */
public final class MainWindow {

    /** Why the demo does not lock, said when the person asks it to. */
    public static final String DEMO_CANNOT_LOCK = "The demo does not lock: its throwaway vault has a random master password"
            + " that nobody knows, so it could not be unlocked again. Close Keyport to end the demo.";

    static final double MIN_WIDTH = 720;
    static final double MIN_HEIGHT = 480;

    private final MainWindowViewModel model;
    private final Runnable lock;
    private final String whyNoLock;
    private final TabPane tabs = new TabPane();
    private final List<TerminalTab> terminals = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Section, Node> pages = new EnumMap<>(Section.class);
    private final TextField quickConnect = new TextField();
    private final Label quickConnectProblem = new Label();
    private final Label notification = new Label();
    private final PauseTransition notificationTimer = new PauseTransition(Duration.seconds(8));
    private final PauseTransition placementTimer = new PauseTransition(Duration.millis(700));
    /** Tells the view model where the window is now (it saves that in the background). */
    private Runnable recordPlacement = () -> { };
    /** A shortcut took the last key press: the character it types (KEY_TYPED) must not reach the terminal. */
    private boolean swallowTyped;
    private Stage stage;
    private SplitPane split;
    private HostListView hostList;
    private TunnelsView tunnelsView;

    /** @param lock locks the vault (its shortcut and the sidebar's lock button) */
    public MainWindow(MainWindowViewModel model, Runnable lock) {
        this(model, lock, "");
    }

    /** A window that cannot lock (the demo): asking it to lock says {@code whyNoLock}. */
    public MainWindow(MainWindowViewModel model, String whyNoLock) {
        this(model, null, whyNoLock);
    }

    private MainWindow(MainWindowViewModel model, Runnable lock, String whyNoLock) {
        this.model = model;
        this.lock = lock;
        this.whyNoLock = whyNoLock;
    }

    public MainWindowViewModel model() {
        return model;
    }

    /** Builds the scene on {@code stage} and shows it where it was last time (on a screen that is there). Call on the FX thread. */
    public void show(Stage stage, String title) {
        this.stage = stage;
        Theme.apply(model.darkProperty().get());
        model.darkProperty().addListener((obs, old, dark) -> Theme.apply(dark));
        model.noticeProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                showNotice(text);
            }
        });
        hostList = new HostListView(model.hosts(), this::open, this::addHost);
        tunnelsView = new TunnelsView(model.tunnels(), this::editTunnel);
        buildTabs();
        StackPane terminalArea = new StackPane(new Welcome(), tabs);
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));
        split = new SplitPane(hostList, terminalArea);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(hostList, false);
        SplitPane.setResizableWithParent(tunnelsView, false);
        content.getChildren().setAll(split);
        showSection(model.sectionProperty().get());
        model.sectionProperty().addListener((obs, old, section) -> showSection(section));
        // Settings (and zoom) reach the open tabs at once: the tab applies them to its own terminal
        model.settings().terminalOptionsProperty().addListener((obs, old, options) -> terminals.forEach(t -> t.apply(options)));

        VBox center = new VBox(topBar(), content);
        VBox.setVgrow(content, Priority.ALWAYS);
        root.setLeft(new Navigation(model, () -> openImport(""), this::openExport, this::lock));
        root.setCenter(center);
        root.setBottom(notificationBar());
        Scene scene = new Scene(root, WindowPreferences.DEFAULT_WIDTH, WindowPreferences.DEFAULT_HEIGHT);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/keyport/app/keyport.css").toExternalForm());
        installShortcuts(scene);
        acceptDroppedTeamFiles(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        WindowPreferences.Placement placement = placement();
        apply(stage, placement);
        stage.show();
        holdPlacement(stage, placement);
        rememberPlacement(stage);
        Node list = hostList.lookup("#host-list");
        if (list != null) {
            list.requestFocus(); // the keyboard starts in the host list (Enter opens the selected host)
        }
        model.hosts().reload();
    }

    /**
     * The page a wide section shows: the one place that maps a section to its view. The Keys,
     * Identities, Known hosts and Settings views are built on their own and wired here.
     */
    Node pageFor(Section section) {
        return switch (section) {
            case KEYS -> new KeysView(model.keys());
            case IDENTITIES -> new IdentitiesView(model.identities());
            case KNOWN_HOSTS -> new KnownHostsView(model.knownHosts());
            case SETTINGS -> new SettingsView(model.settings());
            case HOSTS, TUNNELS -> throw new IllegalArgumentException(section + " is shown beside the terminals, not as a page");
        };
    }

    private void showSection(Section section) {
        if (section.wide()) {
            Node page = pages.computeIfAbsent(section, this::pageFor);
            page.getProperties().put("keyport.section", section);
            content.getChildren().setAll(page);
            reload(page);
            // the node that had the keyboard (the host list, a terminal) left the scene with the list: without
            // this, JavaFX gave the keyboard to the first control of the window, the quick-connect field
            Platform.runLater(() -> {
                if (content.getChildren().contains(page)) {
                    page.applyCss(); // a page built just now has no skins yet: a ScrollPane's content is not its child before
                    firstControl(page).ifPresent(Node::requestFocus);
                }
            });
        } else {
            double[] dividers = split.getDividerPositions();
            split.getItems().set(0, section == Section.TUNNELS ? tunnelsView : hostList);
            split.setDividerPositions(dividers);
            content.getChildren().setAll(split);
            Platform.runLater(() -> {
                if (selectedTerminal().isPresent()) {
                    focusSelectedTerminal();
                } else {
                    // no terminal to go back to: the list itself (not the quick-connect field, where JavaFX put it)
                    Node list = split.getItems().get(0).lookup(section == Section.TUNNELS ? "#tunnel-list" : "#host-list");
                    if (list != null && model.sectionProperty().get() == section) {
                        list.requestFocus();
                    }
                }
            });
        }
    }

    /**
     * The first control of {@code node} that takes the keyboard, in the order the page lays them out
     * (depth first): what Tab would reach first.
     */
    static Optional<Node> firstControl(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return Optional.empty();
        }
        if (node.isFocusTraversable()) {
            return Optional.of(node);
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = firstControl(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** A page shows what is in the vault now (a change made elsewhere, e.g. an import, shows when it is shown). */
    private static void reload(Node page) {
        if (page instanceof KeysView keys) {
            keys.reload();
        } else if (page instanceof IdentitiesView identities) {
            identities.reload();
        } else if (page instanceof KnownHostsView knownHosts) {
            knownHosts.reload();
        }
    }

    private HBox topBar() {
        quickConnect.setId("quick-connect");
        quickConnect.setPromptText("Quick connect: user@host:port, then Enter (" + Shortcut.QUICK_CONNECT.keys().getDisplayText() + ")");
        quickConnect.setTooltip(new Tooltip("Connects without saving the host; the tab then offers to save it."));
        quickConnect.setPrefColumnCount(30);
        quickConnect.setOnAction(e -> quickConnect());
        quickConnect.textProperty().addListener((obs, old, text) -> quickConnectProblem.setText(""));
        quickConnect.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                quickConnect.clear();
                focusSelectedTerminal();
                e.consume();
            }
        });
        quickConnectProblem.setId("quick-connect-problem");
        quickConnectProblem.getStyleClass().add(Styles.DANGER);
        quickConnectProblem.setWrapText(true);
        quickConnectProblem.visibleProperty().bind(quickConnectProblem.textProperty().isNotEmpty());
        quickConnectProblem.managedProperty().bind(quickConnectProblem.visibleProperty());
        HBox.setHgrow(quickConnectProblem, Priority.ALWAYS);
        FontIcon zap = new FontIcon(Feather.ZAP);
        zap.getStyleClass().add(Styles.TEXT_MUTED);
        HBox bar = new HBox(8, zap, quickConnect, quickConnectProblem);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 12, 6, 12));
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    /** Enter in the quick-connect field: a tab on what was typed, or what is wrong with it under the field. */
    private void quickConnect() {
        TerminalTabViewModel terminal;
        try {
            terminal = model.quickConnect(quickConnect.getText());
        } catch (IllegalArgumentException e) {
            quickConnectProblem.setText(e.getMessage());
            return;
        }
        quickConnect.clear();
        open(terminal);
    }

    private HBox notificationBar() {
        notification.setId("notification");
        notification.setWrapText(true);
        notification.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(notification, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.setOnAction(e -> notification.setText(""));
        HBox bar = new HBox(10, new FontIcon(Feather.INFO), notification, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("notification-bar");
        bar.visibleProperty().bind(notification.textProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        notificationTimer.setOnFinished(e -> notification.setText(""));
        return bar;
    }

    /** A message at the bottom of the window that goes away by itself; it takes no focus. */
    private void notify(String text) {
        notification.setText(text);
        notificationTimer.playFromStart();
    }

    private void lock() {
        if (lock != null) {
            lock.run();
        } else {
            notify(whyNoLock);
        }
    }

    private void buildTabs() {
        tabs.setId("terminal-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> {
            while (change.next()) {
                for (Tab removed : change.getRemoved()) {
                    if (removed.getUserData() instanceof TerminalTab terminal) {
                        terminal.close();
                        terminals.remove(terminal);
                        model.closed(terminal.model());
                    }
                }
            }
            if (tabs.getTabs().isEmpty() && hostList != null && !model.sectionProperty().get().wide()) {
                Platform.runLater(hostList::requestFocus);
            }
        });
        // the keyboard goes back to the terminal when a tab is chosen, closed, or its header clicked
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> Platform.runLater(this::focusSelectedTerminal));
        tabs.focusedProperty().addListener((obs, old, focused) -> {
            if (focused) {
                Platform.runLater(this::focusSelectedTerminal);
            }
        });
    }

    private Optional<TerminalTab> selectedTerminal() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected != null && selected.getUserData() instanceof TerminalTab terminal ? Optional.of(terminal) : Optional.empty();
    }

    private void focusSelectedTerminal() {
        if (!model.sectionProperty().get().wide()) {
            selectedTerminal().ifPresent(TerminalTab::focusTerminal);
        }
    }

    /**
     * A scene filter, because the terminal canvas consumes every key it sees. A key press that is a
     * shortcut is consumed, and so is the character it would type (the KEY_TYPED event after it):
     * otherwise Ctrl+Shift+N would also type N into the shell. The action runs after the event, so a
     * dialog it opens does not receive that character either.
     */
    private void installShortcuts(Scene scene) {
        Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
        actions.put(Shortcut.SHOW_HOSTS, () -> model.show(Section.HOSTS));
        actions.put(Shortcut.SHOW_KEYS, () -> model.show(Section.KEYS));
        actions.put(Shortcut.SHOW_IDENTITIES, () -> model.show(Section.IDENTITIES));
        actions.put(Shortcut.SHOW_TUNNELS, () -> model.show(Section.TUNNELS));
        actions.put(Shortcut.SHOW_KNOWN_HOSTS, () -> model.show(Section.KNOWN_HOSTS));
        actions.put(Shortcut.SETTINGS, () -> model.show(Section.SETTINGS));
        actions.put(Shortcut.QUICK_CONNECT, () -> {
            quickConnect.requestFocus();
            quickConnect.selectAll();
        });
        actions.put(Shortcut.NEW_HOST, this::addHost);
        actions.put(Shortcut.IMPORT_TEAM_FILE, () -> openImport(""));
        actions.put(Shortcut.EXPORT_TEAM_FILE, this::openExport);
        actions.put(Shortcut.SEARCH_HOSTS, () -> {
            model.show(Section.HOSTS);
            hostList.focusSearch();
        });
        actions.put(Shortcut.FIND_IN_TERMINAL, () -> {
            model.showTerminals();
            selectedTerminal().ifPresent(TerminalTab::find);
        });
        actions.put(Shortcut.CLOSE_TAB, this::closeCurrentTab);
        actions.put(Shortcut.NEXT_TAB, () -> selectTab(1));
        actions.put(Shortcut.PREVIOUS_TAB, () -> selectTab(-1));
        actions.put(Shortcut.ZOOM_IN, model::zoomIn);
        actions.put(Shortcut.ZOOM_OUT, model::zoomOut);
        actions.put(Shortcut.ZOOM_RESET, model::zoomReset);
        actions.put(Shortcut.TOGGLE_THEME, model::toggleTheme);
        actions.put(Shortcut.LOCK, this::lock);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode().isModifierKey()) {
                return;
            }
            swallowTyped = false;
            for (Map.Entry<Shortcut, Runnable> entry : actions.entrySet()) {
                if (entry.getKey().matches(e)) {
                    e.consume();
                    swallowTyped = true;
                    Platform.runLater(entry.getValue());
                    return;
                }
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                e.consume();
            }
        });
    }

    private void selectTab(int delta) {
        int count = tabs.getTabs().size();
        if (count > 0) {
            model.showTerminals();
            int index = Math.floorMod(tabs.getSelectionModel().getSelectedIndex() + delta, count);
            tabs.getSelectionModel().select(index);
            focusSelectedTerminal();
        }
    }

    /** Opens a terminal tab connected to {@code host}. */
    public TerminalTab open(Host host) {
        return open(model.newTerminal(host));
    }

    private TerminalTab open(TerminalTabViewModel terminalModel) {
        model.showTerminals();
        TerminalSettings settings = new TerminalSettings(model.settings().terminalOptions());
        TerminalTab terminal = new TerminalTab(terminalModel, settings, () -> {
            model.saveQuickHost(terminalModel);
            notify(terminalModel.host().name() + " is saved: it is in the host list now.");
        });
        terminals.add(terminal);
        tabs.getTabs().add(terminal.tab());
        tabs.getSelectionModel().select(terminal.tab());
        terminal.connect();
        return terminal;
    }

    /** Reads the host list from the vault again (after a change made outside the window). */
    public void reloadHosts() {
        model.hosts().reload();
    }

    private void addHost() {
        hostList.newHost();
    }

    /** Opens the tunnel editor for {@code profile} (null: a new one); saving goes through the view model. */
    private void editTunnel(ForwardProfile profile) {
        boolean isNew = profile == null || model.tunnels().rows().stream().noneMatch(r -> r.profile().id().equals(profile.id()));
        model.tunnels().edit(profile, editor -> TunnelEditorDialog.show(stage, editor, isNew).ifPresent(model.tunnels()::save));
    }

    /** Dropping a team file on the window opens its import preview. */
    private void acceptDroppedTeamFiles(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean taken = e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty();
            if (taken) {
                String file = e.getDragboard().getFiles().get(0).getAbsolutePath();
                Platform.runLater(() -> openImport(file)); // after the drop has finished
            }
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    /** Opens the import preview for {@code file} ("" to choose one). Call on the FX thread. */
    public void openImport(String file) {
        ImportDialog.show(stage, model.importer(file), model::imported);
    }

    private void openExport() {
        ExportDialog.show(stage, model.exporter());
    }

    /** The Settings page (built the first time it is shown). */
    public SettingsView settingsView() {
        return (SettingsView) pages.computeIfAbsent(Section.SETTINGS, this::pageFor);
    }

    private void showNotice(String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING, text);
        alert.initOwner(stage);
        alert.setHeaderText("Setting not saved");
        alert.setOnHidden(e -> model.dismissNotice());
        alert.show();
    }

    /** Where the window goes: where it was last time, on a screen that is there now (else centred at the default size). */
    private WindowPreferences.Placement placement() {
        List<WindowPreferences.Area> screens = new ArrayList<>();
        screens.add(area(Screen.getPrimary().getVisualBounds()));
        for (Screen screen : Screen.getScreens()) {
            if (!screen.equals(Screen.getPrimary())) {
                screens.add(area(screen.getVisualBounds()));
            }
        }
        return WindowPreferences.fit(model.savedPlacement(), screens, MIN_WIDTH, MIN_HEIGHT);
    }

    private static void apply(Stage stage, WindowPreferences.Placement placement) {
        stage.setX(placement.bounds().x());
        stage.setY(placement.bounds().y());
        stage.setWidth(placement.bounds().width());
        stage.setHeight(placement.bounds().height());
        stage.setMaximized(placement.maximized());
    }

    /**
     * Keeps the window where it was put while the window manager settles it. Under X11 window
     * managers (openbox, seen with JavaFX 21 on GTK) the first configure events after mapping report
     * GTK's default 200x200 at (0,0); JavaFX takes them as the window's size, clamps them to the
     * minimum size and asks for that, so the window opened at its minimum size, or at (-1,-8) with its
     * title bar off the screen. Until the person first touches the window (or for a few seconds), a
     * size or place that differs from the one asked for is asked for again; the minimum size is set
     * after that.
     */
    private void holdPlacement(Stage stage, WindowPreferences.Placement placement) {
        boolean[] settling = {true};
        javafx.beans.InvalidationListener moved = obs -> {
            if (settling[0] && !stage.isMaximized() && !placedAt(stage, placement)) {
                Platform.runLater(() -> {
                    if (settling[0] && !stage.isMaximized() && !placedAt(stage, placement)) {
                        apply(stage, placement);
                    }
                });
            }
        };
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        PauseTransition settle = new PauseTransition(Duration.seconds(4));
        Runnable settled = () -> {
            if (settling[0]) {
                settling[0] = false;
                settle.stop();
                stage.xProperty().removeListener(moved);
                stage.yProperty().removeListener(moved);
                stage.widthProperty().removeListener(moved);
                stage.heightProperty().removeListener(moved);
                stage.setMinWidth(MIN_WIDTH);
                stage.setMinHeight(MIN_HEIGHT);
            }
        };
        settle.setOnFinished(e -> settled.run());
        settle.play();
        stage.getScene().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> settled.run());
        Platform.runLater(() -> moved.invalidated(null));
    }

    private static boolean placedAt(Stage stage, WindowPreferences.Placement placement) {
        WindowPreferences.Area wanted = placement.bounds();
        return Math.abs(stage.getX() - wanted.x()) < 1 && Math.abs(stage.getY() - wanted.y()) < 1
                && Math.abs(stage.getWidth() - wanted.width()) < 1 && Math.abs(stage.getHeight() - wanted.height()) < 1;
    }

    private static WindowPreferences.Area area(Rectangle2D bounds) {
        return new WindowPreferences.Area(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight());
    }

    /** Saves the window's place a moment after it stops moving (the size it has when not maximised is kept). */
    private void rememberPlacement(Stage stage) {
        WindowPreferences.Area[] normal = {new WindowPreferences.Area(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight())};
        recordPlacement = () -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normal[0] = new WindowPreferences.Area(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
            model.placementChanged(new WindowPreferences.Placement(normal[0], stage.isMaximized()));
        };
        placementTimer.setOnFinished(e -> recordPlacement.run());
        javafx.beans.InvalidationListener changed = obs -> {
            if (stage.isShowing()) {
                placementTimer.playFromStart();
            }
        };
        stage.xProperty().addListener(changed);
        stage.yProperty().addListener(changed);
        stage.widthProperty().addListener(changed);
        stage.heightProperty().addListener(changed);
        stage.maximizedProperty().addListener(changed);
    }

    /** Lines of scrollback the next tab will keep. */
    public int scrollbackLines() {
        return model.scrollbackLinesProperty().get();
    }

    private void closeCurrentTab() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            tabs.getTabs().remove(selected);
        }
    }

    /** The open terminal tabs, in order. */
    public List<TerminalTab> terminals() {
        return List.copyOf(terminals);
    }

    /** Closes every terminal (their connections close in the background). Call on the FX thread. */
    public void closeAll() {
        if (placementTimer.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            placementTimer.stop();
            recordPlacement.run(); // the move that just happened is saved too
        }
        for (TerminalTab terminal : List.copyOf(terminals)) {
            terminal.close();
        }
        terminals.clear();
        model.closeAll();
    }

    /** Takes the window away at once: the terminals close, their connections close in the background. */
    public void close() {
        closeAll();
        if (stage != null) {
            stage.hide();
        }
    }
}
