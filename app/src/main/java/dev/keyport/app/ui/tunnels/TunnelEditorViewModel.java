package dev.keyport.app.ui.tunnels;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.keyport.app.tunnels.Forwards;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/**
 * The tunnel editor's form: a name, the host to go through, the forwards one per line as OpenSSH
 * writes them ("L 5432:db.internal:5432", "R 8080:localhost:3000", "D 1080"), and autostart; what is
 * wrong with it, a warning for ports that listen beyond this machine, and the profile it makes.
 */
public final class TunnelEditorViewModel {

    private final UUID id;
    private final List<Host> hosts;
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Host> host = new SimpleObjectProperty<>();
    private final StringProperty forwards = new SimpleStringProperty("");
    private final BooleanProperty autostart = new SimpleBooleanProperty(false);
    private final StringBinding problem;
    private final StringBinding warning;

    /** A new tunnel. */
    public TunnelEditorViewModel(List<Host> hosts) {
        this(UUID.randomUUID(), hosts);
    }

    /** Editing {@code profile} (or a copy of it: give the copy). */
    public TunnelEditorViewModel(ForwardProfile profile, List<Host> hosts) {
        this(profile.id(), hosts);
        name.set(profile.name());
        host.set(hosts.stream().filter(h -> h.id().equals(profile.hostId())).findFirst().orElse(null));
        forwards.set(Forwards.toLines(Forwards.specs(profile)));
        autostart.set(profile.autostart());
    }

    private TunnelEditorViewModel(UUID id, List<Host> hosts) {
        this.id = id;
        this.hosts = List.copyOf(hosts);
        this.problem = Bindings.createStringBinding(this::validate, name, host, forwards);
        this.warning = Bindings.createStringBinding(this::openBinds, forwards);
    }

    public List<Host> hosts() {
        return hosts;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Host> hostProperty() {
        return host;
    }

    /** One forward per line. */
    public StringProperty forwardsProperty() {
        return forwards;
    }

    public BooleanProperty autostartProperty() {
        return autostart;
    }

    /** What is wrong with the form, or "" when it can be saved. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** Forwards that listen beyond this machine (allowed, but worth a second look), or "". */
    public StringBinding warningProperty() {
        return warning;
    }

    private String validate() {
        if (name.get() == null || name.get().isBlank()) {
            return "Give the tunnel a name.";
        }
        if (name.get().chars().anyMatch(Character::isISOControl)) {
            return "The name cannot contain control characters.";
        }
        if (host.get() == null) {
            return hosts.isEmpty() ? "Add a host first: a tunnel connects through a saved host." : "Choose the host to connect through.";
        }
        try {
            List<ForwardSpec> specs = Forwards.parseLines(forwards.get() == null ? "" : forwards.get());
            if (specs.isEmpty()) {
                return "Add at least one forward, e.g. L 5432:db.internal:5432";
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "";
    }

    private String openBinds() {
        try {
            List<String> open = Forwards.parseLines(forwards.get() == null ? "" : forwards.get()).stream()
                    .filter(s -> !s.loopbackOnly()).map(ForwardSpec::toOpenSsh).toList();
            return open.isEmpty() ? "" : "Listens beyond this machine (anyone who can reach it can use the tunnel): " + String.join(", ", open);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The tunnel the form describes, when it is valid. */
    public Optional<ForwardProfile> result() {
        if (!problem.get().isEmpty()) {
            return Optional.empty();
        }
        List<ForwardProfile.Forward> parsed = Forwards.parseLines(forwards.get()).stream().map(Forwards::fromSpec).toList();
        return Optional.of(new ForwardProfile(id, name.get().strip(), host.get().id(), autostart.get(), parsed));
    }
}
