package dev.keyport.app.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a folder Keyport made for itself (a throwaway vault, a warm-up), with all it holds. */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes {@code folder} and everything in it, deepest first; a folder that is not there is fine. Links are
     * removed, never followed. A file that cannot be deleted is left (the folder with it). Blocking (file I/O).
     */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
