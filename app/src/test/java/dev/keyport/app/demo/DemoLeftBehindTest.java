package dev.keyport.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.Vault;

/**
 * A demo ended by a kill or a crash leaves its folder (an encrypted throwaway vault) in the temporary
 * folder; the next demo to end removes such folders, and never one a demo still uses. Real vaults.
 */
class DemoLeftBehindTest {

    @TempDir
    Path temp;

    @Test
    void onlyFoldersOfDemosThatEndedAbnormallyAreRemoved() throws Exception {
        Instant now = Instant.now();
        Instant anHourAgo = now.minus(Duration.ofHours(1));
        Path killed = demoFolder("keyport-demo-killed", anHourAgo);
        Path running;
        try (Vault inUse = DemoMode.createVault(Files.createDirectory(temp.resolve("keyport-demo-running")))) {
            running = inUse.directory();
            Files.setLastModifiedTime(running, FileTime.from(anHourAgo)); // a demo that has run for an hour
            Path starting = Files.createDirectory(temp.resolve("keyport-demo-starting")); // its vault not made yet
            Path notADemo = Files.createDirectory(temp.resolve("keyport-backups"));
            Files.setLastModifiedTime(notADemo, FileTime.from(anHourAgo));

            assertThat(DemoMode.leftBehind(temp, now)).containsExactly(killed);

            DemoMode.removeLeftBehind(temp, now);

            assertThat(killed).doesNotExist();
            assertThat(running).as("its vault is open").isDirectory();
            assertThat(Vault.exists(running)).isTrue();
            assertThat(starting).as("made moments ago").isDirectory();
            assertThat(notADemo).isDirectory();
        }
    }

    /** The folder a demo leaves when it is killed: its vault, closed, and not touched since {@code when}. */
    private Path demoFolder(String name, Instant when) throws Exception {
        Path folder = Files.createDirectory(temp.resolve(name));
        DemoMode.createVault(folder).close();
        Files.setLastModifiedTime(folder, FileTime.from(when));
        return folder;
    }
}
