package dev.keyport.app.ui.hosts;

import dev.keyport.app.ui.KeyportHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

@ExtendWith(ApplicationExtension.class)
class AddHostDialogTest {

    @TempDir
    Path dataDir;

    private KeyportHarness app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        app = KeyportHarness.open(dataDir, () -> this.stage);
        app.show(stage);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void shortcutOpensTheDialogAndSaveAddsTheHostToListAndVault(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-address").tryQuery().isPresent());
        Node save = robot.lookup("#save-host-button").query();
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#add-host-problem").queryLabeled().getText()).isEqualTo("Enter the server's address.");

        robot.clickOn("#host-address").write("db.example");
        robot.doubleClickOn("#host-port").write("22x");
        assertThat(robot.lookup("#add-host-problem").queryLabeled().getText()).isEqualTo("The port must be a number (usually 22).");
        robot.doubleClickOn("#host-port").eraseText(3).write("2222");
        robot.doubleClickOn("#host-user").eraseText(20).write("deploy");
        robot.clickOn("#auth-password");
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#host-list").queryAs(ListView.class).getItems().size() == 1);
        assertThat(robot.lookup("deploy@db.example:2222").tryQuery()).isPresent();
        assertThat(app.context.vault().hosts().list()).singleElement().satisfies(host -> {
            assertThat(host.name()).isEqualTo("db.example");
            assertThat(host.port()).isEqualTo(2222);
            assertThat(host.username()).isEqualTo("deploy");
            assertThat(host.auth()).isEqualTo(new HostAuth.Password());
        });
    }

    @Test
    void searchFiltersHostsByEveryWord(FxRobot robot) throws Exception {
        app.context.vault().hosts().save(Host.create("web prod", "web1.example", 22, "deploy", new HostAuth.Password()));
        app.context.vault().hosts().save(Host.create("db prod", "db1.example", 22, "postgres", new HostAuth.Password()));
        app.context.vault().hosts().save(Host.create("web staging", "web2.example", 22, "deploy", new HostAuth.Password()));
        KeyportHarness.fx(() -> app.window.reloadHosts());
        ListView<?> list = robot.lookup("#host-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.K).release(KeyCode.K, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.write("web prod");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        assertThat(((Host) list.getItems().get(0)).name()).isEqualTo("web prod");
    }
}
