package dev.keyport.app.teamfile;

import static dev.keyport.app.teamfile.TeamFileFixtures.APP;
import static dev.keyport.app.teamfile.TeamFileFixtures.BASTION;
import static dev.keyport.app.teamfile.TeamFileFixtures.BASTION_HOST_KEY;
import static dev.keyport.app.teamfile.TeamFileFixtures.DB_PRIMARY;
import static dev.keyport.app.teamfile.TeamFileFixtures.DB_REPLICA;
import static dev.keyport.app.teamfile.TeamFileFixtures.DEPLOY;
import static dev.keyport.app.teamfile.TeamFileFixtures.DEPLOY_KEY;
import static dev.keyport.app.teamfile.TeamFileFixtures.OPS_KEY;
import static dev.keyport.app.teamfile.TeamFileFixtures.PLAIN;
import static dev.keyport.app.teamfile.TeamFileFixtures.POSTGRES;
import static dev.keyport.app.teamfile.TeamFileFixtures.WITH_SECRETS;
import static dev.keyport.app.teamfile.TeamFileFixtures.bytes;
import static dev.keyport.app.teamfile.TeamFileFixtures.edited;
import static dev.keyport.app.teamfile.TeamFileFixtures.passphrase;
import static dev.keyport.app.teamfile.TeamFileFixtures.service;
import static dev.keyport.app.teamfile.TeamFileFixtures.vault;
import static dev.keyport.app.teamfile.TeamFileFixtures.withHost;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.VaultHostKeyStore;
import dev.keyport.syncformat.ReadResult;
import dev.keyport.syncformat.Secret;
import dev.keyport.syncformat.TeamFileReader;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostGroup;
import dev.keyport.vault.Vault;

/** Export and import against real encrypted vaults in a temp dir and sync-format's golden team files. */
class TeamFileServiceTest {

    @TempDir
    Path tmp;

