package dev.keyport.app.ui.keys;

import static dev.keyport.app.ui.PageHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.ComboBox;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.HostService;
import dev.keyport.app.services.KeyFixtures;
import dev.keyport.app.services.KeyService;
import dev.keyport.app.services.KeyStorage;
import dev.keyport.app.testing.OpenSshHosts;
import dev.keyport.app.ui.KeyportHarness;
import dev.keyport.app.ui.PageHarness;
import dev.keyport.app.ui.PageOnNewVault;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.KeyEntry;

/** The Keys page on its own stage over a real vault: what a person clicks, types and sees. */
@ExtendWith(ApplicationExtension.class)
class KeysViewTest {

    @TempDir
    Path dir;
    @RegisterExtension
    final PageOnNewVault app = PageOnNewVault.showing(this::page, KeysView::reload);
    private KeysView view;
    private Path saveTo;

    private KeysView page(KeyportContext context) {
        KeysViewModel model = new KeysViewModel(new KeyService(context.vault().keys(), context.vault().hosts(),
                context.vault().identities(), context.sessions()), new HostService(context.vault()),
                context.background(), PageHarness.ui());
        view = new KeysView(model);
        view.setFilePicker(new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title) {
                return Optional.ofNullable(saveTo);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName) {
                return Optional.ofNullable(saveTo);
            }
        });
        return view;
    }

    private static void awaitText(FxRobot robot, String query, String expected) {
        PageHarness.awaitText(robot, query, expected, Duration.ofSeconds(60), () -> "; problem: '" + text(robot, "#keys-problem") + "'");
    }

    private int rows(FxRobot robot) {
        return robot.lookup("#key-list").queryAs(ListView.class).getItems().size();
    }

    private String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(10, TimeUnit.SECONDS);
    }

    private void putOnClipboard(String text) throws Exception {
        KeyportHarness.fx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    @Test
    void aLongKeyNameIsShownWholeOnANarrowPage(FxRobot robot) throws Exception {
        String longName = "deploy key for the production database cluster in eu-west-1 and its read replicas";
        robot.clickOn("#generate-key-button");
        robot.clickOn("#generate-name").write(longName);
        robot.clickOn("#generate-confirm");
        awaitText(robot, "#keys-status", "Generated " + longName + " (ED25519 · 256 bits).");

        KeyportHarness.fx(() -> app.stage().setWidth(340));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.getWidth() <= 340);
        KeyportHarness.fx(view::layout);

        // what is drawn, not what the control holds: a Label too narrow for its text draws it cut, with "..."
        String drawn = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".key-name").queryAll().stream()
                .flatMap(n -> n instanceof Text t ? java.util.stream.Stream.of(t) : n.lookupAll(".text").stream()
                        .filter(Text.class::isInstance).map(Text.class::cast))
                .map(Text::getText).collect(java.util.stream.Collectors.joining())).get(10, TimeUnit.SECONDS);
        assertThat(drawn).isEqualTo(longName);
        Node name = robot.lookup(".key-name").query();
        javafx.geometry.Bounds bounds = name.localToScene(name.getBoundsInLocal());
        assertThat(bounds.getMaxX()).as("inside the page").isLessThanOrEqualTo(view.getWidth());
        KeyportHarness.fx(() -> app.stage().setWidth(900));
    }

    @Test
    void aKeyGeneratedFromTheFormShowsItsWholeFingerprintAndItsPublicKeyIsCopiedAsOneLine(FxRobot robot) throws Exception {
        robot.clickOn("#generate-key-button");
        robot.clickOn("#generate-name").write("work laptop");
        robot.clickOn("#generate-confirm");

        awaitText(robot, "#keys-status", "Generated work laptop (ED25519 · 256 bits).");
        KeyEntry stored = app.context().vault().keys().list().get(0);
        // a Text is drawn whole (a Label could elide it): the whole fingerprint, inside the page
        Text fingerprint = (Text) PageHarness.awaitVisible(robot, ".key-fingerprint");
        // measured once the page is laid out: a row the list has just added can first be laid out at no width
        KeyportHarness.fx(view::layout);
        assertThat(fingerprint.getText()).isEqualTo(stored.fingerprint()).doesNotContain("…");
        javafx.geometry.Bounds drawn = fingerprint.localToScene(fingerprint.getBoundsInLocal());
        assertThat(drawn.getMaxX()).isLessThanOrEqualTo(view.getWidth());
        assertThat(((Label) PageHarness.awaitVisible(robot, ".key-kind")).getText()).isEqualTo("ED25519 · 256 bits");
        assertThat(((Label) PageHarness.awaitVisible(robot, ".key-usage")).getText())
                .isEqualTo("Not used by any host or identity");

        // on a page too narrow for it, the fingerprint breaks over lines inside the page instead of being cut
        KeyportHarness.fx(() -> app.stage().setWidth(340));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.getWidth() <= 340);
        Text narrow = (Text) PageHarness.awaitVisible(robot, ".key-fingerprint");
        assertThat(narrow.getText()).isEqualTo(stored.fingerprint());
        javafx.geometry.Bounds wrapped = narrow.localToScene(narrow.getBoundsInLocal());
        assertThat(wrapped.getMaxX()).isLessThanOrEqualTo(view.getWidth());
        assertThat(wrapped.getHeight()).isGreaterThan(drawn.getHeight() * 1.5);
        KeyportHarness.fx(() -> app.stage().setWidth(900));

        robot.clickOn(PageHarness.awaitVisible(robot, ".copy-public-key"));
        awaitText(robot, "#keys-status", "Copied the public key of work laptop (one OpenSSH line).");
        assertThat(clipboard()).isEqualTo(stored.publicKey()).startsWith("ssh-ed25519 AAAA").doesNotContain("\n");
        robot.clickOn(PageHarness.awaitVisible(robot, ".copy-fingerprint"));
        awaitText(robot, "#keys-status", "Copied the fingerprint of work laptop.");
        assertThat(clipboard()).isEqualTo(stored.fingerprint());
    }

    @Test
    void aPastedEncryptedKeyAsksForItsPassphraseSaysAWrongOneIsWrongAndImportsWithTheRightOne(FxRobot robot) throws Exception {
        Path key = KeyFixtures.make(dir.resolve("keys"), "ecdsa", "pkcs8", true);
        putOnClipboard(Files.readString(key));

        robot.clickOn("#paste-key-button");
        PageHarness.awaitVisible(robot, "#import-passphrase");
        assertThat(text(robot, "#import-passphrase-question")).isEqualTo("The pasted key is encrypted. Type its passphrase to import it.");
        robot.clickOn("#import-passphrase").write("not it").type(KeyCode.ENTER);
        awaitText(robot, "#keys-problem", "Wrong passphrase for pasted key.");
        assertThat(text(robot, "#import-passphrase-question")).isEqualTo("Wrong passphrase for pasted key. Type it again, or cancel.");
        assertThat(rows(robot)).isZero();

        robot.clickOn("#import-passphrase").write(KeyFixtures.PASSPHRASE).type(KeyCode.ENTER);
        awaitText(robot, "#keys-status", "Imported pasted key (ECDSA · 256 bits).");
        assertThat(robot.lookup("#import-passphrase-bar").query().isVisible()).isFalse();
        assertThat(((Text) PageHarness.awaitVisible(robot, ".key-fingerprint")).getText())
                .isEqualTo(KeyFixtures.fingerprint(Path.of(key + ".pub")));
    }

    @Test
    void aWeakKeyFileImportsWithAWarningAndIsMarkedWeakInTheList(FxRobot robot) throws Exception {
        saveTo = KeyFixtures.make(dir.resolve("keys"), "rsa-1024", "openssh", false);

        robot.clickOn("#import-key-button");

        awaitText(robot, "#keys-status", "Imported rsa-1024-openssh (RSA · 1024 bits).");
        assertThat(text(robot, "#keys-warning")).isEqualTo("Weak: RSA keys under 2048 bits (this one has 1024) can be broken."
                + " Generate an ed25519 key and use it instead.");
        assertThat(((Label) PageHarness.awaitVisible(robot, ".key-weak")).getText()).isEqualTo("weak");
    }

    @Test
    void deletingAKeyAHostUsesIsRefusedNamingTheHostAndAnUnusedOneIsDeletedAfterConfirming(FxRobot robot) throws Exception {
        KeyEntry used = KeyStorage.store(app.context().vault().keys(), KeyCodec.generate(KeyAlgorithm.ED25519, "a"), "a used key");
        app.context().vault().hosts().save(Host.create("db", "db.internal", 22, "admin", new HostAuth.VaultKey(used.id())));
        KeyportHarness.fx(view::reload);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows(robot) == 1);
        assertThat(((Label) PageHarness.awaitVisible(robot, ".key-usage")).getText()).isEqualTo("Used by host db");

        robot.clickOn(PageHarness.awaitVisible(robot, ".delete-key"));
        awaitText(robot, "#keys-problem", "Key a used key is used by 1 host (db). Choose another key for them first, then delete it.");
        assertThat(app.context().vault().keys().list()).hasSize(1);

        app.context().vault().hosts().delete(app.context().vault().hosts().list().get(0).id());
        KeyportHarness.fx(view::reload);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".key-usage").match(PageHarness::reallyVisible).tryQuery()
                .map(n -> ((Label) n).getText().equals("Not used by any host or identity")).orElse(false));
        robot.clickOn(PageHarness.awaitVisible(robot, ".delete-key"));
        robot.clickOn(PageHarness.dialogButton(robot, "Delete"));
        awaitText(robot, "#keys-status", "Deleted a used key.");
        assertThat(rows(robot)).isZero();
        assertThat(app.context().vault().keys().list()).isEmpty();
    }

    @Test
    void thePrivateKeyIsExportedUnderAPassphraseToAnOwnerOnlyFile(FxRobot robot) throws Exception {
        KeyEntry key = KeyStorage.store(app.context().vault().keys(), KeyCodec.generate(KeyAlgorithm.ED25519, "exp"), "exp");
        KeyportHarness.fx(view::reload);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows(robot) == 1);
        saveTo = dir.resolve("id_exp");

        robot.clickOn(PageHarness.awaitVisible(robot, ".export-key"));
        robot.clickOn(PageHarness.awaitVisible(robot, ".export-private"));
        robot.clickOn(PageHarness.awaitVisible(robot, "#export-passphrase")).write("export phrase");
        robot.clickOn("#export-repeat").write("export phrase");
        robot.clickOn(PageHarness.dialogButton(robot, "Choose file…"));

        awaitText(robot, "#keys-status", "Exported the private key exp to " + saveTo + " (readable by you only, under its passphrase).");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saveTo))).isEqualTo("rw-------");
        assertThat(OpenSshServer.run("ssh-keygen", "-y", "-P", "export phrase", "-f", saveTo.toString()).strip()).isEqualTo(key.publicKey());
    }

    @Test
    void installOnAHostShowsProgressThenSaysTheKeyWasInstalled(FxRobot robot) throws Exception {
        String user = "kpkeysgui";
        String password = "Kp-keys-gui-horse";
        OpenSshServer.run("sh", "-c", "id " + user + " >/dev/null 2>&1 || useradd -m -s /bin/sh " + user);
        OpenSshServer.run("sh", "-c", "echo '" + user + ":" + password + "' | chpasswd; rm -rf ~" + user + "/.ssh");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of("PasswordAuthentication yes",
                "AuthorizedKeysFile .ssh/authorized_keys"))) {
            app.context().hostKeys().trust("127.0.0.1", sshd.port(), OpenSshHosts.hostKey(sshd));
            Host host = Host.create("staging", "127.0.0.1", sshd.port(), user, new HostAuth.SavedPassword());
            app.context().vault().hosts().save(host);
            app.context().vault().hosts().savePassword(host.id(), password.toCharArray());
            KeyEntry key = KeyStorage.store(app.context().vault().keys(), KeyCodec.generate(KeyAlgorithm.ED25519, "deploy"), "deploy");
            KeyportHarness.fx(view::reload);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> rows(robot) == 1);

            robot.clickOn(PageHarness.awaitVisible(robot, ".install-key"));
            @SuppressWarnings("unchecked")
            ComboBox<Host> hosts = (ComboBox<Host>) PageHarness.awaitVisible(robot, "#install-host");
            robot.interact(() -> hosts.getSelectionModel().selectFirst());
            robot.clickOn(PageHarness.dialogButton(robot, "Install"));

            awaitText(robot, "#keys-status", "Installed deploy on staging: it can now log in with this key.");
            Path home = Path.of(OpenSshServer.run("sh", "-c", "getent passwd " + user + " | cut -d: -f6").trim());
            assertThat(Files.readAllLines(home.resolve(".ssh/authorized_keys"))).containsExactly(key.publicKey());
        }
    }
}
