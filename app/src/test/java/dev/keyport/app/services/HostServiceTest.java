package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** Hosts on a real encrypted vault: delete and restore exactly, duplicate, move, recent use, key file checks. */
class HostServiceTest {

    @TempDir
    Path dir;
    private Vault vault;
    private HostService service;

    @BeforeEach
    void setUp() throws Exception {
        vault = Vault.create(dir.resolve("vault"), "pw".toCharArray(), KdfParameters.FLOOR);
        service = new HostService(vault);
    }

    @AfterEach
    void tearDown() {
        vault.close();
    }

    private Host saved(String name, HostAuth auth) throws Exception {
        Host host = Host.create(name, name + ".example", 22, "deploy", auth);
        vault.hosts().save(host);
        return host;
    }

    @Test
    void restoringADeletedHostPutsBackTheSameIdPasswordTunnelsAndTheJumpChainsThroughIt() throws Exception {
        HostGroup group = service.createGroup("prod", null);
        Host bastion = Host.create("bastion", "bastion.example", 2222, "jump", new HostAuth.SavedPassword())
                .withDetails(HostDetails.NONE.withGroup(group.id()).withTags(List.of("edge")));
        service.save(bastion, "s3cret".toCharArray());
        Host web = saved("web", new HostAuth.Password());
        Host behind = Host.create("db", "db.internal", 22, "postgres", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withJumpChain(List.of(bastion.id())));
        vault.hosts().save(behind);
        ForwardProfile tunnel = new ForwardProfile(UUID.randomUUID(), "admin panel", bastion.id(), true,
                List.of(new ForwardProfile.Forward(ForwardProfile.Kind.LOCAL, "127.0.0.1", 8080, "localhost", 80)));
        vault.forwardProfiles().save(tunnel);

        HostService.Impact impact = service.impact(List.of(bastion));
        assertThat(impact.tunnels()).containsExactly("admin panel");
        assertThat(impact.jumpingThrough()).containsExactly("db");

        HostService.Deleted deleted = service.delete(List.of(bastion));
        assertThat(vault.hosts().list()).extracting(Host::name).containsExactlyInAnyOrder("web", "db");
        assertThat(vault.forwardProfiles().list()).isEmpty();
        assertThat(vault.hosts().find(behind.id()).orElseThrow().details().jumpChain()).isEmpty();

        service.restore(deleted);
        assertThat(vault.hosts().find(bastion.id())).contains(bastion);
        assertThat(new String(vault.hosts().password(bastion.id()).orElseThrow())).isEqualTo("s3cret");
        assertThat(vault.forwardProfiles().list()).containsExactly(tunnel);
        assertThat(vault.hosts().find(behind.id()).orElseThrow().details().jumpChain()).containsExactly(bastion.id());
        assertThat(vault.hosts().find(web.id())).contains(web);
    }

    @Test
    void severalHostsThatJumpThroughEachOtherComeBackTogether() throws Exception {
        Host first = saved("first", new HostAuth.Password());
        Host second = Host.create("second", "second.example", 22, "deploy", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withJumpChain(List.of(first.id())));
        vault.hosts().save(second);
        HostService.Deleted deleted = service.delete(List.of(second, first));
        assertThat(vault.hosts().list()).isEmpty();
        service.restore(deleted);
        assertThat(vault.hosts().list()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void forgettingAnUndoWipesThePasswordsItHeldAndRestoresWithoutThem() throws Exception {
        Host host = Host.create("db", "db.example", 22, "deploy", new HostAuth.SavedPassword());
        service.save(host, "pw1".toCharArray());
        HostService.Deleted deleted = service.delete(List.of(host));
        deleted.forget();
        service.restore(deleted);
        assertThat(vault.hosts().find(host.id())).contains(host);
        assertThat(vault.hosts().password(host.id())).isEmpty();
    }

    @Test
    void duplicateMakesANewHostWithTheSameFieldsAndPassword() throws Exception {
        Host host = Host.create("db", "db.example", 5432, "deploy", new HostAuth.SavedPassword())
                .withDetails(HostDetails.NONE.withTags(List.of("prod")));
        service.save(host, "pw".toCharArray());
        Host copy = service.duplicate(host);
        assertThat(copy.id()).isNotEqualTo(host.id());
        assertThat(copy.name()).isEqualTo("db (copy)");
        assertThat(copy.details()).isEqualTo(host.details());
        assertThat(vault.hosts().list()).hasSize(2);
        assertThat(new String(vault.hosts().password(copy.id()).orElseThrow())).isEqualTo("pw");
    }

    @Test
    void moveAndSaveWithNewNestedGroups() throws Exception {
        Host a = saved("a", new HostAuth.Password());
        Host b = saved("b", new HostAuth.Password());
        HostGroup prod = HostGroup.create("prod", null);
        HostGroup web = HostGroup.create("web", prod.id());
        Host edited = a.withDetails(a.details().withGroup(web.id()));
        service.save(edited, List.of(prod, web), null);
        assertThat(vault.groups().list()).containsExactlyInAnyOrder(prod, web);
        assertThat(vault.hosts().find(a.id()).orElseThrow().details().groupId()).contains(web.id());

        service.move(List.of(a, b), prod.id());
        assertThat(vault.hosts().list()).allSatisfy(h -> assertThat(h.details().groupId()).contains(prod.id()));
    }

    @Test
    void aHostThatStopsUsingASavedPasswordLosesIt() throws Exception {
        Host host = Host.create("db", "db.example", 22, "deploy", new HostAuth.SavedPassword());
        service.save(host, "pw".toCharArray());
        service.save(host, List.of(), null);
        assertThat(vault.hosts().password(host.id())).isPresent();
        service.save(new Host(host.id(), "db", "db.example", 22, "deploy", new HostAuth.Password()), List.of(), null);
        assertThat(vault.hosts().password(host.id())).isEmpty();
    }

    @Test
    void openingAHostMakesItTheMostRecentlyUsed() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        service.markUsed(a);
        service.markUsed(b);
        service.markUsed(a);
        assertThat(service.recent()).containsExactly(a, b);
        assertThat(service.catalog().recent()).containsExactly(a, b);
    }

    @Test
    void aKeyFileMustExistAndBeAFile() throws Exception {
        Path key = Files.writeString(dir.resolve("id_test"), "not really a key");
        assertThat(HostService.checkKeyFile(key.toString())).isEmpty();
        assertThat(HostService.checkKeyFile(dir.resolve("missing").toString())).hasValueSatisfying(
                m -> assertThat(m).startsWith("No such file: ").contains("missing"));
        assertThat(HostService.checkKeyFile(dir.toString())).hasValueSatisfying(m -> assertThat(m).contains("is not a file"));
        assertThat(HostService.checkKeyFile(" ")).isEqualTo(Optional.of("Choose a private key file"));
    }
}
