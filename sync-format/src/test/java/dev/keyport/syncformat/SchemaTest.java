package dev.keyport.syncformat;

import static dev.keyport.syncformat.TeamFiles.replaceOnce;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The JSON Schema shipped in the jar (docs/team-file.schema.json) agrees with the golden files and the reader. */
class SchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Schema schema() throws Exception {
        try (InputStream in = TeamFile.class.getResourceAsStream(TeamFile.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource in the jar").isNotNull();
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static List<Error> errors(String text) throws Exception {
        return schema().validate(MAPPER.readTree(text));
    }

    @Test
    void theResourceIsTheSchemaInDocs() throws Exception {
        Path docs = Paths.get("../docs/team-file.schema.json");
        try (InputStream in = TeamFile.class.getResourceAsStream(TeamFile.SCHEMA_RESOURCE)) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(docs));
        }
    }

    @Test
    void theVersionOneGoldenFilesAreValid() throws Exception {
        assertThat(errors(TeamFiles.text(GoldenDocuments.PLAIN))).isEmpty();
        assertThat(errors(TeamFiles.text(GoldenDocuments.WITH_SECRETS))).isEmpty();
    }

    @Test
    void anAgentOnlyPasswordHostIsValidAndAnAgentOnlyKeyFileIsNot() throws Exception {
        String host = """
                {"format": "keyport-team", "version": "1.0", "id": "00000000-0000-4000-8000-000000000001",
                 "hosts": [{"id": "00000000-0000-4000-8000-000000000002", "name": "web", "address": "web.example",
                            "user": "me", "auth": %s}]}
                """;
        assertThat(errors(host.formatted("{\"kind\": \"password\", \"agentOnly\": true}"))).isEmpty();
        assertThat(errors(host.formatted("{\"kind\": \"key-file\", \"path\": \"~/.ssh/id\", \"agentOnly\": true}"))).isNotEmpty();
    }

    @Test
    void aNewerMinorFileIsNotVersionOnePointZero() throws Exception {
        assertThat(errors(TeamFiles.text(GoldenDocuments.NEWER_MINOR))).isNotEmpty();
    }

    @Test
    void whatTheReaderRefusesTheSchemaRefusesToo() throws Exception {
        String golden = TeamFiles.text(GoldenDocuments.PLAIN);
        Map<String, String> broken = Map.ofEntries(
                Map.entry("port", replaceOnce(golden, "\"port\": 2222,\n      \"user\"", "\"port\": 70000,\n      \"user\"")),
                Map.entry("address with a space", replaceOnce(golden, "\"address\": \"10.0.1.10\"", "\"address\": \"10.0 1\"")),
                Map.entry("address with a dash", replaceOnce(golden, "\"address\": \"10.0.1.10\"", "\"address\": \"-oX\"")),
                Map.entry("user with a space", replaceOnce(golden, "\"user\": \"admin\"", "\"user\": \"ad min\"")),
                Map.entry("name with a line break", replaceOnce(golden, "\"name\": \"Staging\"", "\"name\": \"Sta\\nging\"")),
                Map.entry("policy", replaceOnce(golden, "\"hostKeyPolicy\": \"strict\"", "\"hostKeyPolicy\": \"yolo\"")),
                Map.entry("auth kind", replaceOnce(golden, "\"kind\": \"key-file\"", "\"kind\": \"command\"")),
                Map.entry("uuid", replaceOnce(golden, "\"parent\": \"", "\"parent\": \"x")),
                Map.entry("dynamic with a target", replaceOnce(golden, "\"bindPort\": 1080", "\"bindPort\": 1080, \"targetPort\": 1")),
                Map.entry("keepalive", replaceOnce(golden, "\"keepAliveSeconds\": 30", "\"keepAliveSeconds\": -1")),
                Map.entry("fingerprint", replaceOnce(golden, "SHA256:O44YNOiQRJAItFcEeTSOJt6iZfXDEe/PikUgqYX8Hug", "MD5:aa")),
                Map.entry("version", replaceOnce(golden, "\"version\": \"1.0\"", "\"version\": \"2.0\"")));
        for (Map.Entry<String, String> entry : broken.entrySet()) {
            assertThat(TeamFiles.failure(entry.getValue(), false)).as(entry.getKey()).isNotNull();
            assertThat(errors(entry.getValue())).as(entry.getKey()).isNotEmpty();
        }
    }
}