    @Test
    void theGoldenTeamImportsIntoAnEmptyVaultAndExportsBackToTheSameBytes() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            TeamFileService service = service(vault);
            ImportPlan plan = service.plan(PLAIN, Optional.empty());
            assertThat(plan.count(EntityKind.HOST, ChangeKind.ADDED)).isEqualTo(5);
            assertThat(plan.count(EntityKind.GROUP, ChangeKind.ADDED)).isEqualTo(3);
            assertThat(plan.count(ChangeKind.ADDED)).isEqualTo(plan.changes().size());
            assertThat(plan.hasConflicts()).isFalse();
            assertThat(plan.newlyTrusted()).containsExactlyInAnyOrder(
                    "bastion.acme.example:22 ssh-ed25519 SHA256:O44YNOiQRJAItFcEeTSOJt6iZfXDEe/PikUgqYX8Hug",
                    "10.0.1.10:2222 ecdsa-sha2-nistp256 " + ImportPlanner.fingerprint("ecdsa-sha2-nistp256",
                            "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJieas+9E5ozhGiCnFxNRf5It4DjpJlhPRTtc33oPsuUsYhpgtLJU9puNa/5X2+j6LjaVvUchukrqvX0KoFd9Cw="));
            assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).startsWith("2 keys come without a private half"))
                    .anySatisfy(w -> assertThat(w).startsWith("1 host has a saved password that the file does not carry").endsWith("db replica"));
            assertThat(vault.hosts().list()).isEmpty(); // a preview changes nothing

            ImportReport report = service.apply(plan, ConflictChoice.MINE);
            assertThat(report).isEqualTo(new ImportReport(plan.changes().size(), 0, 0, 0, 0, 0));
            Host bastion = vault.hosts().find(BASTION).orElseThrow();
            assertThat(bastion.details().agentForwarding()).isTrue();
            assertThat(bastion.auth()).isEqualTo(new HostAuth.KeyFile("~/.ssh/id_ed25519"));
            assertThat(vault.hosts().find(DB_REPLICA).orElseThrow().details().jumpChain()).containsExactly(BASTION, DB_PRIMARY);
            assertThat(vault.keys().hasPrivateKey(OPS_KEY)).isFalse();

            Path exported = tmp.resolve("again.keyport");
            ExportReport export = service.export(exported, Optional.empty());
            assertThat(bytes(exported)).isEqualTo(bytes(PLAIN));
            assertThat(export).isEqualTo(new ExportReport(exported, 5, 3, 1, 2, 1, 2, false, Files.size(PLAIN)));
        }
    }

    @Test
    void theSecretsOfAFileGoToTheVaultsEncryptedFieldsAndAReExportOverThePreviousFileKeepsItsBytes() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            TeamFileService service = service(vault);
            ImportPlan plan = service.plan(WITH_SECRETS, passphrase());
            assertThat(plan.secretsIncluded()).isTrue();
            assertThat(plan.warnings()).isEmpty();
            service.apply(plan, ConflictChoice.MINE);

            assertThat(vault.hosts().password(DB_REPLICA)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("replica-pw-ü"));
            assertThat(vault.identities().password(DEPLOY)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("deploy-password"));
            assertThat(new String(vault.keys().privateKey(OPS_KEY), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
            assertThat(vault.keys().passphrase(DEPLOY_KEY)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("key-pass"));
            assertThat(vault.keys().passphrase(OPS_KEY)).isEmpty();

            // over a copy of the file it came from: the same bytes, ciphertexts included
            Path previous = Files.copy(WITH_SECRETS, tmp.resolve("team.keyport"));
            ExportReport report = service.export(previous, passphrase());
            assertThat(report.secretsIncluded()).isTrue();
            assertThat(bytes(previous)).isEqualTo(bytes(WITH_SECRETS));

            // to a new file: other ciphertexts, the same team and secrets
            Path fresh = tmp.resolve("fresh.keyport");
            service.export(fresh, passphrase());
            assertThat(bytes(fresh)).isNotEqualTo(bytes(WITH_SECRETS));
            try (ReadResult a = TeamFileReader.read(fresh, passphrase()); ReadResult b = TeamFileReader.read(WITH_SECRETS, passphrase())) {
                assertThat(a.document().canonical()).isEqualTo(b.document().canonical());
                assertThat(a.document().secrets()).hasSize(5);
            }
            // without the passphrase, no secret leaves the vault
            Path plain = tmp.resolve("plain.keyport");
            service.export(plain, Optional.empty());
            assertThat(bytes(plain)).isEqualTo(bytes(PLAIN));
        }
    }

    @Test
    void aVaultBuiltByHandExportsImportsIntoAnEmptyVaultAndExportsAgainToTheSameBytesWithAndWithoutSecrets() throws Exception {
        Path first = tmp.resolve("first.keyport");
        Path firstSecret = tmp.resolve("first-secret.keyport");
        try (Vault vault = vault(tmp.resolve("a"))) {
            TeamFileVaults.populate(vault);
            service(vault).export(first, Optional.empty());
            service(vault).export(firstSecret, passphrase());
        }
        try (Vault vault = vault(tmp.resolve("b"))) {
            TeamFileService service = service(vault);
            service.apply(service.plan(first, Optional.empty()), ConflictChoice.MINE);
            Path second = tmp.resolve("second.keyport");
            service.export(second, Optional.empty());
            assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
        }
        try (Vault vault = vault(tmp.resolve("c"))) {
            TeamFileService service = service(vault);
            service.apply(service.plan(firstSecret, passphrase()), ConflictChoice.MINE);
            Path second = Files.copy(firstSecret, tmp.resolve("second-secret.keyport"));
            service.export(second, passphrase());
            assertThat(Files.readString(second)).isEqualTo(Files.readString(firstSecret));
        }
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndAddsNoDuplicates() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            TeamFileService service = service(vault);
            service.apply(service.plan(WITH_SECRETS, passphrase()), ConflictChoice.MINE);
            String before = TeamFileFixtures.dump(vault, TeamFileFixtures.id("file:acme-ops"));

            for (ConflictChoice choice : ConflictChoice.values()) {
                ImportPlan again = service.plan(WITH_SECRETS, passphrase());
                assertThat(again.hasChanges()).as(again.changes().toString()).isFalse();
                assertThat(again.newlyTrusted()).isEmpty();
                ImportReport report = service.apply(again, choice);
                assertThat(report).isEqualTo(new ImportReport(0, 0, again.changes().size(), 0, 0, 0));
            }
            // the plain file says nothing about secrets: the vault keeps them
            ImportPlan plain = service.plan(PLAIN, Optional.empty());
            assertThat(plain.hasChanges()).as(plain.changes().toString()).isFalse();
            service.apply(plain, ConflictChoice.THEIRS);
            assertThat(TeamFileFixtures.dump(vault, TeamFileFixtures.id("file:acme-ops"))).isEqualTo(before);
        }
    }

    @Test
    void whatTheTeamChangedAndYouDidNotIsUpdatedWithoutAsking() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            TeamFileService service = service(vault);
            service.apply(service.plan(PLAIN, Optional.empty()), ConflictChoice.MINE);
            Path changed = edited(tmp.resolve("changed.keyport"), d -> withHost(d, DB_PRIMARY, h -> h.port(2200).tags(List.of("db"))));

            ImportPlan plan = service.plan(changed, Optional.empty());
            assertThat(plan.changes()).filteredOn(c -> c.change() != ChangeKind.UNCHANGED).singleElement().satisfies(c -> {
                assertThat(c).isEqualTo(new PlannedChange(EntityKind.HOST, DB_PRIMARY, "db primary", ChangeKind.CHANGED,
                        "port 2222 → 2200, tags db,prod → db"));
            });
            ImportReport report = service.apply(plan, ConflictChoice.MINE);
            assertThat(report.changed()).isEqualTo(1);
            assertThat(vault.hosts().find(DB_PRIMARY).orElseThrow().port()).isEqualTo(2200);
            assertThat(service.plan(changed, Optional.empty()).hasChanges()).isFalse();
        }
    }

    @Test
    void whatYouChangedAndTheTeamDidNotStaysYoursAndWhatBothChangedIsAConflict() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            TeamFileService service = importedThenMovedHere(vault);

            ImportPlan same = service.plan(PLAIN, Optional.empty());
            assertThat(same.hasChanges()).isFalse();
            assertThat(same.changes()).filteredOn(c -> c.id().equals(DB_PRIMARY)).singleElement()
                    .satisfies(c -> assertThat(c.detail()).contains("address 10.0.9.9 → 10.0.1.10").contains("yours stays"));
            service.apply(same, ConflictChoice.THEIRS);
            assertThat(vault.hosts().find(DB_PRIMARY).orElseThrow().address()).isEqualTo("10.0.9.9");

            Path changed = edited(tmp.resolve("changed.keyport"), d -> withHost(d, DB_PRIMARY, h -> h.port(2200)));
            ImportPlan conflict = service.plan(changed, Optional.empty());
            assertThat(conflict.hasConflicts()).isTrue();
            assertThat(conflict.changes()).filteredOn(c -> c.change() == ChangeKind.CONFLICT).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo(DB_PRIMARY);
                assertThat(c.detail()).isEqualTo("address 10.0.9.9 → 10.0.1.10, port 2222 → 2200 (changed here too since the last import)");
            });
            ImportReport kept = service.apply(conflict, ConflictChoice.MINE);
            assertThat(kept.conflictsKeptMine()).isEqualTo(1);
            assertThat(vault.hosts().find(DB_PRIMARY).orElseThrow().address()).isEqualTo("10.0.9.9");
            // decided once: the same file does not ask again
            assertThat(service.plan(changed, Optional.empty()).hasConflicts()).isFalse();

            Path changedAgain = edited(tmp.resolve("again.keyport"), d -> withHost(d, DB_PRIMARY, h -> h.port(2201)));
            ImportPlan theirs = service.plan(changedAgain, Optional.empty());
            assertThat(theirs.hasConflicts()).isTrue();
            assertThat(service.apply(theirs, ConflictChoice.THEIRS).conflictsTakenTheirs()).isEqualTo(1);
            Host taken = vault.hosts().find(DB_PRIMARY).orElseThrow();
            assertThat(taken.address()).isEqualTo("10.0.1.10");
            assertThat(taken.port()).isEqualTo(2201);
            assertThat(vault.hosts().list()).hasSize(5);
        }
    }

    @Test
    void bothKeepsYoursAndAddsTheTeamsCopyWhoseReferencesFollowItAndImportingAgainMakesNoMoreCopies() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            TeamFileService service = importedThenMovedHere(vault);
            // the team moves db primary and renames the tunnel through it
            Path changed = edited(tmp.resolve("changed.keyport"),
                    d -> TeamFileFixtures.withTunnelName(withHost(d, DB_PRIMARY, h -> h.port(2200)), "Postgres (new)"));

            ImportPlan plan = service.plan(changed, Optional.empty());
            assertThat(plan.count(EntityKind.HOST, ChangeKind.CONFLICT)).isEqualTo(1);
            assertThat(plan.count(EntityKind.TUNNEL, ChangeKind.CHANGED)).isEqualTo(1);
            ImportReport report = service.apply(plan, ConflictChoice.BOTH);
            assertThat(report.conflictsKeptBoth()).isEqualTo(1);

            List<Host> hosts = vault.hosts().list();
            assertThat(hosts).hasSize(6);
            assertThat(vault.hosts().find(DB_PRIMARY).orElseThrow().address()).isEqualTo("10.0.9.9");
            Host copy = hosts.stream().filter(h -> h.name().equals("db primary (team)")).findFirst().orElseThrow();
            assertThat(copy.id()).isNotEqualTo(DB_PRIMARY);
            assertThat(copy.address()).isEqualTo("10.0.1.10");
            assertThat(copy.port()).isEqualTo(2200);
            assertThat(copy.details().jumpChain()).containsExactly(BASTION);
            ForwardProfile tunnel = vault.forwardProfiles().list().stream().filter(t -> t.id().equals(POSTGRES)).findFirst().orElseThrow();
            assertThat(tunnel.name()).isEqualTo("Postgres (new)");
            assertThat(tunnel.hostId()).isEqualTo(copy.id());

            for (ConflictChoice choice : ConflictChoice.values()) {
                ImportPlan again = service.plan(changed, Optional.empty());
                assertThat(again.hasChanges()).as(again.changes().toString()).isFalse();
                service.apply(again, choice);
            }
            assertThat(vault.hosts().list()).hasSize(6);
            // the team changes it once more: the copy follows, yours stays
            Path later = edited(tmp.resolve("later.keyport"), d -> TeamFileFixtures.withTunnelName(
                    withHost(d, DB_PRIMARY, h -> h.port(2201)), "Postgres (new)"));
            ImportPlan next = service.plan(later, Optional.empty());
            assertThat(next.changes()).filteredOn(c -> c.change() != ChangeKind.UNCHANGED).singleElement()
                    .satisfies(c -> assertThat(c.change()).isEqualTo(ChangeKind.CHANGED));
            service.apply(next, ConflictChoice.MINE);
            assertThat(vault.hosts().find(copy.id()).orElseThrow()).satisfies(h -> {
                assertThat(h.port()).isEqualTo(2201);
                assertThat(h.name()).isEqualTo("db primary (team)");
            });
            assertThat(vault.hosts().find(DB_PRIMARY).orElseThrow().port()).isEqualTo(2222);
        }
    }

    @Test
    void anotherIdWithTheSameNameIsAConflictAndKeepingYoursPointsTheFilesReferencesAtYours() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            HostGroup production = HostGroup.create("production", null);
            vault.groups().save(production);
            Host myBastion = Host.create("Bastion", "bastion.acme.example", 22, "me", new HostAuth.Password());
            vault.hosts().save(myBastion);
            TeamFileService service = service(vault);

            ImportPlan plan = service.plan(PLAIN, Optional.empty());
            assertThat(plan.changes()).filteredOn(c -> c.change() == ChangeKind.CONFLICT).extracting(PlannedChange::entity)
                    .containsExactlyInAnyOrder(EntityKind.GROUP, EntityKind.HOST);
            assertThat(plan.changes()).filteredOn(c -> c.entity() == EntityKind.HOST && c.change() == ChangeKind.CONFLICT).singleElement()
                    .satisfies(c -> assertThat(c.detail()).startsWith("your host Bastion has the same name but another id: name Bastion → bastion, user me → ops"));
            // the group differs only in the case of its name: a conflict too
            assertThat(plan.changes()).filteredOn(c -> c.entity() == EntityKind.GROUP && c.name().equals("Production")).singleElement()
                    .satisfies(c -> assertThat(c.change()).isEqualTo(ChangeKind.CONFLICT));
            service.apply(plan, ConflictChoice.MINE);

            assertThat(vault.hosts().list()).hasSize(5).extracting(Host::name).doesNotContain("bastion");
            assertThat(vault.hosts().find(DB_PRIMARY).orElseThrow().details().jumpChain()).containsExactly(myBastion.id());
            assertThat(vault.hosts().find(myBastion.id()).orElseThrow().username()).isEqualTo("me");
            assertThat(vault.groups().list()).hasSize(3).extracting(HostGroup::name).contains("production");
            assertThat(service.plan(PLAIN, Optional.empty()).hasChanges()).isFalse();
        }
    }

    @Test
    void newServerKeysAreListedThenTrustedAndAKeyThatContradictsYoursIsNeverTrustedSilently() throws Exception {
        String myKey = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        try (Vault vault = vault(tmp.resolve("v"))) {
            vault.hostKeys().add("bastion.acme.example", 22, "ssh-ed25519", myKey);
            TeamFileService service = service(vault);
            VaultHostKeyStore store = new VaultHostKeyStore(vault.hostKeys());

            ImportPlan plan = service.plan(PLAIN, Optional.empty());
            assertThat(plan.newlyTrusted()).singleElement().satisfies(line -> assertThat(line).startsWith("10.0.1.10:2222 ecdsa-sha2-nistp256 SHA256:"));
            assertThat(plan.changes()).filteredOn(c -> c.entity() == EntityKind.TRUSTED_HOST_KEY && c.change() == ChangeKind.CONFLICT)
                    .singleElement().satisfies(c -> {
                        assertThat(c.name()).isEqualTo("bastion.acme.example:22 ssh-ed25519");
                        assertThat(c.detail()).contains("you trust another ssh-ed25519 key for bastion.acme.example:22")
                                .contains("SHA256:O44YNOiQRJAItFcEeTSOJt6iZfXDEe/PikUgqYX8Hug");
                    });
            assertThat(store.trustedKeys("10.0.1.10", 2222)).isEmpty();

            // BOTH cannot keep two keys for one server: yours stays
            ImportReport report = service.apply(plan, ConflictChoice.BOTH);
            assertThat(report.conflictsKeptMine()).isEqualTo(1);
            assertThat(store.trustedKeys("10.0.1.10", 2222)).hasSize(1);
            assertThat(vault.hostKeys().find("bastion.acme.example", 22)).singleElement()
                    .satisfies(k -> assertThat(k.keyData()).isEqualTo(myKey));
            assertThat(vault.hostKeys().find("10.0.1.10", 2222)).singleElement()
                    .satisfies(k -> assertThat(k.source()).isEqualTo("team file team-1.0.keyport"));

            ImportPlan again = service.plan(PLAIN, Optional.empty());
            assertThat(again.count(EntityKind.TRUSTED_HOST_KEY, ChangeKind.CONFLICT)).isEqualTo(1);
            assertThat(service.apply(again, ConflictChoice.THEIRS).conflictsTakenTheirs()).isEqualTo(1);
            assertThat(vault.hostKeys().find("bastion.acme.example", 22)).singleElement()
                    .satisfies(k -> assertThat(k.keyData()).isEqualTo(BASTION_HOST_KEY));
            assertThat(store.trustedKeys("bastion.acme.example", 22)).hasSize(1);
        }
    }

    @Test
    void aPreviewMadeBeforeTheVaultChangedIsRefusedAndAnAppliedPreviewCannotBeAppliedTwice() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            TeamFileService service = service(vault);
            ImportPlan plan = service.plan(PLAIN, Optional.empty());
            vault.hosts().save(Host.create("bastion", "elsewhere.example", 22, "me", new HostAuth.Password()));
            String before = TeamFileFixtures.dump(vault, TeamFileFixtures.id("file:acme-ops"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.apply(plan, ConflictChoice.THEIRS))
                    .isInstanceOf(dev.keyport.vault.VaultException.class)
                    .hasMessageContaining("The vault changed after the preview").hasMessageContaining("Nothing was imported");
            assertThat(TeamFileFixtures.dump(vault, TeamFileFixtures.id("file:acme-ops"))).isEqualTo(before);

            ImportPlan fresh = service.plan(PLAIN, Optional.empty());
            service.apply(fresh, ConflictChoice.MINE);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.apply(fresh, ConflictChoice.MINE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already imported");
        }
    }

    @Test
    void aColleaguesExportOfTheTeamsFileKeepsItsIdAndTheirChangesArriveAsChanges() throws Exception {
        Path team = tmp.resolve("team.keyport");
        Files.copy(PLAIN, team);
        try (Vault lead = vault(tmp.resolve("lead")); Vault colleague = vault(tmp.resolve("colleague"))) {
            service(lead).apply(service(lead).plan(team, Optional.empty()), ConflictChoice.MINE);
            service(colleague).apply(service(colleague).plan(team, Optional.empty()), ConflictChoice.MINE);
            Host app = colleague.hosts().find(APP).orElseThrow();
            colleague.hosts().save(app.withDetails(app.details().withTags(List.of("web"))));
            service(colleague).export(team, Optional.empty());
            try (ReadResult read = TeamFileReader.read(team, Optional.empty())) {
                assertThat(read.document().id()).isEqualTo(TeamFileFixtures.id("file:acme-ops"));
            }

            ImportPlan plan = service(lead).plan(team, Optional.empty());
            assertThat(plan.changes()).filteredOn(c -> c.change() != ChangeKind.UNCHANGED).singleElement()
                    .isEqualTo(new PlannedChange(EntityKind.HOST, APP, "app-1", ChangeKind.CHANGED, "tags (none) → web"));
        }
    }

    @Test
    void unknownFieldsOfANewerMinorVersionAreWarningsWithTheirPlace() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            ImportPlan plan = service(vault).plan(TeamFileFixtures.NEWER_MINOR, Optional.empty());
            assertThat(plan.warnings()).anySatisfy(w -> assertThat(w).startsWith("Unknown field").contains("(at $.").contains("line "));
            plan.close();
        }
    }

    @Test
    void secretsAreWipedWhenAPlanIsClosedOrApplied() throws Exception {
        try (Vault vault = vault(tmp.resolve("v"))) {
            ImportPlan plan = service(vault).plan(WITH_SECRETS, passphrase());
            List<Secret> secrets = plan.contents().read.document().secrets();
            assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(s.bytes()).isNotEqualTo(new byte[s.length()]));
            assertThat(plan.toString()).doesNotContain("replica-pw");
            service(vault).apply(plan, ConflictChoice.MINE);
            assertThat(secrets).allSatisfy(s -> assertThat(s.bytes()).isEqualTo(new byte[s.length()]));
        }
    }

    /** The golden team imported, then db primary moved to 10.0.9.9 in the vault. */
    private static TeamFileService importedThenMovedHere(Vault vault) throws Exception {
        TeamFileService service = service(vault);
        service.apply(service.plan(PLAIN, Optional.empty()), ConflictChoice.MINE);
        Host mine = vault.hosts().find(DB_PRIMARY).orElseThrow();
        vault.hosts().save(new Host(mine.id(), mine.name(), "10.0.9.9", mine.port(), mine.username(), mine.auth(), mine.details()));
        return service;
    }
}
