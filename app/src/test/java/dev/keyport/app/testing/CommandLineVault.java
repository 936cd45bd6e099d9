package dev.keyport.app.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.app.services.VaultHostKeyStore;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * A vault in {@code dir/vault} as a {@code keyport} command finds it ({@link #env}: KEYPORT_DATA_DIR and the master
 * password in a file), with a real OpenSSH sshd saved in it as "build box": it logs in with a fresh key
 * ({@link #key}), its host key already trusted. The vault is closed again: a command opens it.
 */
public final class CommandLineVault implements AutoCloseable {

    public static final String HOST = "build box";

    public final OpenSshServer sshd;
    public final Path key;
    public final Map<String, String> env;

    private CommandLineVault(OpenSshServer sshd, Path key, Map<String, String> env) {
        this.sshd = sshd;
        this.key = key;
        this.env = env;
    }

    public static CommandLineVault withBuildBox(Path dir, String masterPassword) throws Exception {
        OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of());
        Path key = sshd.authorizeNewKey("id_ed25519");
        Path passwordFile = dir.resolve("master.txt");
        Files.writeString(passwordFile, masterPassword + "\n");
        Map<String, String> env = new HashMap<>(Map.of("KEYPORT_DATA_DIR", dir.resolve("vault").toString(),
                MasterPasswordInput.FILE_ENV, passwordFile.toString()));
        try (Vault vault = Vault.create(dir.resolve("vault"), masterPassword.toCharArray(), KdfParameters.FLOOR)) {
            vault.hosts().save(OpenSshHosts.withKeyFile(HOST, sshd, key));
            new VaultHostKeyStore(vault.hostKeys()).trust("127.0.0.1", sshd.port(), OpenSshHosts.hostKey(sshd));
        }
        return new CommandLineVault(sshd, key, env);
    }

    @Override
    public void close() {
        sshd.close();
    }
}
