package dev.keyport.app.ui.tunnels;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import dev.keyport.app.services.DisplayText;
import dev.keyport.app.tunnels.ForwardStatus;
import dev.keyport.app.tunnels.Forwards;
import dev.keyport.app.tunnels.TunnelState;
import dev.keyport.app.tunnels.TunnelStatus;
import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.vault.ForwardProfile;

/** One saved tunnel in the Tunnels view: what it is, whether it is on, and its live state and counters. Changed on the UI thread. */
public final class TunnelRow {

    private ForwardProfile profile;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper hostName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper forwards = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("Off");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper on = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<HostKeyChange> keyChange = new ReadOnlyObjectWrapper<>();

    TunnelRow(ForwardProfile profile, String hostName) {
        setProfile(profile, hostName);
    }

    void setProfile(ForwardProfile profile, String host) {
        this.profile = profile;
        name.set(profile.name());
        hostName.set(host);
        List<ForwardSpec> specs = Forwards.specs(profile);
        forwards.set(specs.stream().map(ForwardSpec::toOpenSsh).collect(Collectors.joining("  ")));
        List<String> open = specs.stream().filter(s -> !s.loopbackOnly()).map(ForwardSpec::toOpenSsh).toList();
        warning.set(open.isEmpty() ? "" : "Listens beyond this machine: " + String.join(", ", open));
    }

    public ForwardProfile profile() {
        return profile;
    }

    void update(TunnelStatus status) {
        on.set(status.switchedOn());
        keyChange.set(status.state() instanceof TunnelState.Failed f ? f.keyChange().orElse(null) : null);
        failing.set(status.state() instanceof TunnelState.Failed || status.forwards().stream().anyMatch(f -> !f.problem().isEmpty()));
        StringBuilder text = new StringBuilder(DisplayText.line(capitalized(TunnelState.describe(status.state())))); // reasons quote the server
        for (ForwardStatus f : status.forwards()) {
            if (!f.problem().isEmpty() && !(status.state() instanceof TunnelState.Failed)) {
                text.append("\n").append(f.spec().toOpenSsh()).append(": ").append(DisplayText.line(f.problem()));
            }
        }
        state.set(text.toString());
        counters.set(status.state() instanceof TunnelState.On ? counters(status.forwards()) : "");
    }

    static String counters(List<ForwardStatus> forwards) {
        long open = 0;
        long total = 0;
        long failed = 0;
        long out = 0;
        long in = 0;
        for (ForwardStatus f : forwards) {
            open += f.stats().openConnections();
            total += f.stats().totalConnections();
            failed += f.stats().failedConnections();
            out += f.stats().bytesOut();
            in += f.stats().bytesIn();
        }
        return open + " open · " + total + " total" + (failed > 0 ? " · " + failed + " failed" : "") + " · ↑ " + bytes(out) + " ↓ " + bytes(in);
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        if (n < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", n / (1024.0 * 1024 * 1024));
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostNameProperty() {
        return hostName.getReadOnlyProperty();
    }

    /** The forwards as OpenSSH writes them. */
    public ReadOnlyStringProperty forwardsProperty() {
        return forwards.getReadOnlyProperty();
    }

    /** "Off", "On", "Reconnecting (attempt 2, next try in 4 s): …", "Failed: …", plus a line per forward that failed. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "2 open · 15 total · ↑ 1.2 MB ↓ 3.4 MB" while on, else "". */
    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    /** Why binding beyond loopback deserves a second look, or "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** Switched on (starting, on or reconnecting). */
    public ReadOnlyBooleanProperty onProperty() {
        return on.getReadOnlyProperty();
    }

    /** When the tunnel failed because the server's key changed: both keys, for the confirmed replace; else null. */
    public ReadOnlyObjectProperty<HostKeyChange> keyChangeProperty() {
        return keyChange.getReadOnlyProperty();
    }

    /** Something is wrong: failed, or a forward did not start. */
    public ReadOnlyBooleanProperty failingProperty() {
        return failing.getReadOnlyProperty();
    }
}
