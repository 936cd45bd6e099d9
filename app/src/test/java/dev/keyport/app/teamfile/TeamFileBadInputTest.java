package dev.keyport.app.teamfile;

import static dev.keyport.app.teamfile.TeamFileFixtures.PLAIN;
import static dev.keyport.app.teamfile.TeamFileFixtures.WITH_SECRETS;
import static dev.keyport.app.teamfile.TeamFileFixtures.passphrase;
import static dev.keyport.app.teamfile.TeamFileFixtures.service;
import static dev.keyport.app.teamfile.TeamFileFixtures.vault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.syncformat.TeamFileException;
import dev.keyport.vault.Vault;

/** A team file that cannot be imported says why and where, and leaves the vault exactly as it was. */
class TeamFileBadInputTest {

    private static final UUID FILE = TeamFileFixtures.id("file:acme-ops");

    @TempDir
    Path tmp;
    private Vault vault;
    private TeamFileService service;
    private String before;

    @BeforeEach
    void aVaultThatAlreadyHoldsTheTeam() throws Exception {
        vault = vault(tmp.resolve("v"));
        service = service(vault);
        service.apply(service.plan(WITH_SECRETS, passphrase()), ConflictChoice.MINE);
        before = TeamFileFixtures.dump(vault, FILE);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        vault.close();
    }

    private TeamFileException refused(Path file, Optional<char[]> passphrase) throws Exception {
        TeamFileException e = catchThrowableOfType(() -> service.plan(file, passphrase), TeamFileException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(TeamFileFixtures.dump(vault, FILE)).isEqualTo(before);
        return e;
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void brokenJsonSaysWhere() throws Exception {
        TeamFileException e = refused(write("broken.keyport", "{\"format\": \"keyport-team\",\n  \"version\": \"1.0\",\n  nope"), Optional.empty());
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.INVALID);
        assertThat(e.getMessage()).startsWith("The team file is not valid JSON").contains("line 3");
    }

    @Test
    void aWrongOrMissingPassphraseSaysSo() throws Exception {
        TeamFileException wrong = refused(WITH_SECRETS, Optional.of("wrong".toCharArray()));
        assertThat(wrong.kind()).isEqualTo(TeamFileException.Kind.WRONG_PASSPHRASE);
        assertThat(wrong.getMessage()).contains("Nothing was imported");
        assertThat(refused(WITH_SECRETS, Optional.empty()).kind()).isEqualTo(TeamFileException.Kind.PASSPHRASE_REQUIRED);
    }

    @Test
    void aFileChangedAfterItWasExportedIsRefusedAsTampered() throws Exception {
        String text = Files.readString(WITH_SECRETS).replace("\"port\": 2222", "\"port\": 2223");
        TeamFileException e = refused(write("tampered.keyport", text), passphrase());
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TAMPERED);
    }

    @Test
    void aDanglingReferenceNamesItsPlace() throws Exception {
        String text = Files.readString(PLAIN).replace("\"group\": \"b3a048c8-cbe6-3316-880b-f1bb328720f4\"",
                "\"group\": \"00000000-0000-0000-0000-000000000001\"");
        TeamFileException e = refused(write("dangling.keyport", text), Optional.empty());
        assertThat(e.getMessage()).contains("which is not in the team file").contains("(at $.hosts[").contains(".group, line ");
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        byte[] bytes = Files.readAllBytes(PLAIN);
        Path cut = Files.write(tmp.resolve("cut.keyport"), Arrays.copyOf(bytes, bytes.length / 2));
        TeamFileException e = refused(cut, Optional.empty());
        assertThat(e.getMessage()).contains("line");
        Path empty = Files.write(tmp.resolve("empty.keyport"), new byte[0]);
        refused(empty, Optional.empty());
        assertThat(refused(tmp.resolve("absent.keyport"), Optional.empty()).getMessage()).startsWith("There is no team file at");
    }

    @Test
    void somethingThatIsNotATeamFileIsRefused() throws Exception {
        TeamFileException e = refused(write("other.json", new String("{\"format\": \"something-else\"}".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)), Optional.empty());
        assertThat(e.getMessage()).contains("not a Keyport team file");
    }

    @Test
    void aFileTheVaultCannotHoldFailsAsAWholeEvenAfterPartOfItWasWritten() throws Exception {
        // groups are written before hosts; a host name longer than the vault keeps fails afterwards
        Path file = TeamFileFixtures.edited(tmp.resolve("long.keyport"), d -> {
            java.util.List<dev.keyport.syncformat.TeamDocument.Group> groups = new java.util.ArrayList<>(d.groups());
            groups.add(new dev.keyport.syncformat.TeamDocument.Group(UUID.randomUUID(), "New group", Optional.empty()));
            dev.keyport.syncformat.TeamDocument withGroup = new dev.keyport.syncformat.TeamDocument(d.id(), groups, d.hosts(),
                    d.identities(), d.keys(), d.tunnels(), d.trustedHostKeys());
            return TeamFileFixtures.withHost(withGroup, TeamFileFixtures.APP, h -> dev.keyport.syncformat.TeamDocument.Host
                    .builder(TeamFileFixtures.APP, "a".repeat(250), "app.example", "deploy"));
        });
        ImportPlan plan = service.plan(file, Optional.empty());
        assertThat(plan.count(EntityKind.GROUP, ChangeKind.ADDED)).isEqualTo(1);
        // the vault's own field rules refuse the name with its limit, before the database sees it
        IllegalArgumentException e = catchThrowableOfType(() -> service.apply(plan, ConflictChoice.THEIRS),
                IllegalArgumentException.class);
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("Name is too long (250 characters; the limit is 200)");
        assertThat(TeamFileFixtures.dump(vault, FILE)).isEqualTo(before);
    }
}
