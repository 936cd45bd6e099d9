package dev.keyport.syncformat;

import static dev.keyport.syncformat.GoldenDocuments.NEWER_MINOR;
import static dev.keyport.syncformat.GoldenDocuments.PLAIN;
import static dev.keyport.syncformat.GoldenDocuments.WITH_SECRETS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.keyport.syncformat.TeamDocument.Auth;
import dev.keyport.syncformat.TeamDocument.Host;

/** The committed 1.0 golden files: what they read as, and that writing gives their bytes back. */
class GoldenFilesTest {

    private static final SecretsPolicy GOLDEN_SECRETS = SecretsPolicy.include(GoldenDocuments.passphrase(), KdfParameters.FLOOR);

    @Test
    void theFileWithoutSecretsReadsAsTheGoldenTeamWithoutWarnings() throws Exception {
        try (ReadResult result = TeamFiles.read(GoldenDocuments.golden(PLAIN), Optional.empty())) {
            assertThat(result.document()).isEqualTo(GoldenDocuments.team().canonical());
            assertThat(result.warnings()).isEmpty();
            assertThat(result.document().secrets()).isEmpty();
        }
    }

    @Test
    void writingTheGoldenTeamGivesTheGoldenBytes() throws Exception {
        assertThat(TeamFileWriter.write(GoldenDocuments.team(), SecretsPolicy.omit(), Optional.empty()))
                .isEqualTo(GoldenDocuments.golden(PLAIN));
    }

    @Test
    void readThenWriteGivesTheSameBytes() throws Exception {
        byte[] golden = GoldenDocuments.golden(PLAIN);
        try (ReadResult result = TeamFiles.read(golden, Optional.empty())) {
            assertThat(TeamFileWriter.write(result.document(), SecretsPolicy.omit(), Optional.empty())).isEqualTo(golden);
        }
    }

    @Test
    void theFileWithSecretsReadsWithItsPassphraseToTheTeamAndItsSecrets() throws Exception {
        try (ReadResult result = TeamFiles.read(GoldenDocuments.golden(WITH_SECRETS), Optional.of(GoldenDocuments.passphrase()))) {
            TeamDocument team = result.document();
            assertThat(team).isEqualTo(GoldenDocuments.teamWithSecrets().canonical());
            Host replica = team.hosts().stream().filter(h -> h.id().equals(GoldenDocuments.DB_REPLICA)).findFirst().orElseThrow();
            char[] password = ((Auth.SavedPassword) replica.auth()).password().orElseThrow().chars();
            assertThat(new String(password)).isEqualTo("replica-pw-ü");
            assertThat(team.keys().get(0).privateKey().orElseThrow().bytes()).startsWith(
                    "-----BEGIN OPENSSH PRIVATE KEY-----".getBytes(StandardCharsets.US_ASCII));
            assertThat(result.warnings()).isEmpty();
        }
    }

    @Test
    void readThenWriteWithThePreviousFileKeepsEveryCiphertextAndGivesTheSameBytes() throws Exception {
        byte[] golden = GoldenDocuments.golden(WITH_SECRETS);
        try (ReadResult result = TeamFiles.read(golden, Optional.of(GoldenDocuments.passphrase()))) {
            assertThat(TeamFileWriter.write(result.document(), GOLDEN_SECRETS, Optional.of(golden))).isEqualTo(golden);
        }
    }

