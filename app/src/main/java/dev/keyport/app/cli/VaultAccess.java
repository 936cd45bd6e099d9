package dev.keyport.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.KdfParameters;

/** Opening the vault for commands, with the master password from a file or standard input. */
public final class VaultAccess {

    private VaultAccess() {
    }

    /** Unlocks the vault in {@code dir}; the password is wiped afterwards. */
    public static Vault unlock(Path dir, MasterPasswordInput input) throws VaultException, IOException {
        return unlock(dir, input, "keyport");
    }

    /** How long a command waits for another Keyport to let go of the vault before saying who holds it. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    /**
     * Unlocks the vault for a command, waiting up to {@link #LOCK_WAIT} for another Keyport to let go of it;
     * {@code holder} ("keyport host add") is what the other one's message calls this process.
     */
    public static Vault unlock(Path dir, MasterPasswordInput input, String holder) throws VaultException, IOException {
        if (!Vault.exists(dir)) {
            throw new VaultException(Vault.describeMissing(dir));
        }
        char[] password = input.current("Master password for " + dir);
        try {
            return Vault.unlock(dir, password, LOCK_WAIT, holder);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Creates a vault, with KDF parameters calibrated to about half a second here unless given. */
    public static Vault create(Path dir, MasterPasswordInput input, Optional<KdfParameters> kdf) throws VaultException, IOException {
        char[] password = input.newPassword("New master password for " + dir, true);
        try {
            return Vault.create(dir, password, kdf.orElseGet(() -> KdfParameters.calibrate(Duration.ofMillis(500))));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** For the desktop app started with {@code KEYPORT_MASTER_PASSWORD_FILE}: unlock, or create on first run. */
    public static Vault openOrCreate(Path dir, MasterPasswordInput input) throws VaultException, IOException {
        return Vault.exists(dir) ? unlock(dir, input) : create(dir, input, Optional.empty());
    }
}
