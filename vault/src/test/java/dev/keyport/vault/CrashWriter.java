package dev.keyport.vault;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child process for {@link CrashSafetyTest}: unlocks the vault (password from a file) and saves hosts
 * forever, printing {@code ACK <id>} after each save returned. It is killed with SIGKILL.
 */
public final class CrashWriter {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        char[] password = new String(Files.readAllBytes(Path.of(args[1])), StandardCharsets.UTF_8).strip().toCharArray();
        Vault vault = Vault.unlock(dir, password);
        System.out.println("READY");
        System.out.flush();
        for (int i = 0; ; i++) {
            Host host = Host.create("crash-" + i, "10.1." + (i / 250 % 250) + "." + (i % 250), 22, "u" + i, new HostAuth.SavedPassword());
            vault.hosts().save(host);
            vault.hosts().savePassword(host.id(), ("pw-" + i).toCharArray());
            System.out.println("ACK " + host.id() + " " + i);
            System.out.flush();
        }
    }
}
