package dev.keyport.app.ui.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.application.Platform;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import dev.keyport.app.ui.hosts.HostListView;
import dev.keyport.app.ui.settings.SettingsView;
import dev.keyport.app.ui.terminal.TerminalSettings;
import dev.keyport.app.ui.terminal.TerminalTab;
import dev.keyport.app.ui.teamfile.ExportDialog;
import dev.keyport.app.ui.teamfile.ImportDialog;
import dev.keyport.app.ui.tunnels.TunnelEditorDialog;
import dev.keyport.app.ui.tunnels.TunnelsView;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/**
 * The main window, a view over a {@link MainWindowViewModel}: navigation on the left, the host list,
 * and terminals in tabs. Its shortcuts are the {@link Shortcut}s.
 */
public final class MainWindow {

    private final MainWindowViewModel model;
    private final Runnable lock;
    private final TabPane tabs = new TabPane();
    private final List<TerminalTab> terminals = new ArrayList<>();
    private final BorderPane root = new BorderPane();
    private Stage stage;
    private HostListView hostList;
    private TunnelsView tunnelsView;
    private SettingsView settingsView;

    /** @param lock locks the vault (Ctrl+L); may do nothing (demo mode) */
    public MainWindow(MainWindowViewModel model, Runnable lock) {
        this.model = model;
        this.lock = lock;
    }

    public MainWindowViewModel model() {
        return model;
    }

    /** Builds the scene on {@code stage} and shows it. Call on the FX thread. */
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
        });
        StackPane content = new StackPane(new Welcome(), tabs);
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));
        SplitPane split = new SplitPane(hostList, content);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(hostList, false);
        SplitPane.setResizableWithParent(tunnelsView, false);
        model.sectionProperty().addListener((obs, old, section) -> {
            if (section == MainWindowViewModel.Section.SETTINGS) {
                root.setCenter(settingsView());
                return;
            }
            root.setCenter(split);
            double[] dividers = split.getDividerPositions();
            split.getItems().set(0, section == MainWindowViewModel.Section.TUNNELS ? tunnelsView : hostList);
            split.setDividerPositions(dividers);
        });

        root.setLeft(new Navigation(model, this::openSettings, () -> openImport(""), this::openExport));
        root.setCenter(split);
        Scene scene = new Scene(root, 1200, 760);
        scene.getStylesheets().add(MainWindow.class.getResource("/dev/keyport/app/keyport.css").toExternalForm());
        installShortcuts(scene);
        acceptDroppedTeamFiles(scene);
        stage.setTitle(title);
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
        model.hosts().reload();
    }

    /** A scene filter, because the terminal canvas consumes every key it sees. */
    private void installShortcuts(Scene scene) {
        Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);
        actions.put(Shortcut.SHOW_HOSTS, () -> model.show(MainWindowViewModel.Section.HOSTS));
        actions.put(Shortcut.SHOW_TUNNELS, () -> model.show(MainWindowViewModel.Section.TUNNELS));
        actions.put(Shortcut.NEW_HOST, this::addHost);
        actions.put(Shortcut.IMPORT_TEAM_FILE, () -> openImport(""));
        actions.put(Shortcut.EXPORT_TEAM_FILE, this::openExport);
        actions.put(Shortcut.SEARCH_HOSTS, hostList::focusSearch);
        actions.put(Shortcut.CLOSE_TAB, this::closeCurrentTab);
        actions.put(Shortcut.TOGGLE_THEME, model::toggleTheme);
        actions.put(Shortcut.SETTINGS, this::openSettings);
        actions.put(Shortcut.NEXT_TAB, () -> selectTab(1));
        actions.put(Shortcut.PREVIOUS_TAB, () -> selectTab(-1));
        actions.put(Shortcut.LOCK, lock);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Map.Entry<Shortcut, Runnable> entry : actions.entrySet()) {
                if (entry.getKey().keys().match(e)) {
                    e.consume();
                    entry.getValue().run();
                    return;
                }
            }
        });
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

    /** Opens a terminal tab connected to {@code host}. */
    public TerminalTab open(Host host) {
        TerminalTab terminal = new TerminalTab(model.newTerminal(host), new TerminalSettings(model.settings().terminalOptions()));
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

    /** Shows the Settings page in the window (the Hosts or Tunnels button goes back). */
    private void openSettings() {
        model.show(MainWindowViewModel.Section.SETTINGS);
    }

    /** The Settings page, built the first time it is shown. */
    public SettingsView settingsView() {
        if (settingsView == null) {
            settingsView = new SettingsView(model.settings());
        }
        return settingsView;
    }

    private void showNotice(String text) {
        Alert alert = new Alert(Alert.AlertType.WARNING, text);
        alert.initOwner(stage);
        alert.setHeaderText("Setting not saved");
        alert.setOnHidden(e -> model.dismissNotice());
        alert.show();
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
