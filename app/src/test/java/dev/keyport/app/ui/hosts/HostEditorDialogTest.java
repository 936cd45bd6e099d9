package dev.keyport.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowOnNewVault;
import dev.keyport.app.ui.hosts.HostEditorViewModel.Login;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.KeyEntry;

/** The host editor in the real window: opened by Ctrl+Shift+N and F2, every field saved, errors next to their fields, all at once. */
@ExtendWith(ApplicationExtension.class)
class HostEditorDialogTest {

    @RegisterExtension
    final WindowOnNewVault app = WindowOnNewVault.empty();

    private void openNewHost(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N).release(KeyCode.N, KeyCode.SHIFT, KeyCode.CONTROL);
        KeyportHarness.awaitShowing(robot, "#host-address");
    }

    /** Scrolls the editor to a field, clicks it, and types over what it holds, as a person does. */
    private static void type(FxRobot robot, String query, String text) throws Exception {
        type(robot, robot.lookup(query).queryAs(TextInputControl.class), text);
    }

    private static void type(FxRobot robot, TextInputControl field, String text) throws Exception {
        reveal(field);
        robot.clickOn(field);
        KeyportHarness.fx(field::selectAll);
        if (text.isEmpty()) {
            robot.press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        } else {
            robot.write(text);
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> field.getText().equals(text));
    }

    /** Scrolls the editor so that {@code node} is in the middle of its viewport. */
    private static void reveal(Node node) throws Exception {
        KeyportHarness.fx(() -> {
            Node cursor = node;
            while (cursor != null && !(cursor instanceof ScrollPane)) {
                cursor = cursor.getParent();
            }
            if (cursor instanceof ScrollPane scroll) {
                Node content = scroll.getContent();
                double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
                double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
                if (room > 0) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (y - scroll.getViewportBounds().getHeight() / 2) / room)));
                }
                scroll.layout();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> void pick(FxRobot robot, String query, T value) throws Exception {
        ComboBox<T> combo = robot.lookup(query).queryAs(ComboBox.class);
        KeyportHarness.fx(() -> combo.setValue(value));
    }

    private static Label error(FxRobot robot, String id) {
        return robot.lookup("#" + id + "-error").queryAs(Label.class);
    }

    @Test
    void aUserWithASpaceAndAMissingKeyFileAreBothRefusedNextToTheirFields(FxRobot robot) throws Exception {
        openNewHost(robot);
        type(robot, "#host-address", "db.example");
        type(robot, "#host-user", "bad user");
        pick(robot, "#host-login", Login.KEY_FILE);
        type(robot, "#host-key-file", app.dataDir().resolve("no-such-key").toString());
        type(robot, "#host-port", "99999");
        robot.clickOn("#save-host-button");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#host-address").tryQuery()).isPresent(); // still open: nothing saved
        assertThat(error(robot, "host-user").isVisible()).isTrue();
        assertThat(error(robot, "host-user").getText()).isEqualTo("User must be one word; it cannot contain 'U+0020'");
        assertThat(error(robot, "host-login").isVisible()).isTrue();
        assertThat(error(robot, "host-login").getText()).startsWith("No such file: " + app.dataDir().resolve("no-such-key"));
        assertThat(error(robot, "host-port").getText()).isEqualTo("Port must be between 1 and 65535");
        assertThat(error(robot, "host-address").isVisible()).isFalse();
        // each error sits right under its own field
        Node user = robot.lookup("#host-user").query();
        assertThat(error(robot, "host-user").localToScene(0, 0).getY()).isGreaterThan(user.localToScene(0, 0).getY());
        assertThat(error(robot, "host-user").localToScene(0, 0).getX()).isEqualTo(user.localToScene(0, 0).getX());
        assertThat(app.context().vault().hosts().list()).isEmpty();

        pick(robot, "#host-login", Login.SAVED_PASSWORD);
        assertThat(robot.lookup("#host-password").queryAs(PasswordField.class).getPromptText()).isEqualTo("the password to save (encrypted)");
        robot.clickOn("Cancel");
    }

    @Test
    void everyFieldIsSavedAndTheHostAppearsInItsNewGroup(FxRobot robot) throws Exception {
        Host bastion = Host.create("bastion", "bastion.example", 22, "jump", new HostAuth.Password());
        app.context().vault().hosts().save(bastion);
        KeyEntry key = new KeyEntry(UUID.randomUUID(), "laptop key", "ssh-ed25519", 256, "SHA256:abc", "ssh-ed25519 AAAA", "", Instant.now());
        app.context().vault().keys().save(key, "not a real key".getBytes(), null);
        KeyportHarness.fx(app.window()::reloadHosts);
        openNewHost(robot);

        type(robot, "#host-address", "db.example");
        type(robot, "#host-port", "2222");
        type(robot, "#host-user", "postgres");
        type(robot, "#host-name", "Database");
        type(robot, robot.lookup("#host-group").queryAs(ComboBox.class).getEditor(), "ops / eu");
        type(robot, "#host-tags", "prod, sql");
        type(robot, "#host-notes", "primary");
        pick(robot, "#host-login", Login.VAULT_KEY);
        pick(robot, "#host-vault-key", key);
        pick(robot, "#jump-candidates", bastion);
        KeyportHarness.fx(() -> robot.lookup("#jump-add").queryButton().fire());
        assertThat(robot.lookup("#jump-chain").queryAs(ListView.class).getItems()).containsExactly(bastion);
        pick(robot, "#host-key-policy", HostKeyPolicy.STRICT);
        type(robot, "#host-keepalive", "30");
        KeyportHarness.fx(() -> {
            robot.lookup("#host-agent-forwarding").queryAs(CheckBox.class).fire();
            robot.lookup("#host-legacy").queryAs(CheckBox.class).fire();
        });
        robot.clickOn("#save-host-button");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context().vault().hosts().list().size() == 2);
        Host saved = app.context().vault().hosts().list().stream().filter(h -> h.name().equals("Database")).findFirst().orElseThrow();
        List<HostGroup> groups = app.context().vault().groups().list();
        HostGroup eu = groups.stream().filter(g -> g.name().equals("eu")).findFirst().orElseThrow();
        HostGroup ops = groups.stream().filter(g -> g.name().equals("ops")).findFirst().orElseThrow();
        assertThat(eu.parentId()).contains(ops.id());
        assertThat(saved.address()).isEqualTo("db.example");
        assertThat(saved.port()).isEqualTo(2222);
        assertThat(saved.username()).isEqualTo("postgres");
        assertThat(saved.auth()).isEqualTo(new HostAuth.VaultKey(key.id()));
        assertThat(saved.details()).isEqualTo(new HostDetails(Optional.of(eu.id()), Optional.empty(), List.of("prod", "sql"),
                List.of(bastion.id()), 30, HostKeyPolicy.STRICT, true, "primary", true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#group-eu").tryQuery().isPresent());
        assertThat(robot.lookup(".host-name").queryAllAs(Label.class)).extracting(Label::getText).contains("Database");
    }

    @Test
    void f2EditsTheSelectedHostKeepingItsIdAndSavedPassword(FxRobot robot) throws Exception {
        Host host = Host.create("web", "web.example", 22, "deploy", new HostAuth.SavedPassword());
        app.context().hosts().save(host, "s3cret".toCharArray());
        Path key = Files.writeString(app.dataDir().resolve("id_test"), "key");
        KeyportHarness.fx(app.window()::reloadHosts);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".host-name").tryQuery().isPresent());
        robot.clickOn(".host-name");
        robot.press(KeyCode.F2).release(KeyCode.F2);
        KeyportHarness.awaitShowing(robot, "#host-address");
        assertThat(robot.lookup("#host-password").queryAs(PasswordField.class).getPromptText()).isEqualTo("saved; type to replace it");
        type(robot, "#host-port", "2200");
        robot.clickOn("#save-host-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.context().vault().hosts().find(host.id()).orElseThrow().port() == 2200);
        assertThat(new String(app.context().vault().hosts().password(host.id()).orElseThrow())).isEqualTo("s3cret");

        robot.clickOn(".host-name");
        robot.clickOn("#edit-host-button");
        KeyportHarness.awaitShowing(robot, "#host-address");
        pick(robot, "#host-login", Login.KEY_FILE);
        type(robot, "#host-key-file", key.toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#host-login-error").queryAs(Label.class).isVisible());
        robot.clickOn("#save-host-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.context().vault().hosts().find(host.id()).orElseThrow().auth().equals(new HostAuth.KeyFile(key.toString())));
        assertThat(app.context().vault().hosts().list()).hasSize(1);
        assertThat(app.context().vault().hosts().password(host.id())).isEmpty();
    }
}
