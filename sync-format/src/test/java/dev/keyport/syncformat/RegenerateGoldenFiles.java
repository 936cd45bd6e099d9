package dev.keyport.syncformat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the 1.0 golden files from {@link GoldenDocuments} into the source tree. Run it only when the
 * golden document changes on purpose: {@code mvn -pl sync-format test -Dtest=RegenerateGoldenFiles
 * -Dkeyport.golden.regenerate=true}. The file with secrets keeps its ciphertexts where the values
 * did not change (it passes itself as the previous file). The newer-minor file is edited by hand.
 */
@EnabledIfSystemProperty(named = "keyport.golden.regenerate", matches = "true")
class RegenerateGoldenFiles {

    @Test
    void writeGoldenFiles() throws Exception {
        Path folder = GoldenDocuments.sourceFolder();
        Files.createDirectories(folder);
        Files.write(folder.resolve(GoldenDocuments.PLAIN),
                TeamFileWriter.write(GoldenDocuments.team(), SecretsPolicy.omit(), Optional.empty()));
        Path secrets = folder.resolve(GoldenDocuments.WITH_SECRETS);
        Optional<byte[]> previous = Files.exists(secrets) ? Optional.of(Files.readAllBytes(secrets)) : Optional.empty();
        Files.write(secrets, TeamFileWriter.write(GoldenDocuments.teamWithSecrets(),
                SecretsPolicy.include(GoldenDocuments.passphrase(), KdfParameters.FLOOR), previous));
    }
}
