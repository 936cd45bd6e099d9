package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** Identities in a real vault: hosts follow an edited identity, delete is refused while used unless confirmed. */
class IdentityServiceTest {

    @TempDir
    Path dir;
    private Vault vault;
    private IdentityService identities;
    private CredentialResolver credentials;
    private KeyEntry key;

    @BeforeEach
    void open() throws Exception {
        vault = Vault.create(dir, "test master password".toCharArray(), KdfParameters.FLOOR);
        identities = new IdentityService(vault.identities(), vault.hosts(), vault.keys());
        credentials = new CredentialResolver(vault.hosts(), vault.keys(), vault.identities());
        key = KeyStorage.store(vault.keys(), dev.keyport.terminal.keys.KeyCodec.generate(KeyAlgorithm.ED25519, "k"), "team key");
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private Host hostUsing(String name, Identity identity) throws Exception {
        Host host = Host.create(name, name + ".internal", 22, "nobody", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withIdentity(identity.id()));
        vault.hosts().save(host);
        return host;
    }

    @Test
    void editingAnIdentityChangesHowEveryHostUsingItLogsIn() throws Exception {
        Identity deploy = Identity.create("deploy", "deploy", null);
        char[] password = "first password".toCharArray();
        identities.save(deploy, new IdentityService.Replace(password));
        assertThat(password).containsOnly('\0');
        Host db = hostUsing("db", deploy);
        Host web = hostUsing("web", deploy);

        identities.save(new Identity(deploy.id(), "deploy", "release", Optional.of(key.id())), new IdentityService.Keep());

        for (Host host : new Host[] {db, web}) {
            ConnectionSpec spec = credentials.specFor(host);
            assertThat(spec.username()).isEqualTo("release");
            assertThat(spec.credentials()).hasSize(2);
            assertThat(spec.credentials().get(0)).isInstanceOf(Credential.PrivateKey.class);
            assertThat(spec.credentials().get(1)).isInstanceOfSatisfying(Credential.Password.class,
                    p -> assertThat(new String(p.password())).isEqualTo("first password"));
        }
        assertThat(vault.identities().password(deploy.id()).map(String::new)).contains("first password");
        assertThat(identities.list()).singleElement().satisfies(item -> {
            assertThat(item.keyName()).contains("team key");
            assertThat(item.hasPassword()).isTrue();
            assertThat(item.hosts()).containsExactly("db", "web");
        });

        identities.save(new Identity(deploy.id(), "deploy", "release", Optional.of(key.id())), new IdentityService.Remove());
        assertThat(vault.identities().password(deploy.id())).isEmpty();
        identities.save(new Identity(deploy.id(), "deploy", "release", Optional.of(key.id())),
                new IdentityService.Replace("second".toCharArray()));
        assertThat(vault.identities().password(deploy.id()).map(String::new)).contains("second");
    }

    @Test
    void anIdentityInUseIsDeletedOnlyWhenConfirmedAndItsHostsKeepTheirOwnLogin() throws Exception {
        Identity deploy = Identity.create("deploy", "deploy", key.id());
        identities.save(deploy, new IdentityService.Keep());
        Host db = hostUsing("db", deploy);

        assertThatThrownBy(() -> identities.delete(deploy.id(), false)).isInstanceOf(InUseException.class)
                .hasMessage("Identity deploy is used by 1 host (db). Those hosts would log in with their own user and login again.");
        assertThat(vault.identities().find(deploy.id())).isPresent();

        identities.delete(deploy.id(), true);

        assertThat(vault.identities().list()).isEmpty();
        Host after = vault.hosts().find(db.id()).orElseThrow();
        assertThat(after.details().identityId()).isEmpty();
        assertThat(credentials.specFor(after).username()).isEqualTo("nobody");
    }

    @Test
    void anIdentityWithAKeyThatIsGoneIsRefusedWithWhatToDo() throws Exception {
        Identity identity = new Identity(java.util.UUID.randomUUID(), "ghost", "u", Optional.of(java.util.UUID.randomUUID()));
        assertThatThrownBy(() -> identities.save(identity, new IdentityService.Keep()))
                .hasMessage("The key chosen for ghost is no longer in the vault. Choose another.");
    }
}
