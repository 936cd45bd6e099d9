package dev.keyport.app.ui.teamfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.controls.ToggleSwitch;

import dev.keyport.app.testing.EchoServer;
import dev.keyport.app.testing.OpenSshApp;
import dev.keyport.app.tunnels.Forwards;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.unlock.UnlockDialog;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * The day-one story: a colleague exports the team's setup; a newcomer with no vault imports it from
 * the first screen, double-clicks a server on a real sshd without being asked to trust its key, and
 * switches on the team's tunnel.
 */
@ExtendWith(ApplicationExtension.class)
class DayOneTest {

    @TempDir
    Path dir;
    private OpenSshApp team;
    private EchoServer echo;
    private KeyportHarness app;
    private Stage stage;
    private int tunnelPort;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (echo != null) {
            echo.close();
        }
        if (team != null) {
            team.sshd.close();
        }
    }

    /** The colleague: a host on a real sshd with its key pinned and a tunnel through it, exported without secrets. */
    private Path teamFile() throws Exception {
        team = OpenSshApp.start(dir.resolve("colleague"), new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
        echo = new EchoServer();
        tunnelPort = EchoServer.freePort();
        team.context.tunnelProfiles().save(new ForwardProfile(UUID.randomUUID(), "team echo", team.host.id(), false,
                Forwards.parseLines("L " + tunnelPort + ":127.0.0.1:" + echo.port()).stream().map(Forwards::fromSpec).toList()));
        Path file = dir.resolve("team.keyport");
        team.context.teamFiles().export(file, Optional.empty());
        team.context.close();
        assertThat(Files.readString(file)).contains("\"format\": \"keyport-team\"").doesNotContain("BEGIN OPENSSH PRIVATE KEY");
        return file;
    }

    @Test
    void aNewcomerImportsTheTeamFileFromTheFirstScreenAndIsConnectedWithoutTrustingAKeyBlindly(FxRobot robot) throws Exception {
        Path file = teamFile();
        Path dataDir = dir.resolve("newcomer");

        CompletableFuture<Optional<UnlockDialog.FirstStart>> firstStart = new CompletableFuture<>();
        var background = Executors.newSingleThreadExecutor();
        Platform.runLater(() -> firstStart.complete(UnlockDialog.showFirstStart(null, true, dataDir.toString(),
                pw -> Vault.create(dataDir, pw, KdfParameters.FLOOR), background)));
        KeyportHarness.awaitShowing(robot, "#first-start-team-file");
        robot.interact(() -> {
            robot.lookup("#master-password").queryAs(PasswordField.class).setText("correct horse battery staple");
            robot.lookup("#master-password-confirm").queryAs(PasswordField.class).setText("correct horse battery staple");
            robot.lookup("#first-start-team-file").queryAs(TextField.class).setText(file.toString());
            robot.lookup("#unlock-button").queryAs(Button.class).fire();
        });
        UnlockDialog.FirstStart started = firstStart.get(30, TimeUnit.SECONDS).orElseThrow();
        assertThat(started.teamFile()).contains(file);
        background.shutdown();

        app = KeyportHarness.on(started.vault(), () -> stage);
        robot.interact(() -> {
            try {
                app.show(stage);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Platform.runLater(() -> app.window.openImport(started.teamFile().get().toString()));
        KeyportHarness.awaitShowing(robot, "#import-summary");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-summary").queryAs(Label.class).getText().contains("Hosts: 1 new"));
        String summary = robot.lookup("#import-summary").queryAs(Label.class).getText();
        assertThat(summary).contains("Tunnels: 1 new").contains("Server keys that become trusted: 1");

        robot.clickOn("#import-button");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#import-result").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#import-result").queryAs(Label.class).getText()).startsWith("Imported: ");
        robot.interact(() -> robot.lookup("#import-result").queryAs(Label.class).getScene().getWindow().hide());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("OpenSSH box").tryQuery().isPresent());
        robot.doubleClickOn("OpenSSH box");
        KeyportHarness.awaitPrompt(robot, app.window);
        assertThat(robot.lookup("#host-key-fingerprint").tryQuery()).as("no question about the server's key").isEmpty();

        KeyportHarness.fx(() -> app.window.model().show(dev.keyport.app.ui.shell.MainWindowViewModel.Section.TUNNELS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tunnel-switch").match(NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".tunnel-switch").match(NodeQueryUtils.isVisible()).queryAs(ToggleSwitch.class).lookup(".thumb-area"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".tunnel-state").match(NodeQueryUtils.isVisible())
                .queryAs(Label.class).getText().equals("On"));
        assertThat(EchoServer.roundTrip(tunnelPort, "day one")).isEqualTo("day one");
        assertThat(List.of(app.context.vault().hostKeys().list().size())).containsExactly(1);
    }
}
