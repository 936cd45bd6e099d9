package dev.keyport.app.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.keyport.app.session.Session;
import dev.keyport.app.session.SessionService;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.keys.DecodedKey;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.vault.Fields;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostRepository;
import dev.keyport.vault.Identity;
import dev.keyport.vault.IdentityRepository;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.KeyRepository;
import dev.keyport.vault.VaultException;

/**
 * The keys in the vault as the Keys page and {@code keyport key} use them: list with where each is
 * used and whether it is weak, generate, import (every format {@link KeyCodec} reads), export,
 * delete (refused while in use) and install on a saved host (ssh-copy-id). Blocking: call off the
 * UI thread. Passphrases passed in are wiped here.
 */
public final class KeyService {

    /** Where a key is used: hosts that log in with it (directly or through an identity) and identities holding it. */
    public record KeyUsage(List<String> hosts, List<String> identities) {
        public KeyUsage {
            hosts = List.copyOf(hosts);
            identities = List.copyOf(identities);
        }

        public boolean inUse() {
            return !hosts.isEmpty() || !identities.isEmpty();
        }
    }

    /** A key with where it is used and, for an old type or size, why it is weak. */
    public record KeyItem(KeyEntry entry, KeyUsage usage, Optional<String> weakness, boolean hasPrivateKey) {
    }

    /** A key just imported, with a warning when it is weak. */
    public record Imported(KeyEntry entry, Optional<String> warning) {
    }


    private final KeyRepository keys;
    private final HostRepository hosts;
    private final IdentityRepository identities;
    private final SessionService sessions;

    /** @param sessions how "install on a host" logs in to a saved host (the same path as a terminal tab) */
    public KeyService(KeyRepository keys, HostRepository hosts, IdentityRepository identities, SessionService sessions) {
        this.keys = keys;
        this.hosts = hosts;
        this.identities = identities;
        this.sessions = sessions;
    }

