package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record carries a MAC: a change made outside Keyport is refused by name, never read as data. */
class RecordAuthenticationTest {

    @TempDir
    Path dir;

    private final HostGroup prod = HostGroup.create("Prod", null);
    private final KeyEntry key = new KeyEntry(UUID.randomUUID(), "deploy key", "ssh-ed25519", 256, "SHA256:abcdefghijklmnop",
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA deploy@ci", "deploy@ci", Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final Identity ops = Identity.create("ops", "ops", key.id());
    private final Host bastion = Host.create("bastion", "bastion.example", 22, "jump", new HostAuth.Password());
    private final Host db1 = Host.create("db1", "10.0.0.7", 5432, "postgres", new HostAuth.SavedPassword())
            .withDetails(new HostDetails(Optional.of(prod.id()), Optional.of(ops.id()), List.of("sql", "prod"), List.of(bastion.id()),
                    30, HostKeyPolicy.STRICT, true, "primary; call Ann before restarting", true));
    private final ForwardProfile tunnel = new ForwardProfile(UUID.randomUUID(), "db tunnel", db1.id(), true, List.of(
            new ForwardProfile.Forward(ForwardProfile.Kind.LOCAL, "127.0.0.1", 15432, "localhost", 5432)));

    private void fill(Vault vault) throws VaultException {
        vault.groups().save(prod);
        vault.keys().save(key, "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n".getBytes(), "key pass".toCharArray());
        vault.identities().save(ops, "identity pw".toCharArray());
        vault.hosts().save(bastion);
        vault.hosts().save(db1);
        vault.hosts().savePassword(db1.id(), "host pw".toCharArray());
        vault.forwardProfiles().save(tunnel);
        vault.settings().put("auto-lock-minutes", "10");
        vault.hostKeys().add("db1.example", 22, "ssh-ed25519", "AAAAC3NzaC1lZDI1NTE5AAAAIKey", "imported");
        vault.teamImports().save(new ImportedEntity(UUID.randomUUID(), UUID.randomUUID(), "host", db1.id(), Optional.empty(), "fp"));
    }

    /** Everything a person can read from the vault, secrets included, as one comparable value. */
    private static List<Object> everything(Vault vault) throws VaultException {
        List<Object> all = new ArrayList<>();
        all.add(vault.hosts().list());
        for (Host host : vault.hosts().list()) {
            all.add(vault.hosts().find(host.id()));
            all.add(vault.hosts().password(host.id()).map(String::new));
        }
        all.add(vault.groups().list());
        all.add(vault.identities().list());
        for (Identity identity : vault.identities().list()) {
            all.add(vault.identities().find(identity.id()));
            all.add(vault.identities().password(identity.id()).map(String::new));
        }
        all.add(vault.keys().list());
        for (KeyEntry k : vault.keys().list()) {
            all.add(vault.keys().find(k.id()));
            all.add(vault.keys().hasPrivateKey(k.id()));
            all.add(Arrays.toString(vault.keys().privateKey(k.id())));
            all.add(vault.keys().passphrase(k.id()).map(String::new));
        }
        all.add(vault.forwardProfiles().list());
        all.add(vault.hostKeys().list());
        all.add(vault.settings().get("auto-lock-minutes"));
        return all;
    }

    /** Changes a stored column the way a byte flip could, with the seal trigger out of the way for that one statement. */
    private static void tamper(Vault vault, String table, String update) throws Exception {
        synchronized (vault.db()) {
            try (Statement st = vault.db().connection().createStatement()) {
                st.execute("DROP TRIGGER " + table + "_seal");
                st.execute(update);
                st.execute("CREATE TRIGGER " + table + "_seal BEFORE INSERT, UPDATE ON " + table
                        + " FOR EACH ROW CALL '" + SealTrigger.class.getName() + "'");
            }
        }
    }

    @Test
    void everyKindOfRecordRoundTripsThroughTheCheckAndCascadedChangesAreSealedToo() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            fill(vault);
        }
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            assertThat(vault.hosts().find(db1.id())).contains(db1);
            assertThat(vault.forwardProfiles().list()).containsExactly(tunnel);
            // deleting a group, identity or key changes the rows that point at them (ON DELETE SET NULL)
            vault.groups().delete(prod.id());
            vault.keys().delete(key.id());
            vault.identities().delete(ops.id());
            vault.hosts().delete(bastion.id()); // and cascades to the jump chain
        }
        try (Vault vault = TestVaults.unlock(dir, "pw")) {
            Host left = vault.hosts().find(db1.id()).orElseThrow();
            assertThat(left.details().groupId()).isEmpty();
            assertThat(left.details().identityId()).isEmpty();
            assertThat(left.details().jumpChain()).isEmpty();
            assertThat(vault.hosts().password(db1.id())).map(String::new).contains("host pw");
        }
    }

    @Test
    void aChangedFieldIsNamedByTableAndIdOnReadAndOnOpenAndNothingIsWritten() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            fill(vault);
            tamper(vault, "host", "UPDATE host SET address = 'evil.example' WHERE id = '" + db1.id() + "'");

            assertThatThrownBy(() -> vault.hosts().find(db1.id()))
                    .isInstanceOf(TamperedRecordException.class)
                    .hasMessageContaining("The vault record host " + db1.id() + " was changed outside Keyport")
                    .hasMessageContaining("keyport vault restore")
                    .hasMessageNotContaining("evil.example");
            assertThatThrownBy(() -> vault.hosts().list()).isInstanceOf(TamperedRecordException.class);
            // a write that keeps the other columns would make the changed address valid again: refused
            assertThatThrownBy(() -> vault.hosts().savePassword(db1.id(), "new".toCharArray()))
                    .isInstanceOf(TamperedRecordException.class)
                    .hasMessageContaining("host " + db1.id());
            synchronized (vault.db()) {
                try (Statement st = vault.db().connection().createStatement();
                        var rs = st.executeQuery("SELECT address FROM host WHERE id = '" + db1.id() + "'")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("evil.example");
                }
            }
        }
        assertThatThrownBy(() -> TestVaults.unlock(dir, "pw"))
                .isInstanceOf(TamperedRecordException.class)
                .hasMessageContaining("host " + db1.id());
    }

    @Test
    void aRecordCopiedOverAnotherOrASecretMovedBetweenRowsIsRefused() throws Exception {
        try (Vault vault = TestVaults.create(dir, "pw")) {
            fill(vault);
            // a whole row's columns, MAC included, copied onto another row (only the id differs)
            tamper(vault, "host", "UPDATE host h SET (name, address, port, username, mac) = (SELECT name, address, port, username, mac"
                    + " FROM host WHERE id = '" + db1.id() + "') WHERE id = '" + bastion.id() + "'");
            assertThatThrownBy(() -> vault.hosts().find(bastion.id()))
                    .isInstanceOf(TamperedRecordException.class).hasMessageContaining("host " + bastion.id());
        }
        Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        try (Vault vault = TestVaults.create(dir, "pw")) {
            fill(vault);
            tamper(vault, "setting", "UPDATE setting SET setting_value = '100000' WHERE name = 'auto-lock-minutes'");
            assertThatThrownBy(() -> vault.settings().get("auto-lock-minutes"))
                    .isInstanceOf(TamperedRecordException.class).hasMessageContaining("setting auto-lock-minutes");
        }
    }

    /**
     * H2's XTS turns a changed byte into a garbled block without an error. Flip bytes all over the
     * file, one copy per offset: each open must refuse with a message or give back exactly what was saved.
     */
    @Test
    void flippingAByteAnywhereInTheFileEitherRefusesWithAMessageOrReturnsTheOriginalData() throws Exception {
        Path original = dir.resolve("original");
        List<Object> expected;
        try (Vault vault = TestVaults.create(original, "pw")) {
            fill(vault);
            for (int i = 0; i < 20; i++) {
                vault.hosts().save(Host.create("web" + i, "web" + i + ".example", 22, "www", new HostAuth.Password()));
            }
            expected = everything(vault);
        }
        byte[] file = Files.readAllBytes(original.resolve(Vault.DB_FILE));
        byte[] header = Files.readAllBytes(original.resolve("vault.header"));
        Random random = new Random(15);
        int tries = 160;
        int refused = 0;
        int intact = 0;
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            // spread over the whole file, with a random place inside each stretch
            long stretch = file.length / tries;
            int offset = (int) (i * stretch + random.nextInt((int) Math.max(1, stretch)));
            byte[] copy = file.clone();
            copy[offset] ^= (byte) (1 + random.nextInt(255));
            Path trial = dir.resolve("flip-" + offset);
            Files.createDirectories(trial);
            Files.write(trial.resolve(Vault.DB_FILE), copy);
            Files.write(trial.resolve("vault.header"), header);
            try (Vault vault = TestVaults.unlock(trial, "pw")) {
                List<Object> seen = everything(vault);
                assertThat(seen).as("data read after flipping the byte at offset %d of %d", offset, file.length).isEqualTo(expected);
                intact++;
            } catch (VaultException e) {
                assertThat(e.getMessage()).as("message after flipping offset %d", offset).isNotBlank()
                        .doesNotContain("SQL statement").doesNotContain("Exception");
                messages.add(e.getMessage());
                refused++;
            }
            Files.walk(trial).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.printf("Byte flips in a %d-byte vault: %d refused with a message, %d read back intact%n", file.length, refused, intact);
        assertThat(refused + intact).isEqualTo(tries);
        assertThat(messages).isNotEmpty();
    }
}
