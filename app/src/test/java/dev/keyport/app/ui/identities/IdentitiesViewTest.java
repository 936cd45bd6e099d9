package dev.keyport.app.ui.identities;

import static dev.keyport.app.ui.PageHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.IdentityService;
import dev.keyport.app.services.KeyStorage;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.PageHarness;
import dev.keyport.app.ui.PageOnNewVault;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.Identity;

/** The Identities page on its own stage over a real vault. */
@ExtendWith(ApplicationExtension.class)
class IdentitiesViewTest {

    @RegisterExtension
    final PageOnNewVault app = PageOnNewVault.showing(this::page, IdentitiesView::reload);
    private IdentitiesView view;

    private IdentitiesView page(KeyportContext context) throws Exception {
        KeyStorage.store(context.vault().keys(), KeyCodec.generate(KeyAlgorithm.ED25519, "team"), "team key");
        IdentitiesViewModel model = new IdentitiesViewModel(new IdentityService(context.vault().identities(),
                context.vault().hosts(), context.vault().keys()), context.background(), PageHarness.ui());
        view = new IdentitiesView(model);
        return view;
    }

    private static void awaitText(FxRobot robot, String query, String expected) {
        PageHarness.awaitText(robot, query, expected, Duration.ofSeconds(30), () -> "");
    }

    @Test
    void aNewIdentityShowsAMessageNextToEachWrongFieldThenSavesWithAKeyAndPassword(FxRobot robot) throws Exception {
        robot.clickOn("#new-identity-button");
        robot.clickOn(PageHarness.awaitVisible(robot, "#identity-user")).write("bad user");
        robot.clickOn("#identity-save");

        assertThat(robot.lookup("#identity-name-error").query().isVisible()).isTrue();
        assertThat(text(robot, "#identity-name-error")).isNotEmpty();
        assertThat(text(robot, "#identity-user-error")).isNotEmpty();
        assertThat(text(robot, "#identity-credential-error"))
                .isEqualTo("Choose a key or type a password: an identity logs in with at least one of them.");

        robot.clickOn("#identity-name").write("deploy");
        robot.doubleClickOn("#identity-user").eraseText(8).write("deploy");
        @SuppressWarnings("unchecked")
        ComboBox<IdentitiesViewModel.KeyOption> key = robot.lookup("#identity-key").queryAs(ComboBox.class);
        robot.interact(() -> key.getSelectionModel().select(1));
        robot.clickOn("#identity-password").write("identity pw");
        robot.clickOn("#identity-save");

        awaitText(robot, "#identities-status", "Saved identity deploy.");
        assertThat(robot.lookup("#identity-editor").query().isVisible()).isFalse();
        assertThat(((Label) PageHarness.awaitVisible(robot, ".identity-login")).getText())
                .isEqualTo("deploy · key team key + saved password");
        Identity saved = app.context().vault().identities().list().get(0);
        assertThat(app.context().vault().identities().password(saved.id()).map(String::new)).contains("identity pw");
    }

    @Test
    void editingAnIdentityUsedByHostsNamesThemAndDeletingItAsksFirstNamingThem(FxRobot robot) throws Exception {
        Identity ops = Identity.create("ops", "ops", null);
        app.context().vault().identities().save(ops, "pw".toCharArray());
        for (String name : new String[] {"db", "web"}) {
            app.context().vault().hosts().save(Host.create(name, name + ".internal", 22, "x", new HostAuth.Password())
                    .withDetails(HostDetails.NONE.withIdentity(ops.id())));
        }
        KeyportHarness.fx(view::reload);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#identity-list").queryAs(ListView.class).getItems().size() == 1);
        assertThat(((Label) PageHarness.awaitVisible(robot, ".identity-usage")).getText())
                .isEqualTo("Used by hosts db, web");

        robot.clickOn(PageHarness.awaitVisible(robot, ".edit-identity"));
        assertThat(text(robot, "#identity-editor-usage")).isEqualTo("Saving changes how db, web log in.");
        robot.doubleClickOn("#identity-user").eraseText(3).write("release");
        robot.clickOn("#identity-save");
        awaitText(robot, "#identities-status", "Saved ops; db, web now log in as release.");
        for (Host host : app.context().vault().hosts().list()) {
            assertThat(app.context().credentials().specFor(host).username()).isEqualTo("release");
        }

        robot.clickOn(PageHarness.awaitVisible(robot, ".delete-identity"));
        assertThat(((Label) PageHarness.awaitVisible(robot, "#identity-delete-question")).getText())
                .isEqualTo("Identity ops is used by hosts db, web. Delete it anyway? Those hosts will log in with their own user and login again.");
        robot.clickOn(PageHarness.dialogButton(robot, "Delete"));
        awaitText(robot, "#identities-status", "Deleted identity ops.");
        assertThat(app.context().vault().identities().list()).isEmpty();
    }
}
