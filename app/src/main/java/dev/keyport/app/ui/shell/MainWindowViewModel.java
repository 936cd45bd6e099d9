package dev.keyport.app.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.AppearancePreferences;
import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.app.session.SessionService;
import dev.keyport.app.teamfile.TeamFileService;
import dev.keyport.app.ui.hosts.HostListViewModel;
import dev.keyport.app.ui.teamfile.ExportViewModel;
import dev.keyport.app.ui.teamfile.ImportViewModel;
import dev.keyport.app.ui.terminal.TerminalTabViewModel;
import dev.keyport.app.ui.tunnels.TunnelsViewModel;
import dev.keyport.vault.Host;
import dev.keyport.vault.VaultException;

/**
 * The main window's state: the host list, the open terminals, the theme and the scrollback new tabs
 * keep, and a notice when something the person changed could not be saved. Saving goes to
 * {@code background}; properties change on the UI thread through {@code ui}.
 */
public final class MainWindowViewModel {

    /** The sections of the navigation bar. */
    public enum Section { HOSTS, TUNNELS }

    /** What the window needs from the vault before it shows; read off the UI thread with {@link #load}. */
    public record Startup(boolean dark, int scrollbackLines) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);

    private final SessionService sessions;
    private final TerminalPreferences terminalPreferences;
    private final AppearancePreferences appearance;
    private final Executor background;
    private final Executor ui;
    private final TeamFileService teamFiles;
    private final HostListViewModel hosts;
    private final TunnelsViewModel tunnels;
    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(Section.HOSTS);
    private final ReadOnlyBooleanWrapper dark;
    private final ReadOnlyIntegerWrapper scrollbackLines;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final List<TerminalTabViewModel> terminals = new ArrayList<>();

    public MainWindowViewModel(KeyportContext context, Startup startup, Executor ui) {
        this.sessions = context.sessions();
        this.terminalPreferences = context.terminalPreferences();
        this.appearance = context.appearance();
        this.background = context.background();
        this.ui = ui;
        this.teamFiles = context.teamFiles();
        this.tunnels = new TunnelsViewModel(context.tunnelProfiles(), context.tunnels(), context.hosts(), background, ui);
        this.hosts = new HostListViewModel(context.hosts(), background, ui, tunnels.hostsWithTunnelsOn());
        this.dark = new ReadOnlyBooleanWrapper(startup.dark());
        this.scrollbackLines = new ReadOnlyIntegerWrapper(startup.scrollbackLines());
    }

    /**
     * Reads the saved theme and scrollback; blocking (JDBC): call off the UI thread.
     *
     * @param scrollbackForThisRun {@code --scrollback}, which wins over the saved setting for this run
     */
    public static Startup load(KeyportContext context, Optional<Integer> scrollbackForThisRun) {
        return new Startup(context.appearance().dark(),
                scrollbackForThisRun.orElseGet(context.terminalPreferences()::scrollbackLines));
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

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /** Switches between light and dark and saves the choice. */
    public void toggleTheme() {
        boolean next = !dark.get();
        dark.set(next);
        save("The " + (next ? "dark" : "light") + " theme applies until Keyport closes", () -> appearance.setDark(next));
    }

    /** Lines of scrollback the next tab keeps. */
    public ReadOnlyIntegerProperty scrollbackLinesProperty() {
        return scrollbackLines.getReadOnlyProperty();
    }

    /** New tabs keep {@code lines} of scrollback (open tabs keep theirs); the setting is saved in the vault. */
    public void changeScrollback(int lines) {
        if (lines == scrollbackLines.get()) {
            return;
        }
        scrollbackLines.set(lines);
        save("The scrollback of " + lines + " lines applies to new tabs until Keyport closes",
                () -> terminalPreferences.setScrollbackLines(lines));
    }

    /** Something the person should read (a setting that could not be saved), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    private interface Save {
        void run() throws VaultException;
    }

    private void save(String meanwhile, Save save) {
        background.execute(() -> {
            try {
                save.run();
            } catch (VaultException | RuntimeException e) {
                LOG.warn("Setting not saved: {}", e.getMessage());
                ui.execute(() -> notice.set(meanwhile + ", but it could not be saved in the vault: " + e.getMessage()
                        + "\nChange it again to retry."));
            }
        });
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
