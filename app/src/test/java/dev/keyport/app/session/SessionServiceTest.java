package dev.keyport.app.session;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.ShellChannel;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.terminal.testing.ShellOutput;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/** The application's connections: handles, sharing, events, and closing without losing a shell's neighbours. */
class SessionServiceTest {

    @TempDir
    Path dir;
    private LocalServerApp app;
    private SessionService sessions;
    private final ScriptedPrompter prompter = new ScriptedPrompter(HostKeyAnswer.CANCEL, LocalServerApp.PASSWORD);

    @BeforeEach
    void start() throws Exception {
        app = LocalServerApp.start(dir, prompter);
        sessions = app.context.sessions();
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    private static void awaitConnected(Session session) {
        await("the session to connect", Duration.ofSeconds(20), session::isConnected, () -> "not connected");
    }

    @Test
    void eventsTellTheStepsOfALoginThatAsksForAPassword() {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        Session session = sessions.open(app.passwordHost, Sharing.OWN, events::add);
        await("Connected", Duration.ofSeconds(20), () -> events.contains(new SessionEvent.Connected()), events::toString);

        assertThat(events.get(0)).isInstanceOf(SessionEvent.Connecting.class);
        assertThat(events).contains(new SessionEvent.Authenticating(LocalServerApp.USER));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(SessionEvent.Prompting.class));
        assertThat(prompter.secretQuestions).singleElement().asString().contains("tester@127.0.0.1");
        assertThat(events.get(events.size() - 1)).isEqualTo(new SessionEvent.Connected());
        session.close();
    }

    @Test
    void aRefusedConnectionEndsWithFailedAndAReadableMessage() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Host nowhere = Host.create("Nowhere", "127.0.0.1", closedPort, "tester", new HostAuth.Password());
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        sessions.open(nowhere, Sharing.OWN, events::add);
        await("Failed", Duration.ofSeconds(20), () -> events.stream().anyMatch(SessionEvent.Failed.class::isInstance), events::toString);

        SessionEvent.Failed failed = (SessionEvent.Failed) events.get(events.size() - 1);
        assertThat(failed.kind()).isEqualTo(SshFailure.Kind.REFUSED);
        assertThat(failed.message()).isEqualTo("Connection refused: 127.0.0.1:" + closedPort
                + ". Is an SSH server running there, and is the port right?");
        assertThat(sessions.liveHosts()).isEmpty();
    }

    @Test
    void sharedHandlesUseOneConnectionAndOwnHandlesTheirOwn() {
        Session first = sessions.open(app.keyHost, Sharing.SHARED, SessionListener.NONE);
        awaitConnected(first);
        Session second = sessions.open(app.keyHost, Sharing.SHARED, SessionListener.NONE);
        awaitConnected(second);
        assertThat(app.server.openSessions()).isEqualTo(1);
        assertThat(second.connection()).isEqualTo(first.connection());

        Session own = sessions.open(app.keyHost, Sharing.OWN, SessionListener.NONE);
        awaitConnected(own);
        assertThat(app.server.openSessions()).isEqualTo(2);

        first.close();
        assertThat(second.isConnected()).as("the other holder keeps the shared connection").isTrue();
        second.close();
        own.close();
        await("every connection to close", Duration.ofSeconds(10), () -> app.server.openSessions() == 0,
                () -> app.server.openSessions() + " open");
    }

    @Test
    void aShellThatExitsLeavesItsConnectionToTheOtherShell() throws Exception {
        Session session = sessions.connect(app.keyHost);
        ShellChannel leaving = session.openShell(80, 24);
        ShellChannel staying = session.openShell(80, 24);

        leaving.input().write("exit 3\r".getBytes(StandardCharsets.UTF_8));
        leaving.input().flush();
        await("the first shell to end", Duration.ofSeconds(20), () -> !leaving.isOpen(), () -> "still open");
        assertThat(leaving.exitStatus()).contains(3);

        assertThat(session.isConnected()).isTrue();
        ShellOutput output = new ShellOutput(staying.output());
        staying.input().write("echo still-$((40+2))\r".getBytes(StandardCharsets.UTF_8));
        staying.input().flush();
        assertThat(output.await("still-42", Duration.ofSeconds(20))).contains("still-42");

        session.close();
        await("the connection to close with its last handle", Duration.ofSeconds(10), () -> app.server.openSessions() == 0,
                () -> app.server.openSessions() + " open");
        assertThat(staying.isOpen()).isFalse();
    }

    @Test
    void closingTheServiceClosesEveryConnectionAndRefusesNewOnes() throws Exception {
        for (int i = 0; i < 3; i++) {
            sessions.connect(app.keyHost);
        }
        assertThat(app.server.openSessions()).isEqualTo(3);

        assertThat(sessions.close(Duration.ofSeconds(5))).as("closed within the bound").isTrue();

        await("the server to see every connection go", Duration.ofSeconds(10), () -> app.server.openSessions() == 0,
                () -> app.server.openSessions() + " open");
        assertThatThrownBy(() -> sessions.connect(app.keyHost)).isInstanceOf(SshFailure.class).hasMessage("Keyport is closing.");
    }
}
