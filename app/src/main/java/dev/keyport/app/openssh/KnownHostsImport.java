package dev.keyport.app.openssh;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.keyport.syncformat.openssh.KnownHosts;
import dev.keyport.syncformat.openssh.KnownHostsEntry;
import dev.keyport.syncformat.openssh.KnownHostsReader;
import dev.keyport.vault.Host;
import dev.keyport.vault.TrustedHostKey;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * An OpenSSH {@code known_hosts} file into the vault's trusted server keys. A plain line pins each host
 * name it lists (patterns with wildcards or negation pin nothing). A hashed line hides its host name,
 * so it is imported only for the saved hosts whose address and port it matches, and counted as skipped
 * otherwise. A key that contradicts one the vault trusts for the same host, port and key type is never
 * imported. Blocking; one transaction.
 */
public final class KnownHostsImport {

    /**
     * What an import did.
     *
     * @param trusted        keys newly trusted
     * @param alreadyTrusted keys the vault trusted already
     * @param hashedSkipped  hashed lines that match no saved host
     * @param patternsOnly   lines that name no plain host (only wildcards or negations)
     * @param conflicts      keys not imported because the vault trusts another key of that type for the host
     * @param lines          one per newly trusted key ("db.internal:22 ssh-ed25519 SHA256:…") and per conflict
     * @param warnings       lines the reader skipped (markers, broken lines), with their line number
     */
    public record Result(int trusted, int alreadyTrusted, int hashedSkipped, int patternsOnly, int conflicts, List<String> lines,
                         List<String> warnings) {
    }

    private record Pin(String host, int port, String keyType, String key) {
    }

    private final Vault vault;

    public KnownHostsImport(Vault vault) {
        this.vault = vault;
    }

    public Result importFrom(Path file) throws IOException, VaultException {
        KnownHosts knownHosts;
        try {
            knownHosts = KnownHostsReader.read(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "There is no known_hosts file " + file + ".");
        }
        List<String> warnings = knownHosts.warnings().stream().map(Object::toString).toList();
        String source = "imported from " + file;
        return vault.inTransaction(() -> {
            List<Host> hosts = vault.hosts().list();
            Set<Pin> pins = new LinkedHashSet<>();
            int hashedSkipped = 0;
            int patternsOnly = 0;
            for (KnownHostsEntry entry : knownHosts.entries()) {
                if (entry.hashed().isPresent()) {
                    boolean matched = false;
                    for (Host host : hosts) {
                        String address = SshConfigImport.unbracket(host.address()).toLowerCase(Locale.ROOT);
                        if (entry.matches(address, host.port())) {
                            pins.add(new Pin(address, host.port(), entry.keyType(), entry.key()));
                            matched = true;
                        }
                    }
                    hashedSkipped += matched ? 0 : 1;
                } else {
                    entry.hostPorts().forEach(hp -> pins.add(new Pin(hp.host().toLowerCase(Locale.ROOT), hp.port(), entry.keyType(), entry.key())));
                    patternsOnly += entry.hostPorts().isEmpty() ? 1 : 0;
                }
            }
            return write(pins, source, hashedSkipped, patternsOnly, warnings);
        });
    }

    private Result write(Set<Pin> pins, String source, int hashedSkipped, int patternsOnly, List<String> warnings) throws VaultException {
        List<TrustedHostKey> trusted = new ArrayList<>(vault.hostKeys().list());
        List<String> lines = new ArrayList<>();
        int added = 0;
        int already = 0;
        int conflicts = 0;
        for (Pin pin : pins) {
            String where = pin.host() + ":" + pin.port();
            List<TrustedHostKey> same = trusted.stream().filter(k -> k.host().equalsIgnoreCase(pin.host()) && k.port() == pin.port()).toList();
            if (same.stream().anyMatch(k -> k.keyData().equals(pin.key()))) {
                already++;
            } else if (same.stream().anyMatch(k -> k.keyType().equals(pin.keyType()))) {
                conflicts++;
                lines.add("not imported: " + where + " " + pin.keyType() + " " + fingerprint(pin) + " (you trust another "
                        + pin.keyType() + " key for " + where + ")");
            } else {
                TrustedHostKey key = new TrustedHostKey(UUID.randomUUID(), pin.host(), pin.port(), pin.keyType(), pin.key(), Instant.now(),
                        source);
                vault.hostKeys().add(key);
                trusted.add(key);
                added++;
                lines.add("trusted " + where + " " + pin.keyType() + " " + fingerprint(pin));
            }
        }
        return new Result(added, already, hashedSkipped, patternsOnly, conflicts, lines, warnings);
    }

    private static String fingerprint(Pin pin) {
        return ServerKeys.fingerprint(pin.keyType(), pin.key());
    }
}
