package dev.keyport.app.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import dev.keyport.terminal.testing.OpenSshServer;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/** Saved hosts on a real OpenSSH sshd ({@link OpenSshServer}) on 127.0.0.1. */
public final class OpenSshHosts {

    private OpenSshHosts() {
    }

    /** The server's host key, to pin it in a vault. */
    public static PublicKey hostKey(OpenSshServer sshd) throws IOException, GeneralSecurityException {
        return PublicKeyEntry.parsePublicKeyEntry(sshd.hostPublicKey()).resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
    }

    /** A host called {@code name} on {@code sshd} that logs in as this machine's user with the private key file {@code key}. */
    public static Host withKeyFile(String name, OpenSshServer sshd, Path key) {
        return Host.create(name, "127.0.0.1", sshd.port(), System.getProperty("user.name"), new HostAuth.KeyFile(key.toString()));
    }
}
