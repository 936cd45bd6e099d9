package dev.keyport.terminal.ssh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.putty.PuttyKeyUtils;

/** Reads private keys from bytes in memory: OpenSSH (incl. bcrypt-encrypted), PEM PKCS#1, PKCS#8, PuTTY PPK v2/v3. */
final class KeyPairs {

    static final String ED25519 = "ssh-ed25519";
    private static final byte[] PPK_MAGIC = "PuTTY-User-Key-File-".getBytes(StandardCharsets.US_ASCII);

    private KeyPairs() {
    }

    static Iterable<KeyPair> read(String label, byte[] material, FilePasswordProvider passphrase)
            throws IOException, GeneralSecurityException {
        NamedResource name = NamedResource.ofName(label);
        if (startsWith(material, PPK_MAGIC)) {
            List<String> lines = Arrays.asList(new String(material, StandardCharsets.UTF_8).split("\r?\n"));
            return PuttyKeyUtils.DEFAULT_INSTANCE.loadKeyPairs(null, name, passphrase, lines);
        }
        return SecurityUtils.loadKeyPairIdentities(null, name, new ByteArrayInputStream(material), passphrase);
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
