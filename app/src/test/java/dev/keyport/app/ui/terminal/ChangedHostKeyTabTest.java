package dev.keyport.app.ui.terminal;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.testing.LocalServerApp;
import dev.keyport.app.testing.PlainUiThread;
import dev.keyport.app.ui.terminal.TerminalTabViewModel.Phase;
import dev.keyport.app.ui.terminal.TerminalTabViewModel.Size;
import dev.keyport.terminal.HostKeyChange;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.ssh.Fingerprints;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/**
 * A changed server key in a tab, without a window: refused before login with both keys, not a dead end
 * (the tab offers the replace flow), and deleting and re-adding the host is no way around it.
 */
class ChangedHostKeyTabTest {

    @TempDir
    Path dir;
    private LocalServerApp app;
    private final PlainUiThread ui = new PlainUiThread();

    @BeforeEach
    void start() throws Exception {
        app = LocalServerApp.start(dir, new ScriptedPrompter(HostKeyAnswer.TRUST_AND_SAVE, LocalServerApp.PASSWORD));
    }

    @AfterEach
    void stop() throws Exception {
        ui.close();
        app.close();
    }

    private static void awaitPhase(TerminalTabViewModel model, Phase phase) {
        await("phase " + phase, Duration.ofSeconds(20), () -> model.phaseProperty().get() == phase,
                () -> model.phaseProperty().get() + " " + model.statusProperty().get() + " " + model.problemProperty().get());
    }

    @Test
    void aReAddedHostWithAChangedKeyIsRefusedAndOffersTheReplaceWhichThenLogsIn() throws Exception {
        // The server was reinstalled: the vault trusts its old key for this address and port.
        PublicKey old = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic();
        app.context.hostKeys().forget(app.server.host(), app.server.port());
        app.context.hostKeys().trust(app.server.host(), app.server.port(), old);
        // The person deletes the host and adds it again, hoping to start afresh.
        app.context.vault().hosts().delete(app.passwordHost.id());
        Host again = Host.create("Password server again", app.server.host(), app.server.port(), LocalServerApp.USER, new HostAuth.Password());
        app.context.vault().hosts().save(again);

        TerminalTabViewModel model = new TerminalTabViewModel(again, app.context.sessions(), app.context.background(), ui);
        ui.run(() -> model.connect(() -> new Size(80, 24)));
        awaitPhase(model, Phase.FAILED);

        assertThat(model.problemProperty().get())
                .contains("has changed")
                .contains(Fingerprints.sha256(old))
                .contains(Fingerprints.sha256(app.server.hostKey()))
                .contains("Review the new key")
                .contains("deleting and re-adding the host does not forget them");
        HostKeyChange change = model.keyChangeProperty().get();
        assertThat(change).isNotNull();
        assertThat(change.offeredKey()).isEqualTo(app.server.hostKey());
        assertThat(app.server.authAttempts()).isZero();
        assertThat(app.context.hostKeys().trustedKeys(app.server.host(), app.server.port())).containsExactly(old);

        ui.run(model::replaceKeyAndReconnect);
        awaitPhase(model, Phase.OPEN);

        assertThat(app.context.hostKeys().trustedKeys(app.server.host(), app.server.port())).containsExactly(app.server.hostKey());
        assertThat(model.keyChangeProperty().get()).isNull();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(dev.keyport.vault.HostKeyPolicy.class)
    void aSavedHostsOwnPolicyNeverLetsAKeyOfAnotherTypeThrough(dev.keyport.vault.HostKeyPolicy policy) throws Exception {
        PublicKey old = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic();
        app.context.hostKeys().forget(app.server.host(), app.server.port());
        app.context.hostKeys().trust(app.server.host(), app.server.port(), old);
        Host host = Host.create("Policy " + policy, app.server.host(), app.server.port(), LocalServerApp.USER, new HostAuth.Password())
                .withDetails(new dev.keyport.vault.HostDetails(java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(),
                        java.util.List.of(), 0, policy, false, ""));
        app.context.vault().hosts().save(host);

        TerminalTabViewModel model = new TerminalTabViewModel(host, app.context.sessions(), app.context.background(), ui);
        ui.run(() -> model.connect(() -> new Size(80, 24)));
        awaitPhase(model, Phase.FAILED);

        assertThat(model.keyChangeProperty().get()).isNotNull();
        assertThat(model.problemProperty().get()).contains(Fingerprints.sha256(old)).contains(Fingerprints.sha256(app.server.hostKey()));
        assertThat(app.server.authAttempts()).isZero();
        assertThat(app.context.hostKeys().trustedKeys(app.server.host(), app.server.port())).containsExactly(old);
    }

    @Test
    void retryWithoutReplacingIsRefusedAgainAndNothingIsReplacedOnItsOwn() throws Exception {
        PublicKey old = KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic();
        app.context.hostKeys().forget(app.server.host(), app.server.port());
        app.context.hostKeys().trust(app.server.host(), app.server.port(), old);

        TerminalTabViewModel model = new TerminalTabViewModel(app.keyHost, app.context.sessions(), app.context.background(), ui);
        ui.run(() -> model.connect(() -> new Size(80, 24)));
        awaitPhase(model, Phase.FAILED);
        ui.run(() -> model.connect(() -> new Size(80, 24)));
        await("the retry to fail", Duration.ofSeconds(20), () -> model.phaseProperty().get() == Phase.FAILED
                && model.keyChangeProperty().get() != null, () -> model.phaseProperty().get().toString());

        assertThat(app.context.hostKeys().trustedKeys(app.server.host(), app.server.port())).containsExactly(old);
        assertThat(app.server.authAttempts()).isZero();
    }
}
