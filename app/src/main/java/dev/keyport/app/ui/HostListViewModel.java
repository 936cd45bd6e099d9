package dev.keyport.app.ui;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostRepository;
import dev.keyport.vault.VaultException;

/** The host list's state: all hosts, the search text, the filtered hosts, and the last problem. */
public final class HostListViewModel {

    private final HostRepository repository;
    private final Executor background;
    private final ObservableList<Host> hosts = FXCollections.observableArrayList();
    private final FilteredList<Host> visible = new FilteredList<>(hosts, h -> true);
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public HostListViewModel(HostRepository repository, Executor background) {
        this.repository = repository;
        this.background = background;
        query.addListener((obs, old, text) -> visible.setPredicate(h -> matches(h, text)));
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

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Loads the hosts from the vault in the background. */
    public void reload() {
        run(repo -> {
            List<Host> loaded = repo.list();
            Platform.runLater(() -> {
                hosts.setAll(loaded);
                problem.set("");
            });
        });
    }

    public void add(Host host) {
        add(host, null);
    }

    /** Saves a new host and, if given, its password (encrypted in the vault); the password array is wiped. */
    public void add(Host host, char[] password) {
        run(repo -> {
            try {
                repo.save(host);
                if (password != null) {
                    repo.savePassword(host.id(), password);
                }
            } finally {
                if (password != null) {
                    java.util.Arrays.fill(password, '\0');
                }
            }
            List<Host> loaded = repo.list();
            Platform.runLater(() -> hosts.setAll(loaded));
        });
    }

    public void delete(Host host) {
        run(repo -> {
            repo.delete(host.id());
            Platform.runLater(() -> hosts.remove(host));
        });
    }

    private interface VaultWork {
        void run(HostRepository repository) throws VaultException;
    }

    private void run(VaultWork work) {
        Consumer<String> report = message -> Platform.runLater(() -> problem.set(message));
        background.execute(() -> {
            try {
                work.run(repository);
            } catch (VaultException e) {
                report.accept(e.getMessage());
            }
        });
    }
}
