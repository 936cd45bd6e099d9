package dev.keyport.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
