package dev.keyport.app.ui.shell;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.Destination;
import dev.keyport.app.services.SystemTheme;
import dev.keyport.app.services.WindowPreferences;
import dev.keyport.app.session.SessionService;
import dev.keyport.app.teamfile.TeamFileService;
import dev.keyport.app.ui.hosts.HostListViewModel;
import dev.keyport.app.ui.identities.IdentitiesViewModel;
import dev.keyport.app.ui.keys.KeysViewModel;
import dev.keyport.app.ui.knownhosts.KnownHostsViewModel;
import dev.keyport.app.ui.settings.SettingsViewModel;
import dev.keyport.app.ui.teamfile.ExportViewModel;
import dev.keyport.app.ui.teamfile.ImportViewModel;
import dev.keyport.app.ui.terminal.TerminalTabViewModel;
import dev.keyport.app.ui.tunnels.TunnelsViewModel;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.VaultException;

/**
 * The main window's state: the host list, the open terminals, the theme and the scrollback new tabs
 * keep, and a notice when something the person changed could not be saved. Saving goes to
 * {@code background}; properties change on the UI thread through {@code ui}.
 */
public final class MainWindowViewModel {

    /**
     * The sections of the navigation bar, in its order. Hosts and Tunnels show their list beside the
     * terminals; the others are wide pages that fill the content area while selected (the terminal
     * tabs stay open behind them and come back with Hosts or a tab shortcut).
     */
    public enum Section {
        HOSTS("Hosts", false), KEYS("Keys", true), IDENTITIES("Identities", true), TUNNELS("Tunnels", false),
        KNOWN_HOSTS("Known hosts", true), SETTINGS("Settings", true);

        private final String title;
        private final boolean wide;

        Section(String title, boolean wide) {
            this.title = title;
            this.wide = wide;
        }

        public String title() {
            return title;
        }

        /** A page that fills the content area (no terminals beside it). */
        public boolean wide() {
            return wide;
        }
    }

    /** What the window needs from the vault before it shows; read off the UI thread with {@link #load}. */
    public record Startup(SettingsViewModel.Saved settings, Optional<WindowPreferences.Placement> placement) {

