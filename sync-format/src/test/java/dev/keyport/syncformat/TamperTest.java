package dev.keyport.syncformat;

import static dev.keyport.syncformat.GoldenDocuments.WITH_SECRETS;
import static dev.keyport.syncformat.TeamFiles.failure;
import static dev.keyport.syncformat.TeamFiles.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A protected team file changed after its export, or opened with the wrong passphrase: nothing is imported. */
class TamperTest {

    private static final String CHANGED = "The team file was changed after it was exported: ";
    private static final String OTHER_ED25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIH36IPPS70J/7feVklajjg9Hzywgp8QurQE/p9drD64M";

    private final String golden = TeamFiles.text(WITH_SECRETS);

    @Test
    void aFlippedByteInASecretsCiphertextIsDetected() {
        TeamFileException e = failure(replaceOnce(golden, "ybmgOCK2566U3LhVkF6hHMYqw2", "zbmgOCK2566U3LhVkF6hHMYqw2"), true);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TAMPERED);
        assertThat(e.getMessage()).startsWith(CHANGED).endsWith("Nothing was imported.");
    }

    @Test
    void aChangedAddressIsDetected() {
        TeamFileException e = failure(replaceOnce(golden, "\"address\": \"10.0.1.10\"", "\"address\": \"10.0.1.66\""), true);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TAMPERED);
        assertThat(e.getMessage()).startsWith(CHANGED);
    }

    @Test
    void aChangedPortIsDetected() {
        TeamFileException e = failure(replaceOnce(golden, "\"port\": 2222,\n      \"user\"", "\"port\": 2223,\n      \"user\""), true);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TAMPERED);
    }

    @Test
    void aChangedPinnedHostKeyIsDetected() {
        TeamFileException e = failure(replaceOnce(golden, "\"key\": \"" + GoldenDocuments.BASTION_HOST_KEY, "\"key\": \"" + OTHER_ED25519), true);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TAMPERED);
        assertThat(e.getMessage()).contains("pinned key");
    }

    @Test
    void anAddedFieldIsDetectedEvenThoughUnknownFieldsAreOtherwiseOnlyWarnings() {
        TeamFileException e = failure(replaceOnce(golden, "\"name\": \"Staging\"", "\"name\": \"Staging\", \"x\": 1"), true);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TAMPERED);
    }

    @Test
    void reformattingTheFileKeepsItsIntegrityCodeValid() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode tree = mapper.readTree(golden);
        ObjectNode reordered = mapper.createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reordered.set(name, tree.get(name)));
        String reformatted = mapper.writeValueAsString(reordered).replace("\n", "\r\n");
        try (ReadResult result = TeamFiles.readWithPassphrase(reformatted)) {
            assertThat(result.document()).isEqualTo(GoldenDocuments.teamWithSecrets().canonical());
        }
    }

    @Test
    void aWrongPassphraseSaysSoAndImportsNothing() {
        TeamFileException e = org.assertj.core.api.Assertions.catchThrowableOfType(TeamFileException.class,
                () -> TeamFiles.read(golden.getBytes(StandardCharsets.UTF_8), Optional.of("Correct horse battery staple".toCharArray())));
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.WRONG_PASSPHRASE);
        assertThat(e.getMessage()).isEqualTo("The passphrase does not open this team file (or its protection settings"
                + " were changed). Nothing was imported.");
    }

    @Test
    void withoutAPassphraseAProtectedFileAsksForIt() {
        TeamFileException e = failure(golden, false);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.PASSPHRASE_REQUIRED);
        assertThat(e.getMessage()).contains("Enter the passphrase");
    }

    @Test
    void kdfSettingsBelowTheFloorAreRefusedAsADowngrade() {
        long start = System.nanoTime();
        TeamFileException e = failure(replaceOnce(golden, "\"memoryKiB\": 19456", "\"memoryKiB\": 1024"), true);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.INVALID);
        assertThat(e.reason()).isEqualTo("The team file's key-derivation settings (Argon2id m=1024 KiB, t=2, p=1) are"
                + " weaker than Keyport accepts (at least Argon2id m=19456 KiB, t=2, p=1); the file may have been"
                + " tampered with. Nothing was imported.");
        assertThat(e.location().orElseThrow().path()).isEqualTo("$.protection.kdf");
        assertThat(failure(replaceOnce(golden, "\"iterations\": 2", "\"iterations\": 1"), true).reason()).contains("weaker");
        assertThat(System.nanoTime() - start).as("refused before any key derivation").isLessThan(2_000_000_000L);
    }

    @Test
    void kdfSettingsAboveTheCeilingAreRefusedBeforeAllocatingAnything() {
        long start = System.nanoTime();
        TeamFileException memory = failure(replaceOnce(golden, "\"memoryKiB\": 19456", "\"memoryKiB\": 4194304"), true);
        TeamFileException passes = failure(replaceOnce(golden, "\"iterations\": 2", "\"iterations\": 11"), true);
        TeamFileException lanes = failure(replaceOnce(golden, "\"parallelism\": 1", "\"parallelism\": 64"), true);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        assertThat(memory.reason()).startsWith("The team file's key-derivation settings (Argon2id m=4194304 KiB, t=2, p=1)"
                + " are costlier than Keyport allows (at most Argon2id m=1048576 KiB, t=10, p=8)");
        assertThat(passes.reason()).contains("costlier");
        assertThat(lanes.reason()).contains("costlier");
    }

    @Test
    void changedKdfSettingsSaltOrFileIdWithinRangeDoNotOpen() {
        assertThat(failure(replaceOnce(golden, "\"iterations\": 2", "\"iterations\": 3"), true).kind())
                .isEqualTo(TeamFileException.Kind.WRONG_PASSPHRASE);
        assertThat(failure(replaceOnce(golden, "\"salt\": \"", "\"salt\": \"A"), true).kind())
                .isEqualTo(TeamFileException.Kind.INVALID); // no longer 16 bytes
        String otherSalt = Base64.getEncoder().encodeToString(new byte[16]);
        String salt = golden.replaceAll("(?s).*\"salt\": \"([^\"]+)\".*", "$1");
        assertThat(failure(replaceOnce(golden, salt, otherSalt), true).kind()).isEqualTo(TeamFileException.Kind.WRONG_PASSPHRASE);
        String fileId = GoldenDocuments.FILE.toString();
        assertThat(failure(replaceOnce(golden, "\"id\": \"" + fileId + "\"", "\"id\": \"" + GoldenDocuments.id("other") + "\""),
                true).kind()).isEqualTo(TeamFileException.Kind.WRONG_PASSPHRASE);
    }

    @Test
    void secretsWithoutTheProtectionBlockAreRefused() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(golden);
        tree.remove("protection");
        TeamFileException e = failure(new ObjectMapper().writeValueAsString(tree), false);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.INVALID);
        assertThat(e.reason()).contains("is an encrypted secret, but the team file has no \"protection\" block");
    }

    @Test
    void aMissingIntegrityCodeIsRefused() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(golden);
        ((ObjectNode) tree.get("protection")).remove("mac");
        TeamFileException e = failure(new ObjectMapper().writeValueAsString(tree), true);
        assertThat(e.reason()).isEqualTo("\"mac\" is missing; it must be a string");
    }

    @Test
    void aCiphertextMovedToAnotherEntityDoesNotDecryptEvenWithAValidIntegrityCode() throws Exception {
        byte[] bytes = golden.getBytes(StandardCharsets.UTF_8);
        DocumentDecoder.Decoded opened = TeamFileReader.decode(bytes, GoldenDocuments.passphrase(), null);
        try (DocumentDecoder.Unlocked unlocked = opened.unlocked().orElseThrow()) {
            ObjectNode tree = (ObjectNode) Json.parse(bytes);
            JsonNode identityPassword = tree.get("identities").get(0).get("password");
            ObjectNode replicaAuth = (ObjectNode) findHost(tree, GoldenDocuments.DB_REPLICA).get("auth");
            replicaAuth.set("password", identityPassword.deepCopy());
            // an attacker who knew the MAC key still could not move a secret
            ((ObjectNode) tree.get("protection")).put("mac",
                    Base64.getEncoder().encodeToString(unlocked.keys().mac(Json.canonical(tree))));
            TeamFileException e = failure(new String(Json.pretty(tree), StandardCharsets.UTF_8), true);
            assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TAMPERED);
            assertThat(e.reason()).startsWith("A secret in the team file cannot be decrypted: it was changed, or moved");
            assertThat(e.location().orElseThrow().path()).matches("\\$\\.hosts\\[\\d]\\.auth\\.password");
        } finally {
            opened.document().wipeSecrets();
        }
    }

    private static JsonNode findHost(JsonNode tree, java.util.UUID id) {
        for (JsonNode host : tree.get("hosts")) {
            if (host.get("id").asText().equals(id.toString())) {
                return host;
            }
        }
        throw new AssertionError("no host " + id);
    }
}
