package dev.keyport.app.ui.knownhosts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import dev.keyport.app.services.DisplayText;
import dev.keyport.app.services.KnownHostsService;
import dev.keyport.app.services.KnownHostsService.Entry;
import dev.keyport.app.services.KnownHostsService.Source;

/**
 * The Known hosts screen's state: every trusted server key (the vault's, and the person's known_hosts
 * read only), a search over host, port, type, fingerprint and source (a hashed known_hosts name is found
 * by typing its host, as {@code ssh-keygen -F} does), and removing a vault key. Loading and removing run
 * on {@code background}; properties change on {@code ui} only.
 */
public final class KnownHostsViewModel {

    private static final Pattern HOST_PORT = Pattern.compile("\\[?([^\\]\\s]+?)\\]?(?::(\\d{1,5}))?");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final KnownHostsService service;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Entry> all = FXCollections.observableArrayList();
    private final FilteredList<Entry> shown = new FilteredList<>(all, e -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper("Loading…");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ZoneId zone;

    public KnownHostsViewModel(KnownHostsService service, Executor background, Executor ui) {
        this(service, background, ui, ZoneId.systemDefault());
    }

    KnownHostsViewModel(KnownHostsService service, Executor background, Executor ui, ZoneId zone) {
        this.service = service;
        this.background = background;
        this.ui = ui;
        this.zone = zone;
        search.addListener((obs, old, text) -> applySearch());
    }

    /** The keys the search lets through, vault first. */
    public ObservableList<Entry> entries() {
        return shown;
    }

    /** What the person typed in the search box. */
    public StringProperty searchProperty() {
        return search;
    }

    /** "5 trusted keys: 2 in the Keyport vault, 3 in /root/.ssh/known_hosts (read only)". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The last thing that went wrong (reading, removing), with what to do; empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the empty table says: loading, no keys at all, or nothing matches the search. */
    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Reads the keys again (in the background). */
    public void reload() {
        loading.set(true);
        background.execute(() -> {
            try {
                KnownHostsService.Listing listing = service.list();
                ui.execute(() -> {
                    all.setAll(listing.entries());
                    problem.set(listing.problem());
                    loading.set(false);
                    updateTexts();
                });
            } catch (Exception e) {
                ui.execute(() -> {
                    problem.set("Could not read the trusted keys: " + e.getMessage());
                    loading.set(false);
                    updateTexts();
                });
            }
        });
    }

    /** The question to ask before removing {@code entry}; empty when it cannot be removed here. */
    public String removeQuestion(Entry entry) {
        if (!entry.removable()) {
            return "";
        }
        return "Remove the trusted " + entry.keyType() + " key of " + hostText(entry) + (entry.port().isPresent() ? ":" + entry.port().getAsInt() : "")
                + "?\n" + entry.fingerprint() + "\nThe next connection there will show the server's key and ask again.";
    }

    /** Why {@code entry} cannot be removed here (a known_hosts line), or empty. */
    public String whyNotRemovable(Entry entry) {
        return entry.removable() ? "" : "Keyport only reads " + service.knownHostsFile() + "; remove this key there with ssh-keygen -R.";
    }

    /** Removes a vault key after the person confirmed (the view asks); then reloads. */
    public void remove(Entry entry) {
        if (!entry.removable()) {
            problem.set(whyNotRemovable(entry));
            return;
        }
        background.execute(() -> {
            try {
                service.remove(entry);
                ui.execute(() -> {
                    problem.set("");
                    reload();
                });
            } catch (Exception e) {
                ui.execute(() -> problem.set("Could not remove the key: " + e.getMessage()));
            }
        });
    }

    /** The host column: the name or address, or "hashed name" for a hashed known_hosts entry (it cannot be reversed). */
    public static String hostText(Entry entry) {
        return entry.hashed() ? "(hashed name)" : DisplayText.line(entry.host()); // as known_hosts has it
    }

    public static String portText(Entry entry) {
        return entry.port().isPresent() ? String.valueOf(entry.port().getAsInt()) : "";
    }

    /** The type column, with the known_hosts marker when there is one ("ssh-ed25519 @revoked"). */
    public static String typeText(Entry entry) {
        return entry.marker().isEmpty() ? entry.keyType() : entry.keyType() + " @" + entry.marker();
    }

    /** "Keyport vault", or "known_hosts line 3" (the whole path is in {@link Entry#where()}). */
    public String sourceText(Entry entry) {
        if (entry.source() == Source.VAULT) {
            return "Keyport vault";
        }
        java.nio.file.Path file = service.knownHostsFile();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return entry.where().replace(file.toString(), name);
    }

    public String addedText(Entry entry) {
        return entry.addedAt().map(t -> DATE.format(t.atZone(zone))).orElse("");
    }

    private void applySearch() {
        String query = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            shown.setPredicate(e -> true);
        } else {
            Matcher m = HOST_PORT.matcher(query);
            String asHost = m.matches() ? m.group(1) : null;
            int asPort = m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 22;
            shown.setPredicate(e -> text(e).contains(query)
                    || (e.hashed() && asHost != null && asPort <= 65535 && e.names(asHost, asPort)));
        }
        updateTexts();
    }

    private String text(Entry e) {
        return String.join(" ", e.host(), portText(e), typeText(e), e.fingerprint(), sourceText(e), e.where(),
                e.port().isPresent() ? e.host() + ":" + e.port().getAsInt() : "").toLowerCase(Locale.ROOT);
    }

    private void updateTexts() {
        long inVault = all.stream().filter(e -> e.source() == Source.VAULT).count();
        long inFile = all.size() - inVault;
        summary.set(all.size() + (all.size() == 1 ? " trusted key: " : " trusted keys: ") + inVault + " in the Keyport vault, " + inFile
                + " in " + service.knownHostsFile() + " (read only)");
        if (loading.get()) {
            placeholder.set("Loading…");
        } else if (all.isEmpty()) {
            placeholder.set("No trusted keys yet. Keyport saves a server's key when you trust it on the first connection.");
        } else {
            placeholder.set("No trusted key matches \"" + search.get().strip() + "\".");
        }
    }

    /** For tests: the entries whatever the search. */
    List<Entry> allEntries() {
        return List.copyOf(all);
    }
}
