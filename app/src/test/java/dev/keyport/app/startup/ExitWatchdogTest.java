package dev.keyport.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Keyport whose shutdown hook never returns (H2's closer once spun forever after {@code System.exit})
 * still ends, says why, and leaves the vault's lock free for the next start. Real processes.
 */
class ExitWatchdogTest {

    @TempDir
    Path dir;

    @Test
    void aShutdownHookThatNeverReturnsNoLongerKeepsKeyportRunning() throws Exception {
        Run run = start("hang");

        assertThat(run.ended()).as("the process ended (without the watchdog it waits in its hook for good)").isTrue();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("keyport: closing took longer than 2 s (a part of Keyport did not stop)")
                .contains("Everything saved before is kept; start Keyport again as usual.");
    }

    @Test
    void anOrdinaryExitKeepsItsCodeAndSaysNothing() throws Exception {
        Run run = start("quick");

        assertThat(run.ended()).isTrue();
        assertThat(run.exitCode()).as("the watchdog did not step in").isEqualTo(7);
        assertThat(run.output()).doesNotContain("keyport:");
    }

    private record Run(boolean ended, int exitCode, String output) {
    }

    private Run start(String mode) throws Exception {
        Path output = dir.resolve(mode + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Exiting.class.getName(), mode)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return new Run(ended, ended ? process.exitValue() : -1, Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The child process: the watchdog as Main installs it (a shorter bound), and a hook that hangs or not. */
    public static final class Exiting {
        public static void main(String[] args) {
            ExitWatchdog.install(Duration.ofSeconds(2), System.err);
            if (args[0].equals("hang")) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        new CountDownLatch(1).await(); // never counted down, as the spinning closer never returned
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "hanging-hook"));
                System.exit(0);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of("a quick hook").size(), "quick-hook"));
            System.exit(7);
        }
    }
}
