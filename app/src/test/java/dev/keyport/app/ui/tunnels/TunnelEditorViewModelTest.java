package dev.keyport.app.ui.tunnels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/** The tunnel editor's form without a window. */
class TunnelEditorViewModelTest {

    private final Host bastion = Host.create("bastion", "bastion.example", 22, "ops", new HostAuth.Password());
    private final Host web = Host.create("web", "web.example", 22, "ops", new HostAuth.Password());

    @Test
    void eachMissingOrWrongPartSaysWhatToDo() {
        TunnelEditorViewModel model = new TunnelEditorViewModel(List.of(bastion, web));
        assertThat(model.problemProperty().get()).isEqualTo("Give the tunnel a name.");
        model.nameProperty().set("prod-db");
        assertThat(model.problemProperty().get()).isEqualTo("Choose the host to connect through.");
        model.hostProperty().set(bastion);
        assertThat(model.problemProperty().get()).isEqualTo("Add at least one forward, e.g. L 5432:db.internal:5432");
        model.forwardsProperty().set("L 5432:db.internal:5432\nL 70000:db:1");
        assertThat(model.problemProperty().get()).startsWith("Line 2: ");
        model.forwardsProperty().set("L 5432:db.internal:5432\nD 1080");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.warningProperty().get()).isEmpty();

        ForwardProfile profile = model.result().orElseThrow();
        assertThat(profile.name()).isEqualTo("prod-db");
        assertThat(profile.hostId()).isEqualTo(bastion.id());
        assertThat(profile.forwards()).hasSize(2);
        assertThat(profile.autostart()).isFalse();
    }

    @Test
    void withoutAnySavedHostItSaysToAddOneFirst() {
        TunnelEditorViewModel model = new TunnelEditorViewModel(List.of());
        model.nameProperty().set("x");
        assertThat(model.problemProperty().get()).isEqualTo("Add a host first: a tunnel connects through a saved host.");
    }

    @Test
    void bindingBeyondLoopbackIsAllowedButWarned() {
        TunnelEditorViewModel model = new TunnelEditorViewModel(List.of(bastion));
        model.nameProperty().set("shared");
        model.hostProperty().set(bastion);
        model.forwardsProperty().set("L 0.0.0.0:8080:intranet:80");
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.warningProperty().get()).startsWith("Listens beyond this machine").contains("0.0.0.0:8080");
    }

    @Test
    void editingKeepsTheIdAndShowsTheSavedForwards() {
        TunnelEditorViewModel first = new TunnelEditorViewModel(List.of(bastion, web));
        first.nameProperty().set("prod-db");
        first.hostProperty().set(web);
        first.forwardsProperty().set("L 5432:db.internal:5432");
        first.autostartProperty().set(true);
        ForwardProfile saved = first.result().orElseThrow();

        TunnelEditorViewModel edit = new TunnelEditorViewModel(saved, List.of(bastion, web));
        assertThat(edit.hostProperty().get()).isEqualTo(web);
        assertThat(edit.autostartProperty().get()).isTrue();
        edit.nameProperty().set("prod-db (new)");
        ForwardProfile changed = edit.result().orElseThrow();
        assertThat(changed.id()).isEqualTo(saved.id());
        assertThat(changed.forwards()).isEqualTo(saved.forwards());
    }
}