        public Startup(SettingsViewModel.Saved settings) {
            this(settings, Optional.empty());
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(MainWindowViewModel.class);

    private final SessionService sessions;
    private final WindowPreferences windowPreferences;
    private final Optional<WindowPreferences.Placement> savedPlacement;
    /** The window's latest place (UI thread writes, the closing thread reads). */
    private volatile WindowPreferences.Placement placement;
    private volatile WindowPreferences.Placement savedLast;
    private final Executor background;
    private final Executor ui;
    private final TeamFileService teamFiles;
    private final HostListViewModel hosts;
    private final TunnelsViewModel tunnels;
    private final ReadOnlyObjectWrapper<Section> section = new ReadOnlyObjectWrapper<>(Section.HOSTS);
    private final SettingsViewModel settings;
    private final KeysViewModel keys;
    private final IdentitiesViewModel identities;
    private final KnownHostsViewModel knownHosts;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final List<TerminalTabViewModel> terminals = new ArrayList<>();
    private final ObservableSet<UUID> hostsWithTabs = FXCollections.observableSet(new HashSet<>());
    /** The section with terminals beside it that was shown last (Hosts or Tunnels): a tab shortcut comes back to it. */
    private Section lastBesideTerminals = Section.HOSTS;

    public MainWindowViewModel(KeyportContext context, Startup startup, Executor ui) {
        this.sessions = context.sessions();
        this.windowPreferences = context.window();
        this.savedPlacement = startup.placement();
        this.savedLast = startup.placement().orElse(null);
        this.background = context.background();
        this.ui = ui;
        this.teamFiles = context.teamFiles();
        this.tunnels = new TunnelsViewModel(context.tunnelProfiles(), context.tunnels(), context.hosts(), background, ui);
        this.hosts = new HostListViewModel(context.hosts(), background, ui, tunnels.hostsWithTunnelsOn(),
                FXCollections.unmodifiableObservableSet(hostsWithTabs));
        this.settings = new SettingsViewModel(context, startup.settings(), SystemTheme.ofThisComputer(), ui);
        this.keys = new KeysViewModel(context.keys(), context.hosts(), background, ui);
        this.identities = new IdentitiesViewModel(context.identities(), background, ui);
        this.knownHosts = new KnownHostsViewModel(context.knownHosts(), background, ui);
        // a setting that could not be saved is worth a notice wherever the person is
        settings.problemProperty().addListener((obs, old, problem) -> {
            if (!problem.isEmpty()) {
                notice.set(problem);
            }
        });
        // a new host in the editor starts with the host-key policy chosen in Settings
        hosts.defaultHostKeyPolicyProperty().bind(settings.hostKeyPolicyProperty());
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
        return new Startup(saved, context.window().placement());
    }

    /** The Settings page's state; also what new terminal tabs use ({@link SettingsViewModel#terminalOptions()}). */
    public SettingsViewModel settings() {
        return settings;
    }

    /** The Keys page's state. */
    public KeysViewModel keys() {
        return keys;
    }

    /** The Identities page's state. */
    public IdentitiesViewModel identities() {
        return identities;
    }

    /** The Known hosts page's state. */
    public KnownHostsViewModel knownHosts() {
        return knownHosts;
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
        if (!shown.wide()) {
            lastBesideTerminals = shown;
        }
        section.set(shown);
        if (shown == Section.TUNNELS) {
            tunnels.reload();
        }
    }

    /** Whether the window is dark now (the theme mode, and the desktop's preference when following it). */
    public ObservableBooleanValue darkProperty() {
        return settings.darkProperty();
    }

    /** Leaves a wide page for the terminals (the list shown beside them last); does nothing when they show already. */
    public void showTerminals() {
        if (section.get().wide()) {
            show(lastBesideTerminals);
        }
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

    /** Where the window was when Keyport last closed (empty the first time). */
    public Optional<WindowPreferences.Placement> savedPlacement() {
        return savedPlacement;
    }

    /** The window moved, was resized, maximised or restored: saves its place in the background. */
    public void placementChanged(WindowPreferences.Placement now) {
        placement = now;
        try {
            background.execute(this::savePlacementNow);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Keyport is closing: it saves the latest place itself before the vault closes
        }
    }

    /**
     * Saves the window's latest place if it is not saved yet. Blocking (JDBC): call off the UI thread
     * (Keyport calls it once more after the window closed, before the vault closes).
     */
    public synchronized void savePlacementNow() {
        WindowPreferences.Placement now = placement;
        if (now == null || now.equals(savedLast)) {
            return;
        }
        try {
            windowPreferences.setPlacement(now);
            savedLast = now;
        } catch (VaultException | RuntimeException e) {
            LOG.warn("The window's place was not saved: {}", e.getMessage());
        }
    }

    /** Something the person should read (a setting that could not be saved), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set("");
    }

    /**
     * A terminal for {@code host}, not yet connected (its view connects it). Its title is the host's
     * name, numbered when another tab is open on the same host: "web", "web (2)", "web (3)" (the
     * lowest number not in use).
     */
    public TerminalTabViewModel newTerminal(Host host) {
        return newTerminal(host, false);
    }

    private TerminalTabViewModel newTerminal(Host host, boolean unsaved) {
        Set<String> titles = new HashSet<>();
        terminals.forEach(t -> titles.add(t.title()));
        String title = host.name();
        for (int n = 2; titles.contains(title); n++) {
            title = host.name() + " (" + n + ")";
        }
        TerminalTabViewModel terminal = new TerminalTabViewModel(host, title, unsaved, sessions, background, ui);
        terminals.add(terminal);
        hostsWithTabs.add(host.id());
        return terminal;
    }

    /**
     * A terminal for a destination typed in the quick-connect field ({@code [user@]host[:port]}),
     * not saved in the vault; it logs in with the agent's keys, then asks for a password. The tab
     * offers to save it ({@link #saveQuickHost}).
     *
     * @throws IllegalArgumentException with a message for the person, when the text is not a destination
     */
    public TerminalTabViewModel quickConnect(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Type a destination: user@host or user@host:port");
        }
        Destination destination = Destination.parse(text);
        String user = destination.user().orElse(System.getProperty("user.name"));
        int port = destination.port().orElse(22);
        String name = destination.host() + (port == 22 ? "" : ":" + port);
        // the policy chosen in Settings for an unknown server key (kept if the host is saved afterwards)
        HostDetails details = HostDetails.NONE.withHostKeyPolicy(settings.hostKeyPolicyProperty().get());
        return newTerminal(Host.create(name, destination.host(), port, user, new HostAuth.Password()).withDetails(details), true);
    }

    /** Saves the host of a quick-connect tab in the vault (in the background); the tab no longer offers it. */
    public void saveQuickHost(TerminalTabViewModel terminal) {
        if (terminal.unsavedProperty().get()) {
            terminal.dismissSaveOffer();
            hosts.add(terminal.host(), null);
        }
    }

    /** The tab went away: its session closes. */
    public void closed(TerminalTabViewModel terminal) {
        terminal.close();
        terminals.remove(terminal);
        if (terminals.stream().noneMatch(t -> t.host().id().equals(terminal.host().id()))) {
            hostsWithTabs.remove(terminal.host().id());
        }
    }

    /** The ids of the hosts with a terminal tab open on them (the host list marks them). Changes on the UI thread. */
    public ObservableSet<UUID> hostsWithTabs() {
        return FXCollections.unmodifiableObservableSet(hostsWithTabs);
    }

    /**
     * The terminal font size of every tab, open and new. Zoom changes the size chosen in Settings
     * itself (one number, saved in the vault like any setting), so a zoom survives a restart and
     * shows on the Settings page; Ctrl+0 goes back to Keyport's default size.
     */
    public ObservableObjectValue<Integer> fontSizeProperty() {
        return settings.fontSizeProperty();
    }

    public void zoomIn() {
        settings.zoom(1);
    }

    public void zoomOut() {
        settings.zoom(-1);
    }

    /** Back to Keyport's default size ({@value dev.keyport.app.services.TerminalOptions#DEFAULT_FONT_SIZE} points). */
    public void zoomReset() {
        settings.zoomReset();
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
        hostsWithTabs.clear();
    }
}
