package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader for secrets in files named by environment variables, used by the master password and {@code keyport ssh}. */
class SecretFileTest {

    @TempDir
    Path tmp;

    private Map<String, String> fileWith(String content) throws IOException {
        Path file = Files.createTempFile(tmp, "secret", ".txt");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return Map.of("SECRET_FILE", file.toString());
    }

    @Test
    void anUnsetOrBlankVariableMeansNoFile() throws IOException {
        assertThat(SecretFile.read(Map.of(), "SECRET_FILE")).isNull();
        assertThat(SecretFile.read(Map.of("SECRET_FILE", " "), "SECRET_FILE")).isNull();
    }

    @Test
    void theFirstLineWithoutItsLineBreakIsTheSecret() throws IOException {
        assertThat(SecretFile.read(fileWith("s3cret pw\n"), "SECRET_FILE")).containsExactly("s3cret pw".toCharArray());
        assertThat(SecretFile.read(fileWith("s3cret pw\r\n"), "SECRET_FILE")).containsExactly("s3cret pw".toCharArray());
        assertThat(SecretFile.read(fileWith("s3cret pw"), "SECRET_FILE")).containsExactly("s3cret pw".toCharArray());
        assertThat(SecretFile.read(fileWith("first\nsecond\n"), "SECRET_FILE")).containsExactly("first".toCharArray());
        assertThat(SecretFile.read(fileWith("grüße €\n"), "SECRET_FILE")).containsExactly("grüße €".toCharArray());
        assertThat(SecretFile.read(fileWith(""), "SECRET_FILE")).isEmpty();
    }

    @Test
    void theBytesReadAreWiped() {
        byte[] bytes = "pw\nrest\n".getBytes(StandardCharsets.UTF_8);
        assertThat(SecretFile.firstLine(bytes)).containsExactly('p', 'w');
        assertThat(bytes).containsOnly(0);
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> SecretFile.read(Map.of("SECRET_FILE", tmp.resolve("absent").toString()), "SECRET_FILE"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void anEmptyMasterPasswordFileIsRefusedWithoutShowingAnything() throws IOException {
        Map<String, String> env = Map.of(MasterPasswordInput.FILE_ENV, fileWith("\n").get("SECRET_FILE"));
        MasterPasswordInput input = new MasterPasswordInput(env, null, new ByteArrayInputStream(new byte[0]));
        assertThatThrownBy(() -> input.current("Master password")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("The password file " + MasterPasswordInput.FILE_ENV + " (").hasMessageEndingWith(") is empty.");
        Map<String, String> good = Map.of(MasterPasswordInput.FILE_ENV, fileWith("master pw\nignored\n").get("SECRET_FILE"));
        assertThat(new MasterPasswordInput(good, null, new ByteArrayInputStream(new byte[0])).current("Master password"))
                .containsExactly("master pw".toCharArray());
    }
}
