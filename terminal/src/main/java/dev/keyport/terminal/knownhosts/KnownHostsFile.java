package dev.keyport.terminal.knownhosts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.config.hosts.KnownHostHashValue;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.terminal.HostKeyStore;

/**
 * An OpenSSH {@code known_hosts} file as a {@link HostKeyStore}. Reads plain and hashed
 * ({@code |1|salt|hash}) entries, {@code [host]:port}, comma lists, {@code * ? !} patterns, several
 * keys per host, {@code @revoked} and {@code @cert-authority} (parsing by sshd's
 * {@link KnownHostEntry}). Writing only appends a line, so comments, unknown and invalid lines stay
 * exactly as they were. The file is re-read on every lookup: OpenSSH may change it meanwhile.
 */
public final class KnownHostsFile implements HostKeyStore {

    /** The largest known_hosts file read (a real one with thousands of hosts is well under 1 MiB). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(KnownHostsFile.class);
    private static final String REVOKED = "revoked";

    private final Path file;
    private final boolean hashNewEntries;
    private final boolean readOnly;

    private KnownHostsFile(Path file, boolean hashNewEntries, boolean readOnly) {
        this.file = file;
        this.hashNewEntries = hashNewEntries;
        this.readOnly = readOnly;
    }

    /** A file Keyport reads and appends to; new entries are hashed when {@code hashNewEntries} (OpenSSH HashKnownHosts). */
    public static KnownHostsFile of(Path file, boolean hashNewEntries) {
        return new KnownHostsFile(file, hashNewEntries, false);
    }

    /** A file Keyport only reads, e.g. the person's {@code ~/.ssh/known_hosts} next to the vault. */
    public static KnownHostsFile readOnly(Path file) {
        return new KnownHostsFile(file, false, true);
    }

    /** {@code ~/.ssh/known_hosts}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    public Path file() {
        return file;
    }

    @Override
    public List<PublicKey> trustedKeys(String host, int port) {
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : entries()) {
            if (entry.getMarker() == null && entry.isHostMatch(host, port)) {
                toKey(entry).ifPresent(keys::add);
            }
        }
        return keys;
    }

    @Override
    public boolean isRevoked(String host, int port, PublicKey key) {
        for (KnownHostEntry entry : entries()) {
            // OpenSSH: @revoked applies to the key wherever it appears; the host patterns are informative.
            if (REVOKED.equalsIgnoreCase(entry.getMarker())) {
                Optional<PublicKey> revoked = toKey(entry);
                if (revoked.isPresent() && KeyUtils.compareKeys(revoked.get(), key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * One readable key line of the file, for showing it: {@code hosts} as written (a hashed name stays
     * {@code |1|salt|hash}: it cannot be reversed), the marker ({@code revoked}, {@code cert-authority}) or
     * empty, the key's type and SHA256 fingerprint.
     */
    public record Line(int number, String hosts, boolean hashed, String marker, String keyType, String fingerprint, PublicKey key) {

        /** True when this line names {@code host} at {@code port} (hashed names are checked by hashing). */
        public boolean matches(String host, int port) {
            try {
                return KnownHostEntry.parseKnownHostEntry(
                        hosts + " " + PublicKeyEntry.toString(key)).isHostMatch(host, port);
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    /** Every key line Keyport can read, in file order (unreadable lines are skipped, as OpenSSH does). */
    public List<Line> lines() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> raw;
        try {
            raw = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(text);
                if (entry == null || entry.getKeyEntry() == null) {
                    continue;
                }
                Optional<PublicKey> key = toKey(entry);
                if (key.isEmpty()) {
                    continue;
                }
                String hosts = text.startsWith("@") ? text.split("\\s+")[1] : text.split("\\s+")[0];
                lines.add(new Line(i + 1, hosts, entry.getHashedEntry() != null,
                        entry.getMarker() == null ? "" : entry.getMarker(), KeyUtils.getKeyType(key.get()),
                        KeyUtils.getFingerPrint(org.apache.sshd.common.digest.BuiltinDigests.sha256, key.get()), key.get()));
            } catch (RuntimeException e) {
                LOG.debug("Skipping an unreadable line in {}", file);
            }
        }
        return lines;
    }

    /** Certificate authorities trusted for the host ({@code @cert-authority} lines). */
    public List<PublicKey> certificateAuthorities(String host, int port) {
        List<PublicKey> keys = new ArrayList<>();
        for (KnownHostEntry entry : entries()) {
            if ("cert-authority".equalsIgnoreCase(entry.getMarker()) && entry.isHostMatch(host, port)) {
                toKey(entry).ifPresent(keys::add);
            }
        }
        return keys;
    }

