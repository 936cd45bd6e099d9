package dev.keyport.app.testing;

import java.nio.file.Path;
import java.util.List;

import dev.keyport.app.KeyportContext;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * The application's services on a vault in a temp dir, with a real OpenSSH sshd on 127.0.0.1 that
 * the saved host "OpenSSH box" logs in to with a fresh key (its host key already trusted).
 */
public final class OpenSshApp implements AutoCloseable {

    public OpenSshServer sshd;
    public final KeyportContext context;
    public final Host host;

    private OpenSshApp(OpenSshServer sshd, KeyportContext context, Host host) {
        this.sshd = sshd;
        this.context = context;
        this.host = host;
    }

    public static OpenSshApp start(Path dir, UserPrompter prompter) throws Exception {
        OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"), List.of());
        Path key = sshd.authorizeNewKey("id_ed25519");
        Vault vault = Vault.create(dir.resolve("vault"), "test master password".toCharArray(), KdfParameters.FLOOR);
        KeyportContext context = new KeyportContext(vault, prompter);
        context.hostKeys().trust("127.0.0.1", sshd.port(), OpenSshHosts.hostKey(sshd));
        Host host = OpenSshHosts.withKeyFile("OpenSSH box", sshd, key);
        vault.hosts().save(host);
        return new OpenSshApp(sshd, context, host);
    }

    @Override
    public void close() {
        context.close();
        sshd.close();
    }
}
