package dev.keyport.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.HostService;
import dev.keyport.app.ui.hosts.HostEditorViewModel.Draft;
import dev.keyport.app.ui.hosts.HostEditorViewModel.Login;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;

/** The host editor without a window: per-field errors, all at once, key files checked in the background, every field saved. */
class HostEditorViewModelTest {

    @TempDir
    Path dir;

    private final HostGroup prod = HostGroup.create("prod", null);
    private final HostGroup web = HostGroup.create("web", prod.id());
    private final KeyEntry key = new KeyEntry(UUID.randomUUID(), "laptop key", "ssh-ed25519", 256, "SHA256:abc", "ssh-ed25519 AAAA", "",
            Instant.now());
    private final Identity identity = Identity.create("ops", "operator", key.id());
    private final Host bastion = Host.create("bastion", "bastion.example", 22, "jump", new HostAuth.Password());

    private HostService.Choices choices(Host... hosts) {
        List<Host> all = new ArrayList<>(List.of(bastion));
        all.addAll(List.of(hosts));
        return new HostService.Choices(List.of(prod, web), List.of(key), List.of(identity), all);
    }

    private HostEditorViewModel newHost() {
        return new HostEditorViewModel(choices(), null, "alice", Runnable::run, Runnable::run);
    }

    @Test
    void everyProblemIsReportedAtOnceEachForItsOwnField() {
        HostEditorViewModel model = newHost();
        model.addressProperty().set("db example");
        model.portProperty().set("22x");
        model.userProperty().set("bad user");
        model.tagsProperty().set("prod, a\u0007b");
        model.keepAliveProperty().set("-1");
        model.loginProperty().set(Login.KEY_FILE);
        model.keyFileProperty().set(dir.resolve("no-such-key").toString());

        assertThat(model.addressErrorProperty().get()).isEqualTo("Address must be a host name or an IP address; it cannot contain 'U+0020'");
        assertThat(model.portErrorProperty().get()).isEqualTo("Port must be a number (usually 22)");
        assertThat(model.userErrorProperty().get()).isEqualTo("User must be one word; it cannot contain 'U+0020'");
        assertThat(model.tagsErrorProperty().get()).startsWith("A tag cannot contain control characters");
        assertThat(model.keepAliveErrorProperty().get()).isEqualTo("Keepalive must be between 0 (none) and 86400 seconds");
        assertThat(model.loginErrorProperty().get()).startsWith("No such file: ").contains("no-such-key");
        assertThat(model.errors().stream().filter(e -> !e.isEmpty())).hasSize(6);
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.result(new char[0])).isEmpty();
    }

    @Test
    void aKeyFileThatExistsIsAcceptedAndOneThatDoesNotIsRefused() throws Exception {
        HostEditorViewModel model = newHost();
        model.addressProperty().set("db.example");
        model.loginProperty().set(Login.KEY_FILE);
        model.keyFileProperty().set(dir.resolve("id_ed25519").toString());
        assertThat(model.validProperty().get()).isFalse();
        Path keyFile = Files.writeString(dir.resolve("id_ed25519"), "key");
        model.keyFileProperty().set("");
        model.keyFileProperty().set(keyFile.toString());
        assertThat(model.loginErrorProperty().get()).isEmpty();
        assertThat(model.result(new char[0]).orElseThrow().host().auth()).isEqualTo(new HostAuth.KeyFile(keyFile.toString()));
    }

    @Test
    void theKeyFileCheckRunsOnTheBackgroundExecutorAndSavingWaitsForIt() throws Exception {
        List<Runnable> background = new ArrayList<>();
        HostEditorViewModel model = new HostEditorViewModel(choices(), null, "alice", background::add, Runnable::run);
        model.addressProperty().set("db.example");
        model.loginProperty().set(Login.KEY_FILE);
        model.keyFileProperty().set(dir.resolve("missing").toString());
        assertThat(model.checkingKeyFileProperty().get()).isTrue();
        assertThat(model.validProperty().get()).isFalse();
        assertThat(background).isNotEmpty();
        List.copyOf(background).forEach(Runnable::run);
        assertThat(model.checkingKeyFileProperty().get()).isFalse();
        assertThat(model.loginErrorProperty().get()).startsWith("No such file");
    }

    @Test
    void everyFieldEndsUpInTheHost() {
        HostEditorViewModel model = newHost();
        model.addressProperty().set("db.example");
        assertThat(model.nameProperty().get()).isEqualTo("db.example");
        model.nameProperty().set("Database");
        model.portProperty().set("2222");
        model.userProperty().set("postgres");
        model.groupProperty().set("prod / web");
        model.tagsProperty().set("prod, sql, prod");
        model.notesProperty().set("primary\nreplica on db2");
        model.loginProperty().set(Login.VAULT_KEY);
        model.vaultKeyProperty().set(key);
        model.addJump(bastion);
        model.hostKeyPolicyProperty().set(HostKeyPolicy.STRICT);
        model.keepAliveProperty().set("30");
        model.agentForwardingProperty().set(true);
        model.legacyAlgorithmsProperty().set(true);

        Draft draft = model.result(new char[0]).orElseThrow();
        Host host = draft.host();
        assertThat(draft.newGroups()).isEmpty();
        assertThat(draft.password()).isNull();
        assertThat(host.name()).isEqualTo("Database");
        assertThat(host.address()).isEqualTo("db.example");
        assertThat(host.port()).isEqualTo(2222);
        assertThat(host.username()).isEqualTo("postgres");
        assertThat(host.auth()).isEqualTo(new HostAuth.VaultKey(key.id()));
        assertThat(host.details()).isEqualTo(new HostDetails(Optional.of(web.id()), Optional.empty(), List.of("prod", "sql"),
                List.of(bastion.id()), 30, HostKeyPolicy.STRICT, true, "primary\nreplica on db2", true));
    }

    @Test
    void aGroupPathThatDoesNotExistIsCreatedInsideTheExistingPart() {
        HostEditorViewModel model = newHost();
        model.addressProperty().set("db.example");
        model.groupProperty().set("prod / db / replicas");
        Draft draft = model.result(new char[0]).orElseThrow();
        assertThat(draft.newGroups()).extracting(HostGroup::name).containsExactly("db", "replicas");
        assertThat(draft.newGroups().get(0).parentId()).contains(prod.id());
        assertThat(draft.newGroups().get(1).parentId()).contains(draft.newGroups().get(0).id());
        assertThat(draft.host().details().groupId()).contains(draft.newGroups().get(1).id());
    }

    @Test
    void aSavedPasswordNeedsOneTypedForANewHostAndKeepsTheOldOneWhenEditing() {
        HostEditorViewModel model = newHost();
        model.addressProperty().set("db.example");
        model.loginProperty().set(Login.SAVED_PASSWORD);
        assertThat(model.loginErrorProperty().get()).isEqualTo("Type the password to save, or choose \u201cPassword, asked each time\u201d");
        model.passwordTypedProperty().set(true);
        Draft draft = model.result("s3cret".toCharArray()).orElseThrow();
        assertThat(new String(draft.password())).isEqualTo("s3cret");
        assertThat(draft.host().auth()).isEqualTo(new HostAuth.SavedPassword());

        Host saved = draft.host();
        HostEditorViewModel edit = new HostEditorViewModel(choices(saved), saved, "alice", Runnable::run, Runnable::run);
        assertThat(edit.loginErrorProperty().get()).isEmpty();
        Draft unchanged = edit.result(new char[0]).orElseThrow();
        assertThat(unchanged.password()).isNull();
        assertThat(unchanged.host()).isEqualTo(saved);
    }

    @Test
    void anIdentityGivesTheUserAndIsKeptById() {
        HostEditorViewModel model = newHost();
        model.addressProperty().set("db.example");
        model.userProperty().set("");
        model.loginProperty().set(Login.IDENTITY);
        assertThat(model.loginErrorProperty().get()).isEqualTo("Choose an identity");
        assertThat(model.userErrorProperty().get()).isEmpty();
        model.identityProperty().set(identity);
        Host host = model.result(new char[0]).orElseThrow().host();
        assertThat(host.username()).isEqualTo("operator");
        assertThat(host.details().identityId()).contains(identity.id());

        HostEditorViewModel edit = new HostEditorViewModel(choices(host), host, "alice", Runnable::run, Runnable::run);
        assertThat(edit.loginProperty().get()).isEqualTo(Login.IDENTITY);
        assertThat(edit.identityProperty().get()).isEqualTo(identity);
    }

    @Test
    void editingLoadsEveryFieldAndKeepsTheId() {
        Host host = new Host(UUID.randomUUID(), "db", "db.example", 2200, "postgres", new HostAuth.KeyFile("/nonexistent/key"),
                new HostDetails(Optional.of(web.id()), Optional.empty(), List.of("a", "b"), List.of(bastion.id()), 15, HostKeyPolicy.ACCEPT_NEW,
                        true, "notes", true));
        HostEditorViewModel model = new HostEditorViewModel(choices(host), host, "alice", Runnable::run, Runnable::run);
        assertThat(model.isNew()).isFalse();
        assertThat(model.groupProperty().get()).isEqualTo("prod / web");
        assertThat(model.tagsProperty().get()).isEqualTo("a, b");
        assertThat(model.jumpChain()).containsExactly(bastion);
        assertThat(model.keepAliveProperty().get()).isEqualTo("15");
        assertThat(model.hostKeyPolicyProperty().get()).isEqualTo(HostKeyPolicy.ACCEPT_NEW);
        assertThat(model.loginErrorProperty().get()).startsWith("No such file: /nonexistent/key");
        model.loginProperty().set(Login.ASK_PASSWORD);
        Host saved = model.result(new char[0]).orElseThrow().host();
        assertThat(saved.id()).isEqualTo(host.id());
        assertThat(saved.details()).isEqualTo(host.details());
        assertThat(saved.auth()).isEqualTo(new HostAuth.Password());
    }

    @Test
    void theJumpChainIsOrderedAndOffersNoHostThatWouldMakeALoop() {
        Host edited = Host.create("app", "app.example", 22, "deploy", new HostAuth.Password());
        Host second = Host.create("second", "second.example", 22, "deploy", new HostAuth.Password());
        Host loops = Host.create("loops", "loops.example", 22, "deploy", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withJumpChain(List.of(edited.id())));
        HostEditorViewModel model = new HostEditorViewModel(choices(edited, second, loops), edited, "alice", Runnable::run, Runnable::run);
        assertThat(model.jumpCandidates()).containsExactly(bastion, second);
        model.addJump(bastion);
        model.addJump(second);
        model.addJump(loops);
        assertThat(model.jumpChain()).containsExactly(bastion, second);
        assertThat(model.jumpCandidates()).isEmpty();
        model.moveJump(1, -1);
        assertThat(model.jumpChain()).containsExactly(second, bastion);
        model.removeJump(0);
        assertThat(model.jumpChain()).containsExactly(bastion);
        assertThat(model.jumpCandidates()).containsExactly(second);
        model.jumpChain().add(loops);
        assertThat(model.jumpErrorProperty().get()).isEqualTo("loops itself jumps through this host: that would be a loop");
    }

    @Test
    void anAddressWithAUserOrPortSaysWhereThoseGo() {
        HostEditorViewModel model = newHost();
        model.addressProperty().set("root@db.example");
        assertThat(model.addressErrorProperty().get()).isEqualTo("Address is the server alone: put the user name in the User field");
        model.addressProperty().set("db.example:2222");
        assertThat(model.addressErrorProperty().get()).isEqualTo("Address is the server alone: put the port in the Port field");
        model.addressProperty().set("fe80::1");
        assertThat(model.addressErrorProperty().get()).isEmpty();
    }

    @Test
    void sshAgentOnlyIsALoginChoiceThatIsSavedAndShownAgain() {
        HostEditorViewModel model = newHost();
        assertThat(model.logins()).contains(Login.AGENT);
        model.addressProperty().set("db.example");
        model.loginProperty().set(Login.AGENT);
        assertThat(model.loginErrorProperty().get()).isEmpty();
        HostEditorViewModel.Draft draft = model.result(new char[0]).orElseThrow();
        assertThat(draft.host().auth()).isEqualTo(new HostAuth.Agent());
        assertThat(draft.password()).isNull();

        HostEditorViewModel again = new HostEditorViewModel(choices(), draft.host(), "alice", Runnable::run, Runnable::run);
        assertThat(again.loginProperty().get()).isEqualTo(Login.AGENT);
    }
}
