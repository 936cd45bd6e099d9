package dev.keyport.app.ui.terminal;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.testing.LocalServerApp;
import dev.keyport.app.testing.PlainUiThread;
import dev.keyport.app.ui.terminal.TerminalTabViewModel.Phase;
import dev.keyport.app.ui.terminal.TerminalTabViewModel.Size;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.terminal.testing.ShellOutput;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;

/** A terminal tab's states, without a window: the "UI thread" is a plain single thread here. */
class TerminalTabViewModelTest {

    @TempDir
    Path dir;
    private LocalServerApp app;
    private final PlainUiThread ui = new PlainUiThread();
    private final List<String> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        app = LocalServerApp.start(dir, new ScriptedPrompter(HostKeyAnswer.CANCEL, LocalServerApp.PASSWORD));
    }

    @AfterEach
    void stop() throws Exception {
        ui.close();
        app.close();
    }

    private TerminalTabViewModel tabFor(Host host) throws Exception {
        TerminalTabViewModel model = new TerminalTabViewModel(host, app.context.sessions(), app.context.background(), ui);
        ui.run(() -> {
            model.statusProperty().addListener((obs, old, text) -> statuses.add(text));
            model.connect(() -> new Size(100, 30));
        });
        return model;
    }

    private static void awaitPhase(TerminalTabViewModel model, Phase phase) {
        await("phase " + phase, Duration.ofSeconds(20), () -> model.phaseProperty().get() == phase,
                () -> model.phaseProperty().get() + " " + model.statusProperty().get() + " " + model.problemProperty().get());
    }

    @Test
    void connectingShowsEachStepThenOpensAShellOfTheViewsSize() throws Exception {
        TerminalTabViewModel model = tabFor(app.passwordHost);
        awaitPhase(model, Phase.OPEN);

        assertThat(statuses).contains("Logging in as tester…", "Opening a shell…");
        assertThat(statuses).anySatisfy(s -> assertThat(s).startsWith("Waiting for your answer: Password for"));
        ShellChannel shell = model.shellProperty().get();
        assertThat(shell.columns()).isEqualTo(100);
        assertThat(shell.rows()).isEqualTo(30);
        ShellOutput output = new ShellOutput(shell.output());
        shell.input().write("echo keyport-$((6*7))\r".getBytes(StandardCharsets.UTF_8));
        shell.input().flush();
        assertThat(output.await("keyport-42", Duration.ofSeconds(20))).contains("keyport-42");
    }

    @Test
    void aShellThatExitsSaysSoWithItsStatusAndLetsGoOfTheConnection() throws Exception {
        TerminalTabViewModel model = tabFor(app.keyHost);
        awaitPhase(model, Phase.OPEN);
        ShellChannel shell = model.shellProperty().get();
        shell.input().write("exit 0\r".getBytes(StandardCharsets.UTF_8));
        shell.input().flush();

        awaitPhase(model, Phase.ENDED);
        assertThat(model.endedProperty().get()).isEqualTo("The shell on Local server exited (status 0).");
        await("the connection to close", Duration.ofSeconds(10), () -> app.server.openSessions() == 0,
                () -> app.server.openSessions() + " open");
        Thread.sleep(300); // the local close of the connection must not be reported as news
        assertThat(model.endedProperty().get()).isEqualTo("The shell on Local server exited (status 0).");
    }

    @Test
    void aServerThatGoesAwaySaysDisconnectedWithTheReason() throws Exception {
        TerminalTabViewModel model = tabFor(app.keyHost);
        awaitPhase(model, Phase.OPEN);
        app.server.close();

        awaitPhase(model, Phase.ENDED);
        await("the reason", Duration.ofSeconds(10), () -> model.endedProperty().get().startsWith("Disconnected from Local server. "),
                () -> model.endedProperty().get());
    }

    @Test
    void aRefusedConnectionFailsWithTheReasonAndRetryConnectsAgain() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TerminalTabViewModel model = tabFor(Host.create("Nowhere", "127.0.0.1", closedPort, "tester", new HostAuth.Password()));
        awaitPhase(model, Phase.FAILED);
        assertThat(model.problemTitleProperty().get()).isEqualTo("Could not connect to Nowhere");
        assertThat(model.problemProperty().get()).isEqualTo("Connection refused: 127.0.0.1:" + closedPort
                + ". Is an SSH server running there, and is the port right?");

        // Retry goes through Connecting with the problem cleared, then fails again (a refused port can
        // answer before this thread looks, so the steps are recorded as they happen on the UI thread)
        List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
        ui.run(() -> {
            model.phaseProperty().addListener((obs, old, phase) -> steps.add(phase + (model.problemProperty().get().isEmpty() ? "" : " with a problem")));
            model.connect(() -> null);
        });
        awaitPhase(model, Phase.FAILED);
        assertThat(steps).startsWith(Phase.CONNECTING.toString()).contains(Phase.FAILED + " with a problem");
        await("the reason again", Duration.ofSeconds(10), () -> model.problemProperty().get().startsWith("Connection refused: 127.0.0.1:" + closedPort),
                () -> model.problemProperty().get());
    }

    @Test
    void closingTheTabWhileConnectingOrConnectedLeavesNoConnection() throws Exception {
        TerminalTabViewModel connecting = tabFor(app.keyHost);
        ui.run(connecting::close);
        TerminalTabViewModel open = tabFor(app.keyHost);
        awaitPhase(open, Phase.OPEN);
        ui.run(open::close);

        await("every connection to close", Duration.ofSeconds(10), () -> app.server.openSessions() == 0
                && app.context.sessions().liveHosts().isEmpty(), () -> app.server.openSessions() + " open");
        assertThat(connecting.phaseProperty().get()).isEqualTo(Phase.CONNECTING);
    }

    @Test
    void aLegacyHostCarriesItsWarning() {
        Host legacy = Host.create("Old box", "127.0.0.1", 22, "tester", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withLegacyAlgorithms(true));
        TerminalTabViewModel model = new TerminalTabViewModel(legacy, app.context.sessions(), app.context.background(), ui);
        assertThat(model.legacyWarning()).startsWith("Legacy algorithms are on for Old box (SHA-1 signatures, CBC ciphers).");
        assertThat(new TerminalTabViewModel(app.keyHost, app.context.sessions(), app.context.background(), ui).legacyWarning()).isEmpty();
    }
}
