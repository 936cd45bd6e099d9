package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.session.Session;
import dev.keyport.app.testing.OpenSshHosts;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.Identity;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The keys in a real vault: generate, import every format, weak keys, bounded reads, export, delete in use, install on a real sshd. */
class KeyServiceTest {

    @TempDir
    Path dir;
    private Vault vault;
    private KeyportContext context;
    private KeyService keys;

    @BeforeEach
    void open() throws Exception {
        vault = Vault.create(dir.resolve("vault"), "test master password".toCharArray(), KdfParameters.FLOOR);
        context = new KeyportContext(vault, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
        keys = new KeyService(vault.keys(), vault.hosts(), vault.identities(), context.sessions());
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aGeneratedEd25519KeyIsListedWithTypeSizeFullFingerprintAndNoUse() throws Exception {
        KeyEntry entry = keys.generate(KeyAlgorithm.ED25519, "work laptop", null);

        List<KeyService.KeyItem> items = keys.list();
        assertThat(items).hasSize(1);
        KeyService.KeyItem item = items.get(0);
        assertThat(item.entry().name()).isEqualTo("work laptop");
        assertThat(item.entry().type()).isEqualTo("ssh-ed25519");
        assertThat(item.entry().bits()).isEqualTo(256);
        assertThat(item.entry().fingerprint()).startsWith("SHA256:").hasSize(50).isEqualTo(entry.fingerprint());
        assertThat(item.usage().inUse()).isFalse();
        assertThat(item.weakness()).isEmpty();
        assertThat(keys.publicKey(entry.id())).startsWith("ssh-ed25519 AAAA").endsWith(" work laptop").doesNotContain("\n");
    }

    @Test
    void aKeyGeneratedWithAPassphraseIsStoredUnderItAndExportsUnderANewOne() throws Exception {
        char[] passphrase = "gen passphrase".toCharArray();
        KeyEntry entry = keys.generate(KeyAlgorithm.ECDSA_P256, "ecdsa", passphrase);

        assertThat(passphrase).containsOnly('\0');
        assertThat(new String(vault.keys().privateKey(entry.id()), java.nio.charset.StandardCharsets.US_ASCII))
                .contains("BEGIN OPENSSH PRIVATE KEY");
        assertThat(vault.keys().passphrase(entry.id()).map(String::new)).contains("gen passphrase");
        Path exported = dir.resolve("exported");
        keys.exportPrivate(entry.id(), exported, "export pass".toCharArray());
        assertThat(OpenSshServer.run("ssh-keygen", "-y", "-P", "export pass", "-f", exported.toString()).strip())
                .isEqualTo(entry.publicKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519/openssh", "rsa-2048/pem", "ecdsa/pkcs8", "rsa-2048/pkcs8", "ed25519/ppk", "rsa-2048/ppk"})
    void everyFormatTheSessionLayerReadsImportsAndAnEncryptedOneAsksForItsPassphrase(String typeAndFormat) throws Exception {
        String[] p = typeAndFormat.split("/");
        Path key = KeyFixtures.make(dir.resolve("keys"), p[0], p[1], true);
        String expected = KeyFixtures.fingerprint(Path.of(key + ".pub"));

        assertThatThrownBy(() -> keys.importFile(key, null, null))
                .isInstanceOfSatisfying(KeyCodecException.class, e -> assertThat(e.reason()).isEqualTo(KeyCodecException.Reason.PASSPHRASE_NEEDED))
                .hasMessage(key + " is encrypted: its passphrase is needed to import it.");
        assertThatThrownBy(() -> keys.importFile(key, null, "not the passphrase".toCharArray()))
                .isInstanceOfSatisfying(KeyCodecException.class, e -> assertThat(e.reason()).isEqualTo(KeyCodecException.Reason.WRONG_PASSPHRASE))
                .hasMessage("Wrong passphrase for " + key + ".");
        assertThat(keys.list()).isEmpty();

        KeyService.Imported imported = keys.importFile(key, null, KeyFixtures.PASSPHRASE.toCharArray());

        assertThat(imported.entry().fingerprint()).isEqualTo(expected);
        assertThat(imported.entry().name()).isEqualTo(key.getFileName().toString());
        assertThat(imported.entry().comment()).isEqualTo(key.getFileName().toString()); // from FILE.pub
        assertThat(imported.warning()).isEmpty();
        assertThat(keys.list()).extracting(i -> i.entry().fingerprint()).containsExactly(expected);
    }

    @Test
    void aPastedKeyImportsAndAPastedPublicKeyIsRefusedWithWhatToDo() throws Exception {
        Path key = KeyFixtures.make(dir.resolve("keys"), "ed25519", "openssh", false);
        KeyService.Imported imported = keys.importKey(Files.readAllBytes(key), "The pasted key", "pasted key", "pasted key", null);
        assertThat(imported.entry().fingerprint()).isEqualTo(KeyFixtures.fingerprint(Path.of(key + ".pub")));

        assertThatThrownBy(() -> keys.importKey(Files.readAllBytes(Path.of(key + ".pub")), "The pasted key", "pub", "", null))
                .isInstanceOf(KeyCodecException.class)
                .hasMessageStartingWith("The pasted key is a public key. Keyport keeps private keys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-1024", "dsa"})
    void anRsaKeyUnder2048BitsOrADsaKeyImportsWithAWarningAndIsListedAsWeak(String type) throws Exception {
        Path key = KeyFixtures.make(dir.resolve("keys"), type, "openssh", false);

        KeyService.Imported imported = keys.importFile(key, "old key", null);

        String expected = type.equals("dsa")
                ? "Weak: DSA keys are limited to 1024 bits and SHA-1, and current OpenSSH servers refuse them. Generate an ed25519 key and use it instead."
                : "Weak: RSA keys under 2048 bits (this one has 1024) can be broken. Generate an ed25519 key and use it instead.";
        assertThat(imported.warning()).contains(expected);
        assertThat(keys.list()).singleElement().satisfies(i -> assertThat(i.weakness()).contains(expected));
        assertThat(KeyService.weakness("ssh-rsa", 2048)).isEmpty();
        assertThat(KeyService.weakness("ecdsa-sha2-nistp256", 256)).isEmpty();
    }

    @Test
    void aKeyFileOverOneMebibyteOrAnEndlessOneIsRefusedWithTheLimit() throws Exception {
        Path big = dir.resolve("big key");
        Files.write(big, new byte[BoundedFile.KEY.limit() + 1]);

        assertThatThrownBy(() -> keys.importFile(big, null, null)).isInstanceOf(IOException.class)
                .hasMessage(big + " is too large for a key (limit 1 MiB)");
        assertThatThrownBy(() -> keys.importFile(Path.of("/dev/zero"), null, null)).isInstanceOf(IOException.class)
                .hasMessage("/dev/zero is too large for a key (limit 1 MiB)");
        assertThatThrownBy(() -> keys.importFile(dir.resolve("missing"), null, null)).isInstanceOf(IOException.class)
                .hasMessage("There is no file " + dir.resolve("missing") + ".");
        assertThatThrownBy(() -> keys.importFile(dir, null, null)).isInstanceOf(IOException.class)
                .hasMessage(dir + " is a folder, not a key file.");
        Files.write(big, new byte[BoundedFile.KEY.limit()]);
        assertThat(BoundedFile.read(big, BoundedFile.KEY)).hasSize(1024 * 1024);
    }

    @Test
    void aKeyInUseIsNotDeletedAndTheRefusalNamesItsHostsAndIdentities() throws Exception {
        KeyEntry key = keys.generate(KeyAlgorithm.ED25519, "shared", null);
        Host db = Host.create("db", "db.internal", 22, "admin", new HostAuth.VaultKey(key.id()));
        vault.hosts().save(db);
        Identity deploy = Identity.create("deploy", "deploy", key.id());
        vault.identities().save(deploy, null);
        Host web = Host.create("web", "web.internal", 22, "root", new HostAuth.Password())
                .withDetails(HostDetails.NONE.withIdentity(deploy.id()));
        vault.hosts().save(web);

        assertThat(keys.list().get(0).usage()).isEqualTo(new KeyService.KeyUsage(List.of("db", "web"), List.of("deploy")));
        assertThatThrownBy(() -> keys.delete(key.id())).isInstanceOf(InUseException.class)
                .hasMessage("Key shared is used by 2 hosts (db, web) and 1 identity (deploy). Choose another key for them first, then delete it.");
        assertThat(vault.keys().find(key.id())).isPresent();

        vault.hosts().delete(db.id());
        vault.hosts().delete(web.id());
        vault.identities().delete(deploy.id());
        keys.delete(key.id());
        assertThat(keys.list()).isEmpty();
    }

    @Test
    void theExportedPrivateKeyIsOwnerOnlyUnderItsPassphraseAndNoFileIsOverwritten() throws Exception {
        KeyEntry key = keys.generate(KeyAlgorithm.RSA_3072, "rsa", null);
        Path file = dir.resolve("id_rsa");

        assertThatThrownBy(() -> keys.exportPrivate(key.id(), file, new char[0])).isInstanceOf(IOException.class)
                .hasMessage("Choose a passphrase for the exported key: a private key file is never written unprotected.");
        assertThat(file).doesNotExist();
        char[] passphrase = "export pass".toCharArray();
        keys.exportPrivate(key.id(), file, passphrase);

        assertThat(passphrase).containsOnly('\0');
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(OpenSshServer.run("ssh-keygen", "-y", "-P", "export pass", "-f", file.toString()).strip())
                .isEqualTo(key.publicKey());
        assertThatThrownBy(() -> keys.exportPrivate(key.id(), file, "again".toCharArray())).isInstanceOf(IOException.class)
                .hasMessage(file + " already exists; Keyport does not overwrite key files. Choose another name.");

        Path pub = dir.resolve("id_rsa.pub");
        keys.exportPublic(key.id(), pub);
        assertThat(Files.readString(pub)).isEqualTo(key.publicKey() + "\n");
        assertThat(KeyFixtures.fingerprint(pub)).isEqualTo(key.fingerprint());
    }

    @Test
    void installOnAHostAddsTheKeyOnceAndAHostUsingTheKeyThenLogsIn() throws Exception {
        String user = "kpkeysuser";
        String password = "Kp-keys-correct-horse";
        OpenSshServer.run("sh", "-c", "id " + user + " >/dev/null 2>&1 || useradd -m -s /bin/sh " + user);
        OpenSshServer.run("sh", "-c", "echo '" + user + ":" + password + "' | chpasswd; rm -rf ~" + user + "/.ssh");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of("PasswordAuthentication yes",
                "AuthorizedKeysFile .ssh/authorized_keys"))) {
            context.hostKeys().trust("127.0.0.1", sshd.port(), OpenSshHosts.hostKey(sshd));
            Host withPassword = Host.create("box", "127.0.0.1", sshd.port(), user, new HostAuth.SavedPassword());
            vault.hosts().save(withPassword);
            vault.hosts().savePassword(withPassword.id(), password.toCharArray());
            KeyEntry key = keys.generate(KeyAlgorithm.ED25519, "new key", null);

            assertThat(keys.installOn(key.id(), withPassword)).isTrue();
            assertThat(keys.installOn(key.id(), withPassword)).isFalse();

            Path home = Path.of(OpenSshServer.run("sh", "-c", "getent passwd " + user + " | cut -d: -f6").trim());
            assertThat(Files.readAllLines(home.resolve(".ssh/authorized_keys"))).containsExactly(key.publicKey());
            Host withKey = Host.create("box by key", "127.0.0.1", sshd.port(), user, new HostAuth.VaultKey(key.id()));
            vault.hosts().save(withKey);
            try (Session session = context.sessions().connect(withKey)) {
                assertThat(session.connection().orElseThrow().exec("id -un", null, Duration.ofSeconds(20)).stdoutText())
                        .isEqualTo(user + "\n");
            }
            assertThat(sshd.log()).contains("Accepted publickey for " + user);
        }
    }

    @Test
    void installOnAHostThatRefusesTheLoginSaysSo() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of())) {
            context.hostKeys().trust("127.0.0.1", sshd.port(), OpenSshHosts.hostKey(sshd));
            KeyEntry notAuthorized = keys.generate(KeyAlgorithm.ED25519, "stranger", null);
            Host host = Host.create("locked box", "127.0.0.1", sshd.port(), "root", new HostAuth.VaultKey(notAuthorized.id()));
            vault.hosts().save(host);
            KeyEntry key = keys.generate(KeyAlgorithm.ED25519, "new key", null);

            assertThatThrownBy(() -> keys.installOn(key.id(), host)).isInstanceOf(dev.keyport.terminal.SshFailure.class)
                    .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception"));
        }
    }

    @Test
    void anUnknownKeyIdSaysItIsGone() {
        assertThatThrownBy(() -> keys.delete(UUID.randomUUID())).hasMessage("That key is no longer in the vault.");
    }
}
