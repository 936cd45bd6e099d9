package dev.keyport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.instance.InstanceReply;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.instance.SingleInstance;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowOnNewVault;

/** A second launch with a team file: the running window comes forward and shows that file's import preview. */
@ExtendWith(ApplicationExtension.class)
class WindowHandOffTest {

    private static final Path GOLDEN = Path.of("..", "sync-format", "src", "test", "resources", "golden", "team-1.0.keyport");

    @RegisterExtension
    final WindowOnNewVault app = WindowOnNewVault.empty();
    private SingleInstance instance;

    @AfterEach
    void stop() throws Exception {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void aSecondLaunchWithATeamFileOpensItsPreviewInTheRunningWindow(FxRobot robot) throws Exception {
        Path teamFile = Files.copy(GOLDEN, app.dataDir().resolve("from a colleague.keyport"));
        WindowHandOff handOff = new WindowHandOff(Optional.empty());
        instance = ((SingleInstance.Claim.First) SingleInstance.claim(app.dataDir(), InstanceRequest.activate(Optional.empty()), handOff::handle)).instance();
        KeyportHarness.fx(() -> handOff.windowShown(app.stage(), app.window(), app.context(), Optional.empty()));

        SingleInstance.Claim second = SingleInstance.claim(app.dataDir(), InstanceRequest.activate(Optional.of(teamFile)), r -> InstanceReply.refused("no"));

        assertThat(second).isInstanceOf(SingleInstance.Claim.HandedOver.class);
        InstanceReply reply = ((SingleInstance.Claim.HandedOver) second).reply();
        assertThat(reply.status()).isZero();
        assertThat(reply.message()).isEqualTo("Keyport is already running: it shows the import preview of " + teamFile.toAbsolutePath() + ".");
        KeyportHarness.awaitShowing(robot, "#import-summary");
        assertThat(robot.lookup("#import-path").queryAs(TextField.class).getText()).isEqualTo(teamFile.toAbsolutePath().toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#import-summary").queryAs(Label.class).getText().contains("new"));
    }

    @Test
    void aTeamFileHandedOverBeforeTheWindowIsUpOpensWhenItShows(FxRobot robot) throws Exception {
        Path teamFile = Files.copy(GOLDEN, app.dataDir().resolve("early.keyport"));
        WindowHandOff handOff = new WindowHandOff(Optional.empty());

        InstanceReply reply = handOff.handle(InstanceRequest.activate(Optional.of(teamFile)));
        assertThat(reply.message()).isEqualTo("Keyport is starting: it opens " + teamFile.toAbsolutePath() + " once the vault is unlocked.");
        assertThat(robot.lookup("#import-path").tryQuery()).isEmpty();

        KeyportHarness.fx(() -> handOff.windowShown(app.stage(), app.window(), app.context(), Optional.empty()));
        KeyportHarness.awaitShowing(robot, "#import-path");
        assertThat(robot.lookup("#import-path").queryAs(TextField.class).getText()).isEqualTo(teamFile.toAbsolutePath().toString());
    }

    @Test
    void aRequestThisVersionDoesNotKnowIsRefused() {
        InstanceReply reply = new WindowHandOff(Optional.empty()).handle(new InstanceRequest("run-command", List.of("host", "list")));
        assertThat(reply.status()).isNotZero();
        assertThat(reply.message()).isEqualTo("The running Keyport does not know \"run-command\". Close it and start this version of Keyport instead.");
    }

    @Test
    void theCommandLineIsToldToUnlockWhileTheVaultIsNotOpenYet() throws Exception {
        InstanceReply reply = new WindowHandOff(Optional.empty()).serve(InstanceRequest.of(InstanceRequest.HOST_LIST, List.of()), null);

        assertThat(reply).isEqualTo(InstanceReply.refused("Keyport is locked: unlock it in the window, then run this again."));
    }

    @Test
    void onceTheWindowIsUpItServesTheCommandLineOverTheSocket() throws Exception {
        app.context().vault().hosts().save(dev.keyport.vault.Host.create("web", "10.0.0.7", 22, "deploy", new dev.keyport.vault.HostAuth.Password()));
        WindowHandOff handOff = new WindowHandOff(Optional.empty());
        instance = ((SingleInstance.Claim.First) SingleInstance.claim(app.dataDir(), InstanceRequest.activate(Optional.empty()),
                (dev.keyport.app.instance.InstanceHandler) handOff::serve)).instance();
        KeyportHarness.fx(() -> handOff.windowShown(app.stage(), app.window(), app.context(), Optional.empty()));
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        InstanceReply reply = SingleInstance.converse(instance.socket(), InstanceRequest.of(InstanceRequest.HOST_LIST, List.of()),
                lines::add, new java.util.concurrent.CountDownLatch(0));

        assertThat(reply.status()).isZero();
        assertThat(lines).anyMatch(l -> l.startsWith("NAME")).anyMatch(l -> l.contains("web") && l.contains("deploy@10.0.0.7:22"));
    }
}
