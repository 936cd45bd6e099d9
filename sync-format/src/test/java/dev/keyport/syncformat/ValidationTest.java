package dev.keyport.syncformat;

import static dev.keyport.syncformat.GoldenDocuments.PLAIN;
import static dev.keyport.syncformat.TeamFiles.failure;
import static dev.keyport.syncformat.TeamFiles.lineOf;
import static dev.keyport.syncformat.TeamFiles.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.keyport.syncformat.TeamDocument.Host;

/** What the reader (and the writer, which checks its own output) says about a file that breaks a rule. */
class ValidationTest {

    private final String golden = TeamFiles.text(PLAIN);

    @Test
    void anUnknownMajorVersionIsRefusedNamingBothVersions() {
        TeamFileException e = failure(replaceOnce(golden, "\"version\": \"1.0\"", "\"version\": \"2.0\""), false);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.UNSUPPORTED_VERSION);
        assertThat(e.reason()).isEqualTo("This team file is version 2.0; this Keyport reads version 1.x."
                + " Update Keyport to import it.");
        assertThat(failure(replaceOnce(golden, "\"version\": \"1.0\"", "\"version\": \"0.9\""), false).reason())
                .isEqualTo("This team file is version 0.9; this Keyport reads version 1.x.");
    }

    @Test
    void aMajorVersionIsRefusedEvenWhenTheRestIsShapedDifferently() {
        TeamFileException e = failure("{\"format\": \"keyport-team\", \"version\": \"3.2\", \"hosts\": {\"a\": 1}}", false);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.UNSUPPORTED_VERSION);
    }

    @Test
    void aFileThatIsNotATeamFileSaysSo() {
        assertThat(failure("{\"name\": \"x\"}", false).reason())
                .isEqualTo("This is not a Keyport team file: it needs \"format\": \"keyport-team\"");
        assertThat(failure("[]", false).reason()).isEqualTo("A team file must be a JSON object");
        assertThat(failure("", false).reason()).isEqualTo("The team file is empty.");
        assertThat(failure(replaceOnce(golden, "\"version\": \"1.0\"", "\"version\": 1.0"), false).reason())
                .isEqualTo("\"version\" must be a string such as \"1.0\"");
        assertThat(failure(replaceOnce(golden, "\"version\": \"1.0\"", "\"version\": \"1\""), false).reason())
                .startsWith("\"version\" must be major.minor");
    }

    @Test
    void aTruncatedFileGivesJacksonsLineAndColumn() {
        String truncated = golden.substring(0, golden.indexOf("\"hosts\"") + 40);
        TeamFileException e = failure(truncated, false);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.INVALID);
        assertThat(e.reason()).startsWith("The team file is not valid JSON: Unexpected end-of-input");
        assertThat(e.location().orElseThrow().line()).isEqualTo(truncated.split("\n", -1).length);
    }

    @Test
    void malformedJsonGivesTheLineAndColumnOfTheMistake() {
        String broken = replaceOnce(golden, "\"name\": \"Staging\"", "\"name\": \"Staging\" \"x\"");
        TeamFileException e = failure(broken, false);
        assertThat(e.reason()).startsWith("The team file is not valid JSON: Unexpected character");
        assertThat(e.location().orElseThrow().line()).isEqualTo(lineOf(broken, "\"Staging\""));
        assertThat(e.getMessage()).contains("(at line " + lineOf(broken, "\"Staging\"") + ", column ");
    }

    @Test
    void aDanglingReferenceIsAnErrorWithItsPathLineAndColumn() {
        String stranger = UUID.nameUUIDFromBytes("nobody".getBytes()).toString();
        String text = replaceOnce(golden, "\"parent\": \"" + GoldenDocuments.PRODUCTION + "\"", "\"parent\": \"" + stranger + "\"");
        TeamFileException e = failure(text, false);
        assertThat(e.reason()).isEqualTo("This refers to a group " + stranger + ", which is not in the team file");
        TeamFileLocation at = e.location().orElseThrow();
        assertThat(at.path()).isEqualTo("$.groups[2].parent");
        assertThat(at.line()).isEqualTo(lineOf(text, stranger));
        assertThat(at.column()).isEqualTo(17);
        assertThat(e.getMessage()).endsWith("(at $.groups[2].parent, line " + at.line() + ", column 17)");
    }

    @Test
    void aReferenceToTheWrongKindOfEntityIsAnError() {
        String text = replaceOnce(golden, "\"parent\": \"" + GoldenDocuments.PRODUCTION + "\"",
                "\"parent\": \"" + GoldenDocuments.BASTION + "\"");
        assertThat(failure(text, false).reason()).isEqualTo("This refers to " + GoldenDocuments.BASTION
                + ", which is a host, not a group");
    }

    @Test
    void anIdUsedTwiceIsAnError() {
        String text = replaceOnce(golden, "\"id\": \"" + GoldenDocuments.STAGING + "\"", "\"id\": \"" + GoldenDocuments.PRODUCTION + "\"");
        TeamFileException e = failure(text, false);
        assertThat(e.reason()).isEqualTo("The id " + GoldenDocuments.PRODUCTION + " is used twice; every entity needs its own id");
        assertThat(e.location().orElseThrow().path()).isEqualTo("$.groups[1].id");
    }

    @Test
    void aPortOutOfRangeSaysWhichAndWhere() {
        String text = replaceOnce(golden, "\"port\": 2222,\n      \"user\"", "\"port\": 70000,\n      \"user\"");
        TeamFileException e = failure(text, false);
        assertThat(e.reason()).isEqualTo("\"port\" must be a whole number from 1 to 65535, not 70000");
        assertThat(e.location().orElseThrow().line()).isEqualTo(lineOf(text, "70000"));
        assertThat(failure(replaceOnce(golden, "\"port\": 2222,\n      \"user\"", "\"port\": 22.5,\n      \"user\""), false)
                .reason()).startsWith("\"port\" must be a whole number");
        assertThat(failure(replaceOnce(golden, "\"port\": 2222,\n      \"user\"", "\"port\": \"22\",\n      \"user\""), false)
                .reason()).startsWith("\"port\" must be a whole number");
    }

    @Test
    void addressesWithSpacesControlCharactersOrALeadingDashAreRefused() {
        for (String bad : List.of("db primary", "db\\u0000x", "-oProxyCommand=touch", "db\\nx", "")) {
            TeamFileException e = failure(replaceOnce(golden, "\"address\": \"10.0.1.10\"", "\"address\": \"" + bad + "\""), false);
            assertThat(e.location().orElseThrow().path()).as(bad).isEqualTo("$.hosts[0].address");
            assertThat(e.reason()).as(bad).startsWith("\"address\" must");
        }
    }

    @Test
    void namesAndUsersRefuseControlCharactersAndNotesAllowLineBreaks() {
        assertThat(failure(replaceOnce(golden, "\"name\": \"Staging\"", "\"name\": \"Sta\\u001bging\""), false).reason())
                .isEqualTo("\"name\" must not contain line breaks or control characters");
        assertThat(failure(replaceOnce(golden, "\"user\": \"admin\"", "\"user\": \"ad min\""), false).reason())
                .isEqualTo("\"user\" must not contain spaces");
        assertThat(failure(replaceOnce(golden, "\"user\": \"admin\"", "\"user\": \"\\ud800\""), false).reason())
                .isEqualTo("\"user\" must be valid Unicode (it holds a lone surrogate)");
    }

    @Test
    void keysMustMatchTheirFingerprintAndType() {
        String fingerprint = "SHA256:O44YNOiQRJAItFcEeTSOJt6iZfXDEe/PikUgqYX8Hug";
        String other = "SHA256:O44YNOiQRJAItFcEeTSOJt6iZfXDEe/PikUgqYX8Hux";
        assertThat(failure(replaceOnce(golden, fingerprint, other), false).reason())
                .isEqualTo("\"fingerprint\" does not match the public key (it is " + fingerprint + ")");
        assertThat(failure(replaceOnce(golden, "\"type\": \"ssh-ed25519\"", "\"type\": \"ssh-rsa\""), false).reason())
                .isEqualTo("\"publicKey\" is a ssh-ed25519 key, but \"type\" says ssh-rsa");
        assertThat(failure(replaceOnce(golden, "\"publicKey\": \"ssh-ed25519 AAAA", "\"publicKey\": \"ssh-ed25519 !AAA"), false)
                .reason()).isEqualTo("\"publicKey\" is not a public key line: the key data is not base64");
        assertThat(failure(replaceOnce(golden, "\"keyType\": \"ecdsa-sha2-nistp256\"", "\"keyType\": \"ssh-ed25519\""), false)
                .reason()).isEqualTo("\"key\" is not a ssh-ed25519 public key: the key data is a ecdsa-sha2-nistp256 key,"
                        + " not ssh-ed25519");
    }

    @Test
    void jumpChainsAndGroupsMustNotGoRoundInCircles() {
        String bastion = "\"id\": \"" + GoldenDocuments.BASTION + "\"";
        int at = golden.indexOf(bastion);
        int chain = golden.indexOf("\"jumpChain\": []", at);
        String looping = golden.substring(0, chain) + "\"jumpChain\": [\"" + GoldenDocuments.DB_PRIMARY + "\"]"
                + golden.substring(chain + "\"jumpChain\": []".length());
        TeamFileException e = failure(looping, false);
        assertThat(e.reason()).isEqualTo("Jump chains go round in a circle through this host");
        assertThat(e.location().orElseThrow().path()).endsWith(".jumpChain");

        String groups = replaceOnce(golden, "\"name\": \"Production\"", "\"name\": \"Production\", \"parent\": \""
                + GoldenDocuments.DATABASES + "\"");
        assertThat(failure(groups, false).reason()).isEqualTo("Groups cannot contain each other in a circle");
    }

    @Test
    void aDynamicForwardHasNoTargetAndOthersNeedOne() {
        assertThat(failure(replaceOnce(golden, "\"bindPort\": 1080", "\"bindPort\": 1080, \"targetPort\": 80"), false).reason())
                .isEqualTo("A dynamic forward has no target");
        assertThat(failure(replaceOnce(golden, "\"targetHost\": \"localhost\",\n          \"targetPort\": 3000", "\"targetPort\": 3000"),
                false).reason()).isEqualTo("\"targetHost\" is missing; it must be a string");
    }

    @Test
    void duplicateJsonFieldsAreRefused() {
        TeamFileException e = failure(replaceOnce(golden, "\"name\": \"Staging\"", "\"name\": \"Staging\", \"name\": \"Prod\""), false);
        assertThat(e.reason()).startsWith("The team file is not valid JSON: Duplicate field 'name'");
    }

    @Test
    void tooDeepNestingIsRefusedWithAMessage() {
        String deep = "[".repeat(40) + "]".repeat(40);
        TeamFileException e = failure(replaceOnce(golden, "\"name\": \"Staging\"", "\"name\": \"Staging\", \"deep\": " + deep), false);
        assertThat(e.reason()).startsWith("The team file is not valid JSON: Document nesting depth");
    }

    @Test
    void unknownEnumerationValuesAreErrorsNotWarnings() {
        assertThat(failure(replaceOnce(golden, "\"hostKeyPolicy\": \"strict\"", "\"hostKeyPolicy\": \"yolo\""), false).reason())
                .isEqualTo("\"hostKeyPolicy\" must be ask, accept-new or strict, not \"yolo\"");
        assertThat(failure(replaceOnce(golden, "\"kind\": \"key-file\"", "\"kind\": \"proxy-command\""), false).reason())
                .isEqualTo("\"kind\" must be password, saved-password, vault-key or key-file, not \"proxy-command\"");
    }

    @Test
    void optionalFieldsMayBeLeftOutAndTakeTheirDefaults() throws Exception {
        String minimal = """
                {"format": "keyport-team", "version": "1.0", "id": "00000000-0000-4000-8000-000000000001",
                 "hosts": [{"id": "00000000-0000-4000-8000-000000000002", "name": "web", "address": "web.example",
                            "user": "me", "auth": {"kind": "password"}}]}
                """;
        try (ReadResult result = TeamFiles.read(minimal)) {
            Host web = result.document().hosts().get(0);
            assertThat(web).isEqualTo(Host.builder(web.id(), "web", "web.example", "me").build());
            assertThat(result.warnings()).isEmpty();
        }
    }

    @Test
    void theWriterRefusesADocumentThatBreaksARuleNamingThePath() {
        TeamDocument team = GoldenDocuments.team();
        Host bad = Host.builder(UUID.randomUUID(), "x", "-oProxyCommand=touch /tmp/pwned", "me").build();
        TeamDocument withBad = new TeamDocument(team.id(), team.groups(), List.of(bad), List.of(), List.of(), List.of(), List.of());
        TeamFileException e = catchThrowableOfType(TeamFileException.class,
                () -> TeamFileWriter.write(withBad, SecretsPolicy.omit(), Optional.empty()));
        assertThat(e.getMessage()).isEqualTo("\"address\" must not start with '-' (at $.hosts[0].address)");

        Host dangling = Host.builder(UUID.randomUUID(), "y", "y.example", "me").group(UUID.randomUUID()).build();
        TeamDocument withDangling = new TeamDocument(team.id(), List.of(), List.of(dangling), List.of(), List.of(), List.of(),
                List.of());
        assertThat(catchThrowableOfType(TeamFileException.class,
                () -> TeamFileWriter.write(withDangling, SecretsPolicy.omit(), Optional.empty())).getMessage())
                .contains("which is not in the team file (at $.hosts[0].group)");
    }

    @Test
    void anAgentOnlyHostIsWrittenAsAPasswordHostWithAgentOnlyAndReadBack() throws Exception {
        TeamDocument team = GoldenDocuments.team();
        Host agent = Host.builder(UUID.randomUUID(), "agent", "agent.example", "me").auth(new TeamDocument.Auth.AgentOnly()).build();
        TeamDocument withAgent = new TeamDocument(team.id(), List.of(), List.of(agent), List.of(), List.of(), List.of(), List.of());
        String text = new String(TeamFileWriter.write(withAgent, SecretsPolicy.omit(), Optional.empty()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("\"version\": \"1.0\"").contains("\"kind\": \"password\"").contains("\"agentOnly\": true");
        try (ReadResult result = TeamFiles.read(text)) {
            assertThat(result.document().hosts().get(0).auth()).isEqualTo(new TeamDocument.Auth.AgentOnly());
            assertThat(result.warnings()).isEmpty();
        }
        String plain = text.replaceAll(",\\s*\"agentOnly\": true", "");
        assertThat(plain).doesNotContain("agentOnly");
        try (ReadResult result = TeamFiles.read(plain)) {
            assertThat(result.document().hosts().get(0).auth()).isEqualTo(new TeamDocument.Auth.AskPassword());
        }
    }
}
