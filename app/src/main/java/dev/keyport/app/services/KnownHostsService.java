package dev.keyport.app.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import dev.keyport.terminal.knownhosts.KnownHostsFile;
import dev.keyport.terminal.ssh.Fingerprints;
import dev.keyport.vault.TrustedHostKey;
import dev.keyport.vault.TrustedHostKeyRepository;
import dev.keyport.vault.VaultException;

/**
 * Every server key Keyport trusts, for the Known hosts screen: the keys in the vault (which it can
 * remove) and the person's OpenSSH {@code known_hosts} file, which Keyport reads and never writes
 * (hashed names stay hashed: they cannot be reversed). Blocking (the vault, the file): call it from a
 * background thread. FX-free.
 */
public final class KnownHostsService {

    /** Where a trusted key is kept. */
    public enum Source { VAULT, KNOWN_HOSTS }

    /**
     * One trusted key.
     *
     * @param id          the vault's id of the key; empty for a known_hosts line
     * @param host        the host as stored: a name or address, or for known_hosts the host field as written
     *                    (a comma list, patterns, or a hashed {@code |1|salt|hash})
     * @param port        the port, when it can be told (not for a hashed name or a pattern list)
     * @param hashed      true for a hashed known_hosts name
     * @param marker      {@code revoked} or {@code cert-authority} for such known_hosts lines; empty otherwise
     * @param keyType     SSH key type
     * @param fingerprint SHA256 fingerprint, in full
     * @param source      vault or known_hosts
     * @param where       "Keyport vault" or the file and line ("~/.ssh/known_hosts line 3")
     * @param addedAt     when it was trusted (the vault keeps it; known_hosts does not)
     */
    public record Entry(Optional<UUID> id, String host, OptionalInt port, boolean hashed, String marker, String keyType,
                        String fingerprint, Source source, String where, Optional<Instant> addedAt, Optional<PublicKey> key) {

        /** True when this entry names {@code host} at {@code port} (a hashed name is checked by hashing the question). */
        public boolean names(String queryHost, int queryPort) {
            if (source == Source.VAULT) {
                return host.equalsIgnoreCase(queryHost) && port.orElse(-1) == queryPort;
            }
            return key.isPresent() && new KnownHostsFile.Line(0, host, hashed, marker, keyType, fingerprint, key.get())
                    .matches(queryHost.toLowerCase(Locale.ROOT), queryPort);
        }

        public boolean removable() {
            return source == Source.VAULT && id.isPresent();
        }
    }

    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\]:(\\d+)");

    private final TrustedHostKeyRepository vault;
    private final Path knownHostsFile;

    /** @param knownHostsFile the person's {@code ~/.ssh/known_hosts} in the app ({@link KnownHostsFile#defaultFile()}), another file in tests */
    public KnownHostsService(TrustedHostKeyRepository vault, Path knownHostsFile) {
        this.vault = vault;
        this.knownHostsFile = knownHostsFile;
    }

    public Path knownHostsFile() {
        return knownHostsFile;
    }

    /**
     * The vault's keys (by host, port, date), then the known_hosts file's (in file order). A known_hosts
     * file that cannot be read is reported in the exception, the vault's keys are not lost for it: see
     * {@link Listing#problem()}.
     */
    public Listing list() throws VaultException {
        List<Entry> entries = new ArrayList<>();
        for (TrustedHostKey key : vault.list()) {
            Optional<PublicKey> publicKey = parse(key.keyType(), key.keyData());
            entries.add(new Entry(Optional.of(key.id()), key.host(), OptionalInt.of(key.port()), false, "", key.keyType(),
                    publicKey.map(Fingerprints::sha256).orElse("(unreadable key data)"), Source.VAULT,
                    "Keyport vault" + (key.source() == null || key.source().isBlank() ? "" : " (" + key.source() + ")"),
                    Optional.ofNullable(key.addedAt()), publicKey));
        }
        String problem = "";
        try {
            for (KnownHostsFile.Line line : KnownHostsFile.readOnly(knownHostsFile).lines()) {
                OptionalInt port = OptionalInt.empty();
                String host = line.hosts();
                if (!line.hashed() && !host.contains(",")) {
                    Matcher m = BRACKETED.matcher(host);
                    if (m.matches()) {
                        host = m.group(1);
                        port = OptionalInt.of(Integer.parseInt(m.group(2)));
                    } else if (!host.contains("*") && !host.contains("?") && !host.startsWith("!")) {
                        port = OptionalInt.of(22);
                    }
                }
                entries.add(new Entry(Optional.empty(), host, port, line.hashed(), line.marker(), line.keyType(), line.fingerprint(),
                        Source.KNOWN_HOSTS, knownHostsFile + " line " + line.number(), Optional.empty(), Optional.of(line.key())));
            }
        } catch (UncheckedIOException e) {
            problem = "Could not read " + knownHostsFile + ": " + e.getCause().getMessage();
        }
        return new Listing(entries, problem);
    }

    /** What {@link #list()} found, and a sentence when the known_hosts file could not be read (else empty). */
    public record Listing(List<Entry> entries, String problem) {
        public Listing {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Removes a key from the vault: the next connection to that host and port asks about its key again.
     *
     * @throws IllegalArgumentException for a known_hosts line (Keyport does not edit that file; the message says how to)
     */
    public boolean remove(Entry entry) throws VaultException {
        if (!entry.removable()) {
            throw new IllegalArgumentException("Keyport does not change " + knownHostsFile + ". Remove the key there with: ssh-keygen -f "
                    + knownHostsFile + " -R " + (entry.hashed() ? "HOST (or [HOST]:PORT)" : "'" + bracketed(entry) + "'"));
        }
        return vault.delete(entry.id().get());
    }

    private static String bracketed(Entry entry) {
        int port = entry.port().orElse(22);
        return port == 22 ? entry.host() : "[" + entry.host() + "]:" + port;
    }

    private static Optional<PublicKey> parse(String type, String data) {
        try {
            return Optional.ofNullable(PublicKeyEntry.parsePublicKeyEntry(type + " " + data)
                    .resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