    @Override
    public synchronized void trust(String host, int port, PublicKey key) {
        if (readOnly) {
            throw new UnsupportedOperationException(describe() + " is read-only for Keyport");
        }
        String line = hostField(host, port) + " " + PublicKeyEntry.toString(key);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
                trySetPermissions(parent, "rwx------");
            }
            boolean created = !Files.exists(file);
            StringBuilder text = new StringBuilder();
            if (!created && Files.size(file) > 0 && !endsWithNewline(file)) {
                text.append('\n');
            }
            text.append(line).append('\n');
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (created) {
                trySetPermissions(file, "rw-------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the host key to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the plain and hashed entries for this host and port (like {@code ssh-keygen -R});
     * {@code @revoked}/{@code @cert-authority} lines, comments and every other line stay byte for byte.
     * Written to a temporary file and moved over the old one.
     */
    @Override
    public synchronized int forget(String host, int port) {
        if (readOnly) {
            throw new UnsupportedOperationException(describe() + " is read-only for Keyport");
        }
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try {
            String text = new String(readBounded(file), StandardCharsets.UTF_8);
            StringBuilder kept = new StringBuilder();
            int removed = 0;
            for (String line : text.split("(?<=\n)")) {
                String entryText = line.strip();
                KnownHostEntry entry = null;
                if (!entryText.isEmpty() && !entryText.startsWith("#")) {
                    try {
                        entry = KnownHostEntry.parseKnownHostEntry(entryText);
                    } catch (RuntimeException e) {
                        entry = null;
                    }
                }
                if (entry != null && entry.getMarker() == null && entry.getKeyEntry() != null && entry.isHostMatch(host, port)) {
                    removed++;
                } else {
                    kept.append(line);
                }
            }
            if (removed > 0) {
                Path temp = file.resolveSibling(file.getFileName() + ".keyport-tmp");
                Files.writeString(temp, kept, StandardCharsets.UTF_8);
                try {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file));
                } catch (IOException | UnsupportedOperationException e) {
                    LOG.debug("Could not copy permissions of {}", file);
                }
                Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not update " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** Like OpenSSH: {@code ssh-keygen -f FILE -R '[host]:port'} removes the old key (Keyport never edits a read-only file). */
    @Override
    public String replaceAdvice(String host, int port) {
        String name = port == 22 ? host : "[" + host + "]:" + port;
        return "If the server's administrator confirms the new key, remove the old one with: ssh-keygen -f " + file
                + " -R '" + name + "', then connect again.";
    }

    private String hostField(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        if (!hashNewEntries) {
            return KnownHostHashValue.createHostPattern(name, port);
        }
        try {
            byte[] salt = new byte[20];
            new SecureRandom().nextBytes(salt);
            byte[] hash = KnownHostHashValue.calculateHashValue(name, port, KnownHostHashValue.DEFAULT_DIGEST, salt);
            return KnownHostHashValue.append(new StringBuilder(), KnownHostHashValue.DEFAULT_DIGEST, salt, hash).toString();
        } catch (Exception e) {
            throw new IllegalStateException("Could not hash the host name: " + e.getMessage(), e);
        }
    }

    private List<KnownHostEntry> entries() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = new String(readBounded(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            LOG.warn("Could not read {}: {}", file, e.getMessage());
            return List.of();
        }
        List<KnownHostEntry> entries = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(line);
                if (entry != null && entry.getKeyEntry() != null) {
                    entries.add(entry);
                }
            } catch (RuntimeException e) {
                // OpenSSH skips lines it cannot parse; so do we (and never rewrite them).
                LOG.debug("Skipping an unreadable line in {}", file);
            }
        }
        return entries;
    }

    private static Optional<PublicKey> toKey(KnownHostEntry entry) {
        AuthorizedKeyEntry keyEntry = entry.getKeyEntry();
        try {
            return Optional.ofNullable(keyEntry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING));
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** At most {@link #MAX_BYTES}: a bigger file is refused ("FILE is too large for a known_hosts file (limit 16 MiB)"). */
    private static byte[] readBounded(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException(file + " is too large for a known_hosts file (limit " + MAX_BYTES / (1024 * 1024) + " MiB)");
            }
            return bytes;
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = readBounded(file);
        return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
    }

    private static void trySetPermissions(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Could not restrict permissions of {}", path);
        }
    }
}
