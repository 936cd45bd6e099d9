package dev.keyport.app.ui.tunnels;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.testing.EchoServer;
import dev.keyport.app.testing.OpenSshApp;
import dev.keyport.app.testing.PlainUiThread;
import dev.keyport.app.tunnels.Forwards;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.ForwardProfile;

/** The Tunnels view's state without a window, on a real OpenSSH sshd; the "UI thread" is a single plain thread. */
class TunnelsViewModelTest {

    @TempDir
    Path dir;
    private OpenSshApp app;
    private EchoServer echo;
    private final PlainUiThread ui = new PlainUiThread();
    private TunnelsViewModel model;

    @BeforeEach
    void start() throws Exception {
        app = OpenSshApp.start(dir, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
        echo = new EchoServer();
        model = new TunnelsViewModel(app.context.tunnelProfiles(), app.context.tunnels(), app.context.hosts(), app.context.background(), ui);
    }

    @AfterEach
    void stop() throws Exception {
        ui.close();
        echo.close();
        app.close();
    }

    @Test
    void switchingATunnelOnShowsItsStateCountersAndItsHostAndOffClearsThem() throws Exception {
        int port = EchoServer.freePort();
        ForwardProfile profile = new ForwardProfile(UUID.randomUUID(), "echo", app.host.id(), false,
                Forwards.parseLines("L " + port + ":127.0.0.1:" + echo.port()).stream().map(Forwards::fromSpec).toList());
        app.context.tunnelProfiles().save(profile);
        model.reload();
        await("the saved tunnel", Duration.ofSeconds(10), () -> model.rows().size() == 1, () -> model.rows().toString());
        TunnelRow row = model.rows().get(0);
        assertThat(row.nameProperty().get()).isEqualTo("echo");
        assertThat(row.hostNameProperty().get()).isEqualTo("OpenSSH box");
        assertThat(row.forwardsProperty().get()).isEqualTo("-L 127.0.0.1:" + port + ":127.0.0.1:" + echo.port());
        assertThat(row.stateProperty().get()).isEqualTo("Off");

        ui.run(() -> model.setOn(row, true));
        await("on", Duration.ofSeconds(20), () -> row.stateProperty().get().equals("On"), () -> row.stateProperty().get());
        assertThat(row.onProperty().get()).isTrue();
        assertThat(model.hostsWithTunnelsOn()).containsExactly(app.host.id());

        assertThat(EchoServer.roundTrip(port, "0123456789")).isEqualTo("0123456789");
        await("the counters", Duration.ofSeconds(5), () -> row.countersProperty().get().startsWith("0 open · 1 total · ↑ 10 B ↓ 10 B"),
                () -> row.countersProperty().get());

        ui.run(() -> model.setOn(row, false));
        await("off", Duration.ofSeconds(10), () -> row.stateProperty().get().equals("Off"), () -> row.stateProperty().get());
        assertThat(row.countersProperty().get()).isEmpty();
        await("no host marked", Duration.ofSeconds(5), () -> model.hostsWithTunnelsOn().isEmpty(), () -> model.hostsWithTunnelsOn().toString());
    }

    @Test
    void savingDuplicatingAndDeletingKeepTheListAndTheVaultInStep() throws Exception {
        ForwardProfile profile = new ForwardProfile(UUID.randomUUID(), "db", app.host.id(), true,
                Forwards.parseLines("L 15432:db.internal:5432").stream().map(Forwards::fromSpec).toList());
        model.save(profile);
        await("the saved tunnel", Duration.ofSeconds(10), () -> model.rows().size() == 1, () -> model.rows().toString());
        ForwardProfile copy = model.duplicateOf(model.rows().get(0));
        assertThat(copy.name()).isEqualTo("db copy");
        assertThat(copy.autostart()).isFalse();
        assertThat(copy.id()).isNotEqualTo(profile.id());
        model.save(copy);
        await("two tunnels", Duration.ofSeconds(10), () -> model.rows().size() == 2, () -> model.rows().toString());

        TunnelRow first = model.rows().stream().filter(r -> r.profile().id().equals(profile.id())).findFirst().orElseThrow();
        ui.run(() -> model.delete(first));
        await("one tunnel", Duration.ofSeconds(10), () -> model.rows().size() == 1, () -> model.rows().toString());
        assertThat(app.context.tunnelProfiles().list()).extracting(ForwardProfile::name).containsExactly("db copy");
    }

    @Test
    void theEditorComesWithTheSavedHostsToChooseFrom() throws Exception {
        TunnelEditorViewModel[] editor = new TunnelEditorViewModel[1];
        model.edit(null, e -> editor[0] = e);
        await("the editor", Duration.ofSeconds(10), () -> editor[0] != null, () -> "none");
        assertThat(editor[0].hosts()).extracting(h -> h.name()).isEqualTo(List.of("OpenSSH box"));
    }
}
