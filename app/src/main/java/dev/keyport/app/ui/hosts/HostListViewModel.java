package dev.keyport.app.ui.hosts;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.VaultWork;
import dev.keyport.vault.Host;

/**
 * The host list's state: all hosts, the search text, the filtered hosts, and the last problem.
 * Vault work runs on {@code background}; results arrive on the UI thread through {@code ui}.
 */
public final class HostListViewModel {

    private final HostService hostService;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Host> hosts = FXCollections.observableArrayList();
    private final FilteredList<Host> visible = new FilteredList<>(hosts, h -> true);
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableSet<UUID> tunnelsOn;
    private final javafx.beans.binding.StringBinding placeholder;

    public HostListViewModel(HostService hostService, Executor background, Executor ui) {
        this(hostService, background, ui, FXCollections.observableSet());
    }

    /** @param tunnelsOn ids of hosts that a switched-on tunnel goes through (kept up to date by the tunnels) */
    public HostListViewModel(HostService hostService, Executor background, Executor ui, ObservableSet<UUID> tunnelsOn) {
        this.tunnelsOn = tunnelsOn;
        this.hostService = hostService;
        this.background = background;
        this.ui = ui;
        query.addListener((obs, old, text) -> visible.setPredicate(h -> matches(h, text)));
        placeholder = javafx.beans.binding.Bindings.createStringBinding(() -> hosts.isEmpty()
                ? "No hosts yet.\nAdd one with New host (Ctrl+Shift+N)."
                : "No host matches \u201c" + query.get().strip() + "\u201d.\nClear the search to see all " + hosts.size()
                        + (hosts.size() == 1 ? " host." : " hosts."), hosts, query);
    }

    /** Whether a host matches the search text: every word must appear in name, address or user. */
    static boolean matches(Host host, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String haystack = (host.name() + " " + host.username() + "@" + host.address() + ":" + host.port()).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public ObservableList<Host> visibleHosts() {
        return visible;
    }

    /** Hosts that a switched-on tunnel goes through: the list marks them. */
    public ObservableSet<UUID> tunnelsOn() {
        return tunnelsOn;
    }

    /** What the empty list says: how to add a first host, or that the search matches none of the saved ones. */
    public javafx.beans.binding.StringBinding placeholderProperty() {
        return placeholder;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Loads the hosts from the vault in the background. */
    public void reload() {
        run(() -> show(hostService.list()));
    }

    /** Saves a new host and, if given, its password (encrypted in the vault); the password array is wiped. */
    public void add(Host host, char[] password) {
        run(() -> {
            hostService.save(host, password);
            show(hostService.list());
        });
    }

    public void delete(Host host) {
        run(() -> {
            hostService.delete(host);
            ui.execute(() -> hosts.remove(host));
        });
    }

    private void show(List<Host> loaded) {
        ui.execute(() -> {
            hosts.setAll(loaded);
            problem.set("");
        });
    }

    private void run(VaultWork work) {
        VaultWork.inBackground(background, ui, work, problem::set);
    }
}
