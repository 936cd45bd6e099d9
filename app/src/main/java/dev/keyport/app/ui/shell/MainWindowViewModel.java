package dev.keyport.app.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.SystemTheme;
import dev.keyport.app.session.SessionService;
import dev.keyport.app.teamfile.TeamFileService;
import dev.keyport.app.ui.hosts.HostListViewModel;
import dev.keyport.app.ui.settings.SettingsViewModel;
import dev.keyport.app.ui.teamfile.ExportViewModel;
import dev.keyport.app.ui.teamfile.ImportViewModel;
import dev.keyport.app.ui.terminal.TerminalTabViewModel;
import dev.keyport.app.ui.tunnels.TunnelsViewModel;
import dev.keyport.vault.Host;

/**
 * The main window's state: the host list, the open terminals, the theme and the scrollback new tabs
 * keep, and a notice when something the person changed could not be saved. Saving goes to
 * {@code background}; properties change on the UI thread through {@code ui}.
 */
public final class MainWindowViewModel {

    /** The sections of the navigation bar. */
    public enum Section { HOSTS, TUNNELS, SETTINGS }

    /** What the window needs from the vault before it shows; read off the UI thread with {@link #load}. */
    public record Startup(SettingsViewModel.Saved settings) {
    }

    private final SessionService sessions;
    private final Executor background;
    private final Executor ui;
    private final TeamFileService teamFiles;
    private final HostListViewModel hosts;
    private final TunnelsViewModel tunnels;
    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(Section.HOSTS);
    private final SettingsViewModel settings;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final List<TerminalTabViewModel> terminals = new ArrayList<>();

    public MainWindowViewModel(KeyportContext context, Startup startup, Executor ui) {
        this.sessions = context.sessions();
        this.background = context.background();
        this.ui = ui;
        this.teamFiles = context.teamFiles();
        this.tunnels = new TunnelsViewModel(context.tunnelProfiles(), context.tunnels(), context.hosts(), background, ui);
        this.hosts = new HostListViewModel(context.hosts(), background, ui, tunnels.hostsWithTunnelsOn());
        this.settings = new SettingsViewModel(context, startup.settings(), SystemTheme.ofThisComputer(), ui);
        // a setting that could not be saved is worth a notice wherever the person is
        settings.problemProperty().addListener((obs, old, problem) -> {
            if (!problem.isEmpty()) {
                notice.set(problem);
            }
        });
    }

    /**
     * Reads the saved settings (and asks the desktop for its theme); blocking (JDBC): call off the UI thread.
     *
     * @param scrollbackForThisRun {@code --scrollback}, which wins over the saved setting for this run
     */
    public static Startup load(KeyportContext context, Optional<Integer> scrollbackForThisRun) {
        SettingsViewModel.Saved saved = SettingsViewModel.load(context, SystemTheme.ofThisComputer());
        if (scrollbackForThisRun.isPresent()) {
            saved = new SettingsViewModel.Saved(saved.theme(), saved.systemDark(), saved.terminal().withScrollbackLines(scrollbackForThisRun.get()),
                    saved.autoLockMinutes(), saved.hostKeyPolicy());
        }
        return new Startup(saved);
    }

    /** The Settings page's state; also what new terminal tabs use ({@link SettingsViewModel#terminalOptions()}). */
    public SettingsViewModel settings() {
        return settings;
    }

    public HostListViewModel hosts() {
        return hosts;
    }

    public TunnelsViewModel tunnels() {
        return tunnels;
    }

    /** A fresh import of {@code file} ("" to choose one in the dialog). */
    public ImportViewModel importer(String file) {
        ImportViewModel importer = new ImportViewModel(teamFiles, background, ui);
        importer.pathProperty().set(file);
        return importer;
    }

    public ExportViewModel exporter() {
        return new ExportViewModel(teamFiles, background, ui);
    }

    /** After an import: the lists show what came in. */
    public void imported() {
        hosts.reload();
        tunnels.reload();
    }

    /** Which section the window shows beside the terminals. */
    public ReadOnlyObjectProperty<Section> sectionProperty() {
        return section.getReadOnlyProperty();
    }

    public void show(Section shown) {
        section.set(shown);
        if (shown == Section.TUNNELS) {
            tunnels.reload();
        }
    }

    /** Whether the window is dark now (the theme mode, and the desktop's preference when following it). */
    public ObservableBooleanValue darkProperty() {
        return settings.darkProperty();
    }

    /** Switches between light and dark (an explicit choice from now on) and saves it. */
    public void toggleTheme() {
        settings.toggleTheme();
    }

    /** Lines of scrollback the next tab keeps. */
    public ReadOnlyIntegerProperty scrollbackLinesProperty() {
        return settings.scrollbackLinesProperty();
    }

    /** New tabs keep {@code lines} of scrollback (open tabs keep theirs); the setting is saved in the vault. */
    public void changeScrollback(int lines) {
        settings.scrollbackProperty().set(Integer.toString(lines));
        settings.commitScrollback();
    }

    /** Something the person should read (a setting that could not be saved), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** A terminal for {@code host}, not yet connected (its view connects it). */
    public TerminalTabViewModel newTerminal(Host host) {
        TerminalTabViewModel terminal = new TerminalTabViewModel(host, sessions, background, ui);
        terminals.add(terminal);
        return terminal;
    }

    /** The tab went away: its session closes. */
    public void closed(TerminalTabViewModel terminal) {
        terminal.close();
        terminals.remove(terminal);
    }

    public List<TerminalTabViewModel> terminals() {
        return List.copyOf(terminals);
    }

    /** Closes every terminal's session (in the background); the window is going away. */
    public void closeAll() {
        for (TerminalTabViewModel terminal : List.copyOf(terminals)) {
            terminal.close();
        }
        terminals.clear();
    }
}
