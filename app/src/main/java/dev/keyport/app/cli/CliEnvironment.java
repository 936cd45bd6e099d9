package dev.keyport.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.vault.DataDirectories;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * What the command line reads from its surroundings: environment, password input and the KDF cost
 * for new vaults. Tests build one with their own values; {@link #fromProcess()} is the real thing.
 */
public record CliEnvironment(Map<String, String> env, MasterPasswordInput passwords, Optional<KdfParameters> kdfForNewVaults) {

    public static CliEnvironment fromProcess() {
        return new CliEnvironment(System.getenv(), MasterPasswordInput.fromProcess(), Optional.empty());
    }

    /** The data directory: {@code --data-dir}, else {@code KEYPORT_DATA_DIR}, else the platform's place. */
    public Path dataDirectory(Path override) {
        return DataDirectories.resolve(Optional.ofNullable(override), env, System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }
}
