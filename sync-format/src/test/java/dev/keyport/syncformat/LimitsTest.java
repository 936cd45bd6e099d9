package dev.keyport.syncformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files too large to read, and files that are not there. */
class LimitsTest {

    @TempDir
    Path dir;

    @Test
    void aOneGigabyteFileIsRefusedBeforeAnythingIsRead() throws Exception {
        Path huge = dir.resolve("huge" + TeamFile.EXTENSION);
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(1L << 30); // sparse: nothing is written
        }
        long start = System.nanoTime();
        TeamFileException e = catchThrowableOfType(TeamFileException.class, () -> TeamFileReader.read(huge, Optional.empty()));
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo("The team file is 1.0 GiB; Keyport reads team files of at most 64 MiB."
                + " Nothing was read.");
    }

    @Test
    void aStreamThatNeverEndsIsCutOffAtTheCap() {
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                served++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                served += len;
                return len;
            }
        };
        TeamFileException e = catchThrowableOfType(TeamFileException.class, () -> TeamFileReader.read(endless, Optional.empty()));
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.TOO_LARGE);
        assertThat(e.getMessage()).startsWith("The team file is larger than 64 MiB");
    }

    @Test
    void aMissingFileSaysSo() {
        Path missing = dir.resolve("missing.keyport");
        TeamFileException e = catchThrowableOfType(TeamFileException.class, () -> TeamFileReader.read(missing, Optional.empty()));
        assertThat(e.kind()).isEqualTo(TeamFileException.Kind.IO);
        assertThat(e.getMessage()).isEqualTo("There is no team file at " + missing + ".");
    }

    @Test
    void writingToAPathReplacesTheFileAndKeepsUnchangedCiphertexts() throws Exception {
        Path target = dir.resolve("team" + TeamFile.EXTENSION);
        Files.write(target, GoldenDocuments.golden(GoldenDocuments.WITH_SECRETS));
        TeamFileWriter.write(GoldenDocuments.teamWithSecrets(),
                SecretsPolicy.include(GoldenDocuments.passphrase(), KdfParameters.FLOOR), target);
        assertThat(Files.readAllBytes(target)).isEqualTo(GoldenDocuments.golden(GoldenDocuments.WITH_SECRETS));
        assertThat(dir.resolve("team.keyport.tmp")).doesNotExist();
        try (ReadResult result = TeamFileReader.read(target, Optional.of(GoldenDocuments.passphrase()))) {
            assertThat(result.document()).isEqualTo(GoldenDocuments.teamWithSecrets().canonical());
        }
    }
}
