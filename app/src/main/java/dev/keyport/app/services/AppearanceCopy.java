package dev.keyport.app.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plaintext copy of the theme the person chose (light, dark or follow the system), in the data
 * folder beside the vault, so that the unlock and create-vault dialogs show in that theme: the real
 * setting is inside the encrypted vault ({@link AppearancePreferences}), which those dialogs come
 * before. Nothing secret is in it: one word. A missing or unreadable copy reads as empty (light).
 * FX-free; reading and writing touch a small file.
 */
public final class AppearanceCopy {

    /** The file's name in the data folder. */
    public static final String FILE_NAME = "appearance";
    /** How long start-up waits for the desktop's answer under "Follow the system" before it shows light. */
    public static final Duration DESKTOP_BOUND = Duration.ofMillis(400);

    private static final Logger LOG = LoggerFactory.getLogger(AppearanceCopy.class);

    private final Path file;

    public AppearanceCopy(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The copied mode; empty when there is none or it cannot be read. */
    public Optional<ThemeMode> mode() {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 64) {
                return Optional.empty();
            }
            return ThemeMode.fromStored(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Theme copy unreadable: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Keeps {@code mode} as the copy (written whole, then moved into place); a failure is logged, not thrown. */
    public void keep(ThemeMode mode) {
        if (mode().equals(Optional.of(mode))) {
            return;
        }
        try {
            Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try {
                Files.writeString(temp, mode.stored() + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("The theme was not copied beside the vault ({}): the unlock dialog may show light next time", e.toString());
        }
    }

    /**
     * Whether the dialogs before the vault opens are dark: the copied mode, and for "Follow the system"
     * what the desktop says within {@link #DESKTOP_BOUND} (light when it says nothing by then). Blocks
     * for at most that bound: call off the FX thread.
     */
    public boolean darkBeforeUnlock(SystemTheme desktop) {
        ThemeMode mode = mode().orElse(ThemeMode.LIGHT);
        return mode.dark(mode == ThemeMode.SYSTEM && desktop.prefersDark(DESKTOP_BOUND));
    }
}
