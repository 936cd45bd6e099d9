package dev.keyport.app.ui.tunnels;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.VaultWork;
import dev.keyport.app.tunnels.TunnelProfiles;
import dev.keyport.app.tunnels.TunnelService;
import dev.keyport.app.tunnels.TunnelStatus;
import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.SshFailure;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/**
 * The Tunnels view's state: every saved tunnel with its switch, live state and counters; the hosts a
 * running tunnel goes through (the host list marks them); and the last problem. Switching never
 * blocks: the tunnel service works on its own threads and reports back through {@code ui}.
 */
public final class TunnelsViewModel {

    private final TunnelProfiles profiles;
    private final TunnelService tunnels;
    private final HostService hosts;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<TunnelRow> rows = FXCollections.observableArrayList();
    private final ObservableSet<UUID> hostsWithTunnelsOn = FXCollections.observableSet();
    private final Map<UUID, TunnelStatus> statuses = new HashMap<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public TunnelsViewModel(TunnelProfiles profiles, TunnelService tunnels, HostService hosts, Executor background, Executor ui) {
        this.profiles = profiles;
        this.tunnels = tunnels;
        this.hosts = hosts;
        this.background = background;
        this.ui = ui;
        tunnels.addListener(status -> ui.execute(() -> show(status)));
    }

    public ObservableList<TunnelRow> rows() {
        return rows;
    }

    /** Hosts that a switched-on tunnel goes through. */
    public ObservableSet<UUID> hostsWithTunnelsOn() {
        return hostsWithTunnelsOn;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Loads the saved tunnels (and the names of their hosts) in the background. */
    public void reload() {
        run(() -> {
            List<ForwardProfile> loaded = profiles.list();
            Map<UUID, String> names = new HashMap<>();
            for (Host host : hosts.list()) {
                names.put(host.id(), host.name());
            }
            List<TunnelStatus> running = tunnels.running();
            ui.execute(() -> {
                Map<UUID, TunnelRow> existing = new HashMap<>();
                rows.forEach(r -> existing.put(r.profile().id(), r));
                List<TunnelRow> next = loaded.stream().map(p -> {
                    String hostName = names.getOrDefault(p.hostId(), "(host removed)");
                    TunnelRow row = existing.get(p.id());
                    if (row == null) {
                        row = new TunnelRow(p, hostName);
                    } else {
                        row.setProfile(p, hostName);
                    }
                    return row;
                }).toList();
                rows.setAll(next);
                running.forEach(this::show);
                problem.set("");
            });
        });
    }

    private void show(TunnelStatus status) {
        statuses.put(status.id(), status);
        rows.stream().filter(r -> r.profile().id().equals(status.id())).findFirst().ifPresent(r -> r.update(status));
        Set<UUID> on = new HashSet<>();
        statuses.values().stream().filter(TunnelStatus::switchedOn).forEach(s -> on.add(s.profile().hostId()));
        hostsWithTunnelsOn.retainAll(on);
        hostsWithTunnelsOn.addAll(on);
    }

    /** Flips the switch of {@code row}. */
    public void setOn(TunnelRow row, boolean on) {
        if (on == row.onProperty().get()) {
            return;
        }
        if (on) {
            tunnels.switchOn(row.profile());
        } else {
            tunnels.switchOff(row.profile().id());
        }
    }

    /**
     * The person compared both fingerprints of {@code row}'s changed server key (the changed-key dialog)
     * and confirmed: the trusted key is replaced with the one the server offered, and the tunnel is
     * switched on again, in the background. Does nothing unless the tunnel failed on a changed key.
     */
    public void replaceKeyAndSwitchOn(TunnelRow row) {
        HostKeyChange change = row.keyChangeProperty().get();
        if (change == null) {
            return;
        }
        background.execute(() -> {
            try {
                tunnels.replaceHostKeyAndSwitchOn(row.profile(), change);
                ui.execute(() -> problem.set(""));
            } catch (SshFailure e) {
                ui.execute(() -> problem.set(e.getMessage()));
            }
        });
    }

    /** Starts the tunnels marked "start when Keyport opens the vault", in the background. */
    public void autostart() {
        run(() -> tunnels.startAutostart(profiles.list()));
    }

    /** Saves a new or edited tunnel; a running one restarts with its new settings. */
    public void save(ForwardProfile profile) {
        run(() -> {
            profiles.save(profile);
            if (tunnels.status(profile.id()).map(TunnelStatus::switchedOn).orElse(false)) {
                tunnels.switchOn(profile);
            }
            reload();
        });
    }

    /** A copy of {@code row}'s tunnel, named "… copy", switched off. */
    public ForwardProfile duplicateOf(TunnelRow row) {
        ForwardProfile p = row.profile();
        return new ForwardProfile(UUID.randomUUID(), p.name() + " copy", p.hostId(), false, p.forwards());
    }

    public void delete(TunnelRow row) {
        tunnels.switchOff(row.profile().id());
        run(() -> {
            profiles.delete(row.profile().id());
            ui.execute(() -> {
                statuses.remove(row.profile().id());
                rows.remove(row);
            });
        });
    }

    /**
     * Prepares the editor for {@code profile} (null: a new tunnel) with the saved hosts to choose from,
     * read in the background, and hands it to {@code open} on the UI thread.
     */
    public void edit(ForwardProfile profile, java.util.function.Consumer<TunnelEditorViewModel> open) {
        run(() -> {
            List<Host> saved = hosts.list();
            TunnelEditorViewModel editor = profile == null ? new TunnelEditorViewModel(saved) : new TunnelEditorViewModel(profile, saved);
            ui.execute(() -> open.accept(editor));
        });
    }

    private void run(VaultWork work) {
        VaultWork.inBackground(background, ui, work, problem::set);
    }
}