    /**
     * Why a key of this type and size is weak, or empty when it is not: RSA under 2048 bits and DSA
     * (which OpenSSH has dropped) are.
     */
    public static Optional<String> weakness(String type, int bits) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("ssh-dss") || t.contains("dsa") && !t.contains("ecdsa")) {
            return Optional.of("Weak: DSA keys are limited to 1024 bits and SHA-1, and current OpenSSH servers refuse them."
                    + " Generate an ed25519 key and use it instead.");
        }
        if (t.equals("ssh-rsa") && bits > 0 && bits < 2048) {
            return Optional.of("Weak: RSA keys under 2048 bits (this one has " + bits + ") can be broken."
                    + " Generate an ed25519 key and use it instead.");
        }
        return Optional.empty();
    }

    public List<KeyItem> list() throws VaultException {
        List<KeyEntry> entries = keys.list();
        List<Host> allHosts = hosts.list();
        List<Identity> allIdentities = identities.list();
        List<KeyItem> items = new ArrayList<>();
        for (KeyEntry entry : entries) {
            items.add(new KeyItem(entry, usage(entry.id(), allHosts, allIdentities), weakness(entry.type(), entry.bits()),
                    keys.hasPrivateKey(entry.id())));
        }
        return items;
    }

    public Optional<KeyEntry> find(UUID id) throws VaultException {
        return keys.find(id);
    }

    /** Where the key is used now. */
    public KeyUsage usage(UUID keyId) throws VaultException {
        return usage(keyId, hosts.list(), identities.list());
    }

    private static KeyUsage usage(UUID keyId, List<Host> allHosts, List<Identity> allIdentities) {
        Map<UUID, String> identitiesUsing = new LinkedHashMap<>();
        for (Identity identity : allIdentities) {
            if (identity.keyId().filter(keyId::equals).isPresent()) {
                identitiesUsing.put(identity.id(), identity.name());
            }
        }
        List<String> hostNames = new ArrayList<>();
        for (Host host : allHosts) {
            boolean direct = host.auth() instanceof HostAuth.VaultKey v && v.keyId().equals(keyId);
            boolean throughIdentity = host.details().identityId().filter(identitiesUsing::containsKey).isPresent();
            if (direct || throughIdentity) {
                hostNames.add(host.name());
            }
        }
        return new KeyUsage(hostNames, new ArrayList<>(identitiesUsing.values()));
    }

    /**
     * Generates a key pair and keeps it in the vault. With a passphrase the key is stored encrypted
     * under it (and the passphrase beside it, so connecting needs no question).
     */
    public KeyEntry generate(KeyAlgorithm algorithm, String name, char[] passphrase) throws VaultException, KeyCodecException {
        try {
            Fields.require(Fields.checkName("Key name", name));
            DecodedKey key = KeyCodec.generate(algorithm, name.strip());
            return KeyStorage.store(keys, key, name.strip(), passphrase == null || passphrase.length == 0 ? null : passphrase);
        } finally {
            wipe(passphrase);
        }
    }

    /** Imports a private key file (read bounded: {@link BoundedFile#KEY}); its comment comes from FILE.pub when there. */
    public Imported importFile(Path file, String name, char[] passphrase) throws IOException, VaultException, KeyCodecException {
        byte[] material;
        try {
            material = readKeyFile(file);
        } catch (IOException e) {
            wipe(passphrase);
            throw e;
        }
        try {
            String keyName = name == null || name.isBlank() ? file.getFileName().toString() : name;
            return importKey(material, file.toString(), keyName, commentFromPublicKeyFile(file).orElse(keyName), passphrase);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * A private key file's bytes, at most {@link BoundedFile#KEY}'s limit, with a sentence for a person
     * when it cannot be read ("There is no file FILE."); the caller wipes them. Blocking.
     */
    public static byte[] readKeyFile(Path file) throws IOException {
        try {
            return BoundedFile.read(file, BoundedFile.KEY);
        } catch (BoundedFile.TooLargeException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(BoundedFile.describe(e), e);
        }
    }

    /**
     * Imports a private key from its content (a file's bytes or pasted text): OpenSSH, PEM PKCS#1,
     * PKCS#8 or PuTTY PPK. An encrypted key without {@code passphrase} throws a {@link KeyCodecException}
     * with reason {@code PASSPHRASE_NEEDED}; a wrong one, {@code WRONG_PASSPHRASE}. The key is kept
     * unencrypted in the vault (which encrypts it per field). The caller wipes {@code material}.
     *
     * @param source how the person knows it ("~/.ssh/id_rsa", "the pasted key"); used in messages
     */
    public Imported importKey(byte[] material, String source, String name, String comment, char[] passphrase)
            throws VaultException, KeyCodecException {
        try {
            Fields.require(Fields.checkName("Key name", name));
            if (material.length > BoundedFile.KEY.limit()) {
                throw new KeyCodecException(KeyCodecException.Reason.UNREADABLE, source + " is too large for a key (limit "
                        + BoundedFile.size(BoundedFile.KEY.limit()) + ")", null);
            }
            if (looksLikePublicKey(material)) {
                throw new KeyCodecException(KeyCodecException.Reason.UNREADABLE, source + " is a public key. Keyport keeps private"
                        + " keys: import the file without .pub (it starts with -----BEGIN or PuTTY-User-Key-File).", null);
            }
            char[] given = passphrase == null ? null : passphrase.clone();
            DecodedKey key = KeyCodec.read(material, source, printable(comment), s -> given);
            wipe(given);
            KeyEntry entry = KeyStorage.store(keys, key, name.strip());
            return new Imported(entry, weakness(entry.type(), entry.bits()));
        } finally {
            wipe(passphrase);
        }
    }

    /** The public key as one OpenSSH line ({@code ssh-ed25519 AAAA... comment}). */
    public String publicKey(UUID id) throws VaultException {
        return entry(id).publicKey();
    }

    /**
     * Writes the private key as an OpenSSH file under {@code passphrase} (not empty), readable by the
     * owner only; never overwrites a file.
     */
    public void exportPrivate(UUID id, Path file, char[] passphrase) throws VaultException, KeyCodecException, IOException {
        byte[] stored = null;
        byte[] written = null;
        Optional<char[]> storedPassphrase = Optional.empty();
        try {
            if (passphrase == null || passphrase.length == 0) {
                throw new IOException("Choose a passphrase for the exported key: a private key file is never written unprotected.");
            }
            KeyEntry entry = entry(id);
            stored = keys.privateKey(id);
            storedPassphrase = keys.passphrase(id);
            char[] opener = storedPassphrase.map(char[]::clone).orElse(null);
            DecodedKey key = KeyCodec.read(stored, entry.name(), entry.comment(), s -> opener);
            written = KeyCodec.writeOpenSsh(key, passphrase);
            writeNew(file, written, true);
        } finally {
            wipe(passphrase);
            storedPassphrase.ifPresent(KeyService::wipe);
            if (stored != null) {
                Arrays.fill(stored, (byte) 0);
            }
            if (written != null) {
                Arrays.fill(written, (byte) 0);
            }
        }
    }

    /** Writes the public key line to {@code file} (an {@code .pub} file); never overwrites a file. */
    public void exportPublic(UUID id, Path file) throws VaultException, IOException {
        writeNew(file, (entry(id).publicKey() + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    private static void writeNew(Path file, byte[] content, boolean ownerOnly) throws IOException {
        try {
            if (ownerOnly && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " already exists; Keyport does not overwrite key files. Choose another name.", e);
        }
        Files.write(file, content);
    }

    /** Deletes a key no host or identity uses; otherwise refuses, naming them. */
    public void delete(UUID id) throws VaultException, InUseException {
        KeyEntry entry = entry(id);
        KeyUsage usage = usage(id);
        if (usage.inUse()) {
            throw new InUseException("Key " + entry.name() + " is used by " + InUseException.users(usage.hosts(), usage.identities())
                    + ". Choose another key for them first, then delete it.", usage.hosts(), usage.identities());
        }
        keys.delete(id);
    }

    /**
     * Logs in to {@code host} as it is saved (its own credentials) and appends the key's public half
     * to the server's {@code ~/.ssh/authorized_keys} (ssh-copy-id).
     *
     * @return true when it was added, false when the server already had it
     */
    public boolean installOn(UUID keyId, Host host) throws VaultException, SshFailure {
        KeyEntry entry = entry(keyId);
        try (Session session = sessions.connect(host)) {
            SshConnection connection = session.connection().orElseThrow(() -> new SshFailure(SshFailure.Kind.DISCONNECTED,
                    "The connection to " + host.name() + " closed before the key was installed."));
            return connection.installPublicKey(entry.publicKey());
        }
    }

    private KeyEntry entry(UUID id) throws VaultException {
        return keys.find(id).orElseThrow(() -> new VaultException("That key is no longer in the vault."));
    }

    private static boolean looksLikePublicKey(byte[] material) {
        String start = new String(material, 0, Math.min(material.length, 40), StandardCharsets.US_ASCII).stripLeading();
        return start.startsWith("ssh-") || start.startsWith("ecdsa-sha2-") || start.startsWith("sk-")
                || start.startsWith("---- BEGIN SSH2 PUBLIC KEY");
    }

    private static Optional<String> commentFromPublicKeyFile(Path file) {
        try {
            Path pub = file.resolveSibling(file.getFileName() + ".pub");
            if (!Files.isRegularFile(pub)) {
                return Optional.empty();
            }
            String[] parts = new String(BoundedFile.read(pub, BoundedFile.PUBLIC_KEY), StandardCharsets.UTF_8)
                    .strip().split(" ", 3);
            return parts.length == 3 ? Optional.of(parts[2].strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A comment without control characters or quotes (it ends up in authorized_keys lines and on terminals). */
    static String printable(String comment) {
        if (comment == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        comment.codePoints().filter(c -> !Character.isISOControl(c) && c != '\'' && c != '"').forEach(text::appendCodePoint);
        return text.toString().strip();
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