    @Test
    void aChangedSecretGetsANewCiphertextWhileTheOthersStay() throws Exception {
        byte[] golden = GoldenDocuments.golden(WITH_SECRETS);
        TeamDocument team = GoldenDocuments.teamWithSecrets();
        List<Host> hosts = team.hosts().stream().map(h -> h.id().equals(GoldenDocuments.DB_REPLICA)
                ? h.toBuilder().auth(new Auth.SavedPassword(Optional.of(Secret.ofChars("rotated".toCharArray())))).build()
                : h).toList();
        TeamDocument changed = new TeamDocument(team.id(), team.groups(), hosts, team.identities(), team.keys(),
                team.tunnels(), team.trustedHostKeys());

        byte[] written = TeamFileWriter.write(changed, GOLDEN_SECRETS, Optional.of(golden));

        List<String> before = lines(golden);
        List<String> after = lines(written);
        assertThat(after).hasSameSizeAs(before);
        List<Integer> differing = new java.util.ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                differing.add(i);
            }
        }
        // the MAC, and the replaced password's nonce and ciphertext
        assertThat(differing).hasSize(3);
        assertThat(after.get(differing.get(0))).contains("\"mac\"");
        assertThat(after.get(differing.get(1))).contains("\"nonce\"");
        assertThat(after.get(differing.get(2))).contains("\"ciphertext\"");
        try (ReadResult result = TeamFiles.read(written, Optional.of(GoldenDocuments.passphrase()))) {
            assertThat(result.document()).isEqualTo(changed.canonical());
        }
    }

    @Test
    void withoutThePreviousFileEveryExportIsFreshlyEncryptedAndStillReads() throws Exception {
        byte[] first = TeamFileWriter.write(GoldenDocuments.teamWithSecrets(), GOLDEN_SECRETS, Optional.empty());
        byte[] second = TeamFileWriter.write(GoldenDocuments.teamWithSecrets(), GOLDEN_SECRETS, Optional.empty());
        assertThat(first).isNotEqualTo(second);
        try (ReadResult result = TeamFiles.read(second, Optional.of(GoldenDocuments.passphrase()))) {
            assertThat(result.document()).isEqualTo(GoldenDocuments.teamWithSecrets().canonical());
        }
    }

    @Test
    void aPreviousFileUnderAnotherPassphraseIsNotReused() throws Exception {
        byte[] golden = GoldenDocuments.golden(WITH_SECRETS);
        SecretsPolicy other = SecretsPolicy.include("another passphrase".toCharArray(), KdfParameters.FLOOR);
        byte[] written = TeamFileWriter.write(GoldenDocuments.teamWithSecrets(), other, Optional.of(golden));
        assertThat(written).isNotEqualTo(golden);
        try (ReadResult result = TeamFiles.read(written, Optional.of("another passphrase".toCharArray()))) {
            assertThat(result.document()).isEqualTo(GoldenDocuments.teamWithSecrets().canonical());
        }
    }

    @Test
    void writingWithoutSecretsLeavesThemOutAndNeedsNoPassphrase() throws Exception {
        byte[] written = TeamFileWriter.write(GoldenDocuments.teamWithSecrets(), SecretsPolicy.omit(), Optional.empty());
        assertThat(written).isEqualTo(GoldenDocuments.golden(PLAIN));
        String text = new String(written, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("protection", "ciphertext", "privateKey", "\"passphrase\"");
    }

    @Test
    void aNewerMinorVersionReadsWithItsUnknownFieldsAsWarningsWithTheirPlace() throws Exception {
        String text = TeamFiles.text(NEWER_MINOR);
        try (ReadResult result = TeamFiles.read(text)) {
            assertThat(result.document()).isEqualTo(GoldenDocuments.team().canonical());
            assertThat(result.warnings()).extracting(w -> w.location().path())
                    .containsExactlyInAnyOrder("$.hosts[0].color", "$.snippets");
            TeamFileWarning color = result.warnings().stream()
                    .filter(w -> w.location().path().equals("$.hosts[0].color")).findFirst().orElseThrow();
            assertThat(color.message()).isEqualTo("Unknown field \"color\" was ignored (the file is version 1.1, from a"
                    + " newer Keyport; this one reads 1.0)");
            assertThat(color.location().line()).isEqualTo(TeamFiles.lineOf(text, "\"color\""));
            assertThat(color.location().column()).isEqualTo(16);
            // written again by this Keyport: version 1.0, the unknown fields gone
            assertThat(TeamFileWriter.write(result.document(), SecretsPolicy.omit(), Optional.empty()))
                    .isEqualTo(GoldenDocuments.golden(PLAIN));
        }
    }

    @Test
    void theCanonicalFormIsTwoSpaceIndentedLfWithAFinalNewlineAndStableAcrossWrites() throws Exception {
        byte[] once = TeamFileWriter.write(GoldenDocuments.team(), SecretsPolicy.omit(), Optional.empty());
        byte[] twice = TeamFileWriter.write(GoldenDocuments.team(), SecretsPolicy.omit(), Optional.empty());
        assertThat(once).isEqualTo(twice);
        String text = new String(once, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").endsWith("}\n").startsWith("{\n  \"format\": \"keyport-team\",\n");
        assertThat(text.lines()).allMatch(line -> (line.length() - line.stripLeading().length()) % 2 == 0);
    }

    @Test
    void listsAreWrittenSortedByIdWhateverTheirOrderInTheDocument() throws Exception {
        TeamDocument team = GoldenDocuments.team();
        TeamDocument reversed = new TeamDocument(team.id(), reverse(team.groups()), reverse(team.hosts()),
                reverse(team.identities()), reverse(team.keys()), reverse(team.tunnels()), reverse(team.trustedHostKeys()));
        assertThat(TeamFileWriter.write(reversed, SecretsPolicy.omit(), Optional.empty()))
                .isEqualTo(GoldenDocuments.golden(PLAIN));
    }

    @Test
    void closingTheResultWipesTheSecretsAndNoSecretShowsInToString() throws Exception {
        ReadResult result = TeamFiles.read(GoldenDocuments.golden(WITH_SECRETS), Optional.of(GoldenDocuments.passphrase()));
        assertThat(result.toString()).doesNotContain("replica-pw", "deploy-password", "key-pass", "OPENSSH PRIVATE")
                .contains("Secret[***]");
        List<Secret> secrets = result.document().secrets();
        assertThat(secrets).hasSize(5);
        result.close();
        assertThat(secrets).allMatch(s -> Arrays.equals(s.bytes(), new byte[s.length()]));
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }

    private static <T> List<T> reverse(List<T> items) {
        List<T> copy = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
