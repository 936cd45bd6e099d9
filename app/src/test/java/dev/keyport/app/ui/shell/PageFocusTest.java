package dev.keyport.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.WindowOnNewVault;

/** A page or list opened from the keyboard gets the keyboard (its first control, or its list), not the quick-connect field. */
@ExtendWith(ApplicationExtension.class)
class PageFocusTest {

    @RegisterExtension
    final WindowOnNewVault app = WindowOnNewVault.empty();

    private static void chord(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
    }

    private Node focused() {
        return app.stage().getScene().getFocusOwner();
    }

    private static boolean inside(Node node, Node page) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == page) {
                return true;
            }
        }
        return false;
    }

    /** Opens the page with its shortcut (from the host list, which has the keyboard) and waits until the page has it. */
    private Node open(FxRobot robot, KeyCode shortcut, String pageId) throws Exception {
        KeyportHarness.fx(() -> {
            app.window().model().show(MainWindowViewModel.Section.HOSTS);
            robot.lookup("#host-list").query().requestFocus();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "host-list".equals(focused() == null ? null : focused().getId()));
        chord(robot, shortcut);
        Node page = KeyportHarness.awaitShowing(robot, "#" + pageId);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inside(focused(), page));
        assertThat(focused().getId()).as("the quick-connect field does not take the keyboard").isNotEqualTo("quick-connect");
        return focused();
    }

    @Test
    void eachWidePageTakesTheKeyboardOnItsFirstControl(FxRobot robot) throws Exception {
        assertThat(open(robot, KeyCode.R, "known-hosts-view").getId()).as("Known hosts: its search").isEqualTo("known-hosts-search");
        assertThat(open(robot, KeyCode.S, "settings-view").getId()).as("Settings: the theme").isEqualTo("theme-light");
        assertThat(open(robot, KeyCode.I, "identities-page").getId()).as("Identities: New identity").isEqualTo("new-identity-button");
        Node keys = open(robot, KeyCode.Y, "keys-page");
        assertThat(keys.getId()).as("Keys: Generate, or the list while the page reads the vault").isIn("generate-key-button", "key-list");
    }

    @Test
    void theTunnelsListAndBackTheHostListTakeTheKeyboardWhenNoTerminalIsOpen(FxRobot robot) throws Exception {
        Node tunnels = open(robot, KeyCode.T, "tunnels-pane");
        assertThat(tunnels.getId()).isEqualTo("tunnel-list");
        chord(robot, KeyCode.H);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> focused() != null && "host-list".equals(focused().getId()));
    }
}
