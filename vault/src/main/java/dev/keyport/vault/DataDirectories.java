package dev.keyport.vault;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where Keyport keeps its data on each operating system. */
public final class DataDirectories {

    public static final String ENV_OVERRIDE = "KEYPORT_DATA_DIR";

    private DataDirectories() {
    }

    /**
     * The data directory: the explicit override if given, else {@code KEYPORT_DATA_DIR}, else the
     * platform's place (Linux {@code $XDG_DATA_HOME/keyport} or {@code ~/.local/share/keyport};
     * macOS {@code ~/Library/Application Support/Keyport}; Windows {@code %APPDATA%\Keyport}).
     */
    public static Path resolve(Optional<Path> override, Map<String, String> env, String osName, Path home) {
        if (override.isPresent()) {
            return override.get().toAbsolutePath();
        }
        String fromEnv = env.get(ENV_OVERRIDE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Keyport");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve("Keyport");
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("keyport");
        }
        return home.resolve(".local").resolve("share").resolve("keyport");
    }

    /** The data directory for this process's environment. */
    public static Path resolve(Optional<Path> override) {
        return resolve(override, System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }
}
