package dev.keyport.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up that runs while the master password is typed works on a throwaway vault of its own in the
 * temporary folder, and leaves nothing behind there.
 */
class UnlockWarmUpTest {

    @TempDir
    Path temp;

    @Test
    void theWarmUpLeavesNoThrowawayVaultBehind() throws IOException {
        UnlockWarmUp.run(temp);

        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left).as("what the warm-up left in the temporary folder").isEmpty();
        }
    }

    @Test
    void keyportExitingInTheMiddleOfTheWarmUpLeavesNothingBehind() throws Exception {
        Path tmp = Files.createDirectory(temp.resolve("tmp"));
        Path output = temp.resolve("run.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), ExitDuringWarmUpRun.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }

        assertThat(Files.readString(output, StandardCharsets.UTF_8)).as("what the run printed").contains("EXITING");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("keyport-warm-up-")))
                    .as("what the warm-up left in the temporary folder").isEmpty();
        }
    }
}
