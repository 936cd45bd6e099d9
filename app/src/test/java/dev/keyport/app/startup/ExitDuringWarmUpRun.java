package dev.keyport.app.startup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Run by {@link UnlockWarmUpTest} in a child JVM whose temporary folder is the test's: starts the warm-up
 * as the desktop app does, and exits (as a cancelled unlock dialog does) as soon as its throwaway vault
 * has files, while it is still at work.
 */
public final class ExitDuringWarmUpRun {

    private ExitDuringWarmUpRun() {
    }

    public static void main(String[] args) throws Exception {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        UnlockWarmUp.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && !vaultFilesIn(temp)) {
            Thread.sleep(5);
        }
        System.out.println("EXITING");
        System.exit(0);
    }

    private static boolean vaultFilesIn(Path temp) throws Exception {
        try (Stream<Path> dirs = Files.list(temp)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                if (Files.isDirectory(dir)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        if (files.findAny().isPresent()) {
                            return true;
                        }
                    } catch (java.io.IOException gone) {
                        // removed meanwhile
                    }
                }
            }
        }
        return false;
    }
}
