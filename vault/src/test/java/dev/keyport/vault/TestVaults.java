package dev.keyport.vault;

import java.nio.file.Path;

import dev.keyport.vault.crypto.KdfParameters;

/** Vaults for tests: the KDF floor (fast) unless a test is about the KDF. */
public final class TestVaults {

    public static final KdfParameters FAST = KdfParameters.FLOOR;

    private TestVaults() {
    }

    public static char[] password(String text) {
        return text.toCharArray();
    }

    public static Vault create(Path dir, String password) throws VaultException {
        return Vault.create(dir, password.toCharArray(), FAST);
    }

    public static Vault unlock(Path dir, String password) throws VaultException {
        return Vault.unlock(dir, password.toCharArray());
    }
}
