package dev.keyport.terminal.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.putty.PuttyKeyUtils;
import dev.keyport.terminal.ssh.Fingerprints;

/**
 * The one place Keyport reads and writes SSH private keys, on sshd-core's own parsers: OpenSSH
 * (encrypted too), PEM PKCS#1, PKCS#8 and PuTTY PPK v2/v3 (sshd-putty) in; OpenSSH out (optionally
 * under a passphrase, readable by {@code ssh-keygen -y}). The vault stores the bytes this codec
 * produces; it never parses keys itself.
 */
public final class KeyCodec {

    /** Asks for a key's passphrase when it turns out to be encrypted; null means the person cancelled. */
    @FunctionalInterface
    public interface PassphrasePrompt {
        char[] passphraseFor(String source);
    }

    /** A prompt for keys that are known not to be encrypted. */
    public static final PassphrasePrompt NO_PASSPHRASE = source -> null;

    private KeyCodec() {
    }

    /** A new key pair; ed25519 is the default choice. */
    public static DecodedKey generate(KeyAlgorithm algorithm, String comment) throws KeyCodecException {
        try {
            return new DecodedKey(KeyUtils.generateKeyPair(algorithm.sshType, algorithm.bits), comment);
        } catch (GeneralSecurityException e) {
            throw new KeyCodecException(KeyCodecException.Reason.UNSUPPORTED,
                    "Cannot generate a " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a private key file's content (or pasted text).
     *
     * @param source  how the person knows it ("~/.ssh/id_ed25519", "pasted key"); used in messages
     * @param comment the comment to keep with the key (sshd's loader does not return the file's own)
     */
    public static DecodedKey read(byte[] material, String source, String comment, PassphrasePrompt prompt) throws KeyCodecException {
        AtomicBoolean asked = new AtomicBoolean();
        AtomicBoolean cancelled = new AtomicBoolean();
        FilePasswordProvider passwords = (session, resource, retry) -> {
            asked.set(true);
            char[] passphrase = prompt.passphraseFor(source);
            if (passphrase == null) {
                cancelled.set(true);
                return null;
            }
            // sshd-core takes the passphrase as a String; it cannot be wiped afterwards
            String text = new String(passphrase);
            java.util.Arrays.fill(passphrase, '\0');
            return text;
        };
        try {
            Iterable<KeyPair> pairs = loadKeyPairs(source, material, passwords);
            Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
            if (it == null || !it.hasNext()) {
                throw new KeyCodecException(KeyCodecException.Reason.UNREADABLE, source
                        + " is not a private key Keyport can read (OpenSSH, PEM PKCS#1, PKCS#8 or PuTTY PPK).", null);
            }
            return new DecodedKey(it.next(), comment);
        } catch (KeyCodecException e) {
            throw e;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (cancelled.get()) {
                throw new KeyCodecException(KeyCodecException.Reason.PASSPHRASE_NEEDED,
                        source + " is encrypted: its passphrase is needed to import it.", e);
            }
            if (asked.get()) {
                // Encrypted PEM has no integrity check: a wrong passphrase shows up as a parse error
                // (OpenSSH keys say "Mismatched private key check values"). Either way the passphrase is wrong.
                throw new KeyCodecException(KeyCodecException.Reason.WRONG_PASSPHRASE,
                        "Wrong passphrase for " + source + ".", e);
            }
            throw new KeyCodecException(KeyCodecException.Reason.UNREADABLE,
                    source + " is not a private key Keyport can read: " + e.getMessage(), e);
        }
    }

    /**
     * The single parser entry point, on sshd-core (and sshd-putty for PPK): key pairs from a private
     * key file's bytes. The session layer's authentication should read keys through this too, so
     * Keyport has one parser.
     */
    public static Iterable<KeyPair> loadKeyPairs(String source, byte[] material, FilePasswordProvider passwords)
            throws IOException, GeneralSecurityException {
        NamedResource resource = NamedResource.ofName(source);
        return isPutty(material)
                ? PuttyKeyUtils.DEFAULT_INSTANCE.loadKeyPairs(null, resource, passwords, new ByteArrayInputStream(material))
                : SecurityUtils.loadKeyPairIdentities(null, resource, new ByteArrayInputStream(material), passwords);
    }

    private static boolean isPutty(byte[] material) {
        byte[] magic = "PuTTY-User-Key-File-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int start = 0;
        while (start < material.length && Character.isWhitespace(material[start])) {
            start++;
        }
        if (material.length - start < magic.length) {
            return false;
        }
        return java.util.Arrays.equals(material, start, start + magic.length, magic, 0, magic.length);
    }

    /** The key as an OpenSSH private key file; under {@code passphrase} (AES-256-CTR, bcrypt KDF) unless it is null or empty. */
    public static byte[] writeOpenSsh(DecodedKey key, char[] passphrase) throws KeyCodecException {
        OpenSSHKeyEncryptionContext encryption = null;
        if (passphrase != null && passphrase.length > 0) {
            encryption = new OpenSSHKeyEncryptionContext();
            encryption.setCipherName("AES");
            encryption.setCipherMode("CTR");
            encryption.setCipherType("256");
            encryption.setPassword(new String(passphrase));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key.keyPair(), key.comment(), encryption, out);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyCodecException(KeyCodecException.Reason.UNSUPPORTED, "Cannot write the key: " + e.getMessage(), e);
        }
    }

    static KeyInfo describe(PublicKey key, String comment) {
        String line = PublicKeyEntry.toString(key) + (comment == null || comment.isBlank() ? "" : " " + comment.strip());
        String type = KeyUtils.getKeyType(key);
        int bits = KeyUtils.getKeySize(key);
        if (bits <= 0 && type.contains("ed25519")) {
            bits = 256; // sshd does not size EdDSA keys
        }
        return new KeyInfo(type, bits, Fingerprints.sha256(key),
                line, comment == null ? "" : comment);
    }
}
