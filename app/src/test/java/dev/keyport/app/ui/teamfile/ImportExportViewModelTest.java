package dev.keyport.app.ui.teamfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.ui.teamfile.ImportViewModel.Step;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.Host;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * Importing and exporting without a window, against a real vault and the format's golden files (both
 * executors run at once here, so each step is done when the call returns).
 */
class ImportExportViewModelTest {

    /** The format's own golden files (sync-format/src/test/resources/golden), read from the module next door. */
    private static final Path GOLDEN = Path.of("..", "sync-format", "src", "test", "resources", "golden");
    private static final String GOLDEN_PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dir;
    private KeyportContext context;

    @BeforeEach
    void open() throws Exception {
        Vault vault = Vault.create(dir.resolve("vault"), "pw".toCharArray(), KdfParameters.FLOOR);
        context = new KeyportContext(vault, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
    }

    @AfterEach
    void close() {
        context.close();
    }

    private ImportViewModel importer(String file) {
        ImportViewModel model = new ImportViewModel(context.teamFiles(), Runnable::run, Runnable::run);
        model.pathProperty().set(file);
        return model;
    }

    @Test
    void aTeamFileIsPreviewedThenImportedAndTheSecondTimeNothingChanges() throws Exception {
        ImportViewModel model = importer(GOLDEN.resolve("team-1.0.keyport").toString());
        model.read(null);
        assertThat(model.stepProperty().get()).as(model.problemProperty().get()).isEqualTo(Step.PREVIEW);
        assertThat(model.summaryProperty().get()).contains("Hosts: 5 new").contains("Server keys that become trusted:");
        assertThat(model.details()).anySatisfy(line -> assertThat(line).startsWith("NEW  host db primary"));
        assertThat(context.vault().hosts().list()).as("nothing changes before Import").isEmpty();

        boolean[] done = {false};
        model.apply(() -> done[0] = true);
        assertThat(model.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(done[0]).isTrue();
        assertThat(model.resultProperty().get()).startsWith("Imported: ");
        assertThat(context.vault().hosts().list()).extracting(Host::name).contains("db primary", "bastion");

        ImportViewModel again = importer(GOLDEN.resolve("team-1.0.keyport").toString());
        again.read(null);
        assertThat(again.summaryProperty().get()).doesNotContainPattern("\\d+ (new|changed|in conflict)").contains("Hosts: 5 unchanged");
        assertThat(again.details()).noneMatch(line -> line.startsWith("NEW") || line.startsWith("CHANGED"));
    }

    @Test
    void aFileWithSecretsAsksForItsPassphraseAndAWrongOneSaysSo() throws Exception {
        ImportViewModel model = importer(GOLDEN.resolve("team-1.0-secrets.keyport").toString());
        model.read(null);
        assertThat(model.needsPassphraseProperty().get()).isTrue();
        assertThat(model.problemProperty().get()).startsWith("This team file carries secrets");
        assertThat(model.stepProperty().get()).isEqualTo(Step.CHOOSE);

        char[] wrong = "not the passphrase".toCharArray();
        model.read(wrong);
        assertThat(model.problemProperty().get()).isNotEmpty().doesNotContain("not the passphrase");
        assertThat(wrong).containsOnly('\0');
        assertThat(model.stepProperty().get()).isEqualTo(Step.CHOOSE);

        model.read(GOLDEN_PASSPHRASE.toCharArray());
        assertThat(model.stepProperty().get()).as(model.problemProperty().get()).isEqualTo(Step.PREVIEW);
    }

    @Test
    void aBrokenFileSaysWhereAndLeavesTheVaultAlone() throws Exception {
        Path broken = dir.resolve("broken.keyport");
        Files.writeString(broken, "{\n  \"format\": \"keyport-team\",\n  \"version\": \"1.0\",\n  \"hosts\": [ { \"id\": 42 ]\n}\n");
        ImportViewModel model = importer(broken.toString());
        model.read(null);
        assertThat(model.stepProperty().get()).isEqualTo(Step.CHOOSE);
        assertThat(model.problemProperty().get()).containsPattern("line \\d+");
        assertThat(context.vault().hosts().list()).isEmpty();

        ImportViewModel nothing = importer("");
        nothing.read(null);
        assertThat(nothing.problemProperty().get()).startsWith("Choose the team file to import");
    }

    @Test
    void anExportWithSecretsNeedsAConfirmedPassphraseAndSaysWhatItWrote() throws Exception {
        ImportViewModel seed = importer(GOLDEN.resolve("team-1.0.keyport").toString());
        seed.read(null);
        seed.apply();

        ExportViewModel model = new ExportViewModel(context.teamFiles(), Runnable::run, Runnable::run);
        model.pathProperty().set(dir.resolve("out").toString());
        model.includeSecretsProperty().set(true);
        model.export("short".toCharArray(), "short".toCharArray(), () -> { });
        assertThat(model.problemProperty().get()).startsWith("Choose a passphrase of at least 8 characters");
        model.export("a long passphrase".toCharArray(), "another one".toCharArray(), () -> { });
        assertThat(model.problemProperty().get()).isEqualTo("The two passphrases are not the same.");

        model.export("a long passphrase".toCharArray(), "a long passphrase".toCharArray(), () -> { });
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.resultProperty().get()).startsWith("Exported 5 hosts").contains("with the secrets encrypted");
        assertThat(model.pathProperty().get()).endsWith("out.keyport");
        assertThat(Files.readString(dir.resolve("out.keyport"))).contains("\"format\": \"keyport-team\"");

        model.includeSecretsProperty().set(false);
        model.export(new char[0], new char[0], () -> { });
        assertThat(model.resultProperty().get()).contains("without secrets");
    }
}
