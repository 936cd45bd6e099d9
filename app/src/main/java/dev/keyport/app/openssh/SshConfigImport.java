package dev.keyport.app.openssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.keyport.app.services.Destination;
import dev.keyport.app.services.BoundedFile;
import dev.keyport.app.services.KeyStorage;
import dev.keyport.syncformat.openssh.SshConfig;
import dev.keyport.syncformat.openssh.SshConfigReader;
import dev.keyport.syncformat.openssh.SshForward;
import dev.keyport.syncformat.openssh.SshHostConfig;
import dev.keyport.terminal.keys.DecodedKey;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.terminal.keys.KeyInfo;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.HostDetails;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * An OpenSSH client configuration ({@code ~/.ssh/config}) into the vault, as {@code ssh} resolves each
 * alias ({@link SshConfigReader}): every alias becomes a host named after it (HostName, User, Port;
 * ProxyJump as a jump chain of hosts; ServerAliveInterval as keepalive; ForwardAgent), its first
 * IdentityFile is read into the vault ({@link KeyCodec}, the passphrase asked if it is encrypted) and
 * its forwards become a tunnel "ALIAS forwards". Importing again updates what it made, found by name
 * (hosts, tunnels) and fingerprint (keys): nothing is duplicated. Settings ssh_config does not have
 * (groups, tags, notes) are left as they are. Blocking; key files are read before the vault is
 * written, and the vault is written in one transaction.
 */
public final class SshConfigImport {

    /**
     * What an import did.
     *
     * @param lines    one per alias: "added bastion (ops@bastion.example:22)", "updated db (...)", "unchanged app (...)"
     * @param warnings what was not imported, with file and line where the config says
     */
    public record Result(List<String> lines, List<String> warnings, int added, int updated, int unchanged, int keysAdded,
                         int tunnels) {
    }

    private final Vault vault;

    public SshConfigImport(Vault vault) {
        this.vault = vault;
    }

    /**
     * Imports {@code configFile}; {@code ~}, {@code %d} and relative Includes are taken from {@code home}.
     *
     * @param passphrases asked for an encrypted IdentityFile (null: cancelled, the host then keeps the file's path)
     * @throws IOException when {@code configFile} itself cannot be read
     */
    public Result importFrom(Path configFile, Path home, KeyCodec.PassphrasePrompt passphrases) throws IOException, VaultException {
        SshConfig config;
        try {
            config = SshConfigReader.read(configFile, home);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(configFile.toString(), null, "There is no ssh_config " + configFile + ".");
        }
        List<String> warnings = new ArrayList<>();
        config.warnings().forEach(w -> warnings.add(w.toString()));
        Map<String, ReadKey> keys = readKeys(config, home, passphrases, warnings);
        return vault.inTransaction(() -> write(config, home, keys, warnings));
    }

    /** A key file read for the vault, or why not. */
    private record ReadKey(String written, Optional<DecodedKey> key) {
    }

    /** Every alias's first IdentityFile, read once each (a passphrase is asked once per file). */
    private static Map<String, ReadKey> readKeys(SshConfig config, Path home, KeyCodec.PassphrasePrompt passphrases, List<String> warnings) {
        Map<String, ReadKey> byPath = new HashMap<>();
        for (SshHostConfig host : config.hosts()) {
            if (host.identityFiles().isEmpty()) {
                continue;
            }
            if (host.identityFiles().size() > 1) {
                warnings.add(host.alias() + ": only the first IdentityFile (" + host.identityFiles().get(0) + ") is imported;"
                        + " Keyport logs in to a host with one key");
            }
            String written = host.identityFiles().get(0);
            Path file = expand(written, home, host);
            byPath.computeIfAbsent(file.toString(), f -> new ReadKey(written, read(host.alias(), written, file, passphrases, warnings)));
        }
        return byPath;
    }

    private static Optional<DecodedKey> read(String alias, String written, Path file, KeyCodec.PassphrasePrompt passphrases,
                                             List<String> warnings) {
        byte[] material = null;
        try {
            material = BoundedFile.read(file, BoundedFile.KEY);
            return Optional.of(KeyCodec.read(material, written, comment(file), passphrases));
        } catch (NoSuchFileException e) {
            warnings.add(alias + ": IdentityFile " + written + " does not exist; the host keeps the path and reads it when connecting");
        } catch (IOException | KeyCodecException e) {
            warnings.add(alias + ": IdentityFile " + written + " was not imported (" + e.getMessage() + "); the host keeps the path"
                    + " and reads it when connecting");
        } finally {
            if (material != null) {
                Arrays.fill(material, (byte) 0);
            }
        }
        return Optional.empty();
    }

    private static String comment(Path file) {
        try {
            String[] parts = new String(BoundedFile.read(file.resolveSibling(file.getFileName() + ".pub"), BoundedFile.KEY),
                    java.nio.charset.StandardCharsets.UTF_8).strip().split("[ \t]+", 3);
            return parts.length == 3 ? parts[2] : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code ~}, {@code %d} (home), {@code %u} (local user), {@code %h}, {@code %r}, {@code %%}, as ssh expands IdentityFile. */
    static Path expand(String path, Path home, SshHostConfig host) {
        String text = path.equals("~") || path.startsWith("~/") ? home + path.substring(1) : path;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char token = text.charAt(++i);
            switch (token) {
                case 'd' -> out.append(home);
                case 'u' -> out.append(System.getProperty("user.name", ""));
                case 'h' -> out.append(host.hostNameOrAlias());
                case 'r' -> out.append(host.user().orElse(System.getProperty("user.name", "")));
                case '%' -> out.append('%');
                default -> out.append('%').append(token);
            }
        }
        Path result = Path.of(out.toString());
        return result.isAbsolute() ? result : home.resolve(".ssh").resolve(result);
    }

    private Result write(SshConfig config, Path home, Map<String, ReadKey> keyFiles, List<String> warnings) throws VaultException {
        Map<String, Host> hostsByName = new LinkedHashMap<>();
        for (Host host : vault.hosts().list()) {
            hostsByName.putIfAbsent(lower(host.name()), host);
        }
        Map<String, KeyEntry> keysByFingerprint = new HashMap<>();
        for (KeyEntry key : vault.keys().list()) {
            keysByFingerprint.putIfAbsent(key.fingerprint(), key);
        }
        int keysAdded = 0;
        Map<String, UUID> keyIds = new HashMap<>();
        for (Map.Entry<String, ReadKey> file : keyFiles.entrySet()) {
            Optional<DecodedKey> key = file.getValue().key();
            if (key.isEmpty()) {
                continue;
            }
            KeyInfo info = key.get().info();
            KeyEntry known = keysByFingerprint.get(info.fingerprint());
            if (known == null) {
                known = store(key.get(), Path.of(file.getValue().written()).getFileName().toString());
                keysByFingerprint.put(info.fingerprint(), known);
                keysAdded++;
            }
            keyIds.put(file.getKey(), known.id());
        }

        // every alias gets its id first: jump chains refer to aliases
        Map<String, UUID> ids = new HashMap<>();
        for (SshHostConfig alias : config.hosts()) {
            Host existing = hostsByName.get(lower(alias.alias()));
            ids.put(alias.alias(), existing != null ? existing.id() : UUID.randomUUID());
        }
        List<Host> hops = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (SshHostConfig alias : config.hosts()) {
            Host existing = hostsByName.get(lower(alias.alias()));
            HostDetails details = existing != null ? existing.details() : HostDetails.NONE;
            List<UUID> chain = new ArrayList<>();
            for (String hop : alias.proxyJump()) {
                UUID via = hop(config, hop, ids, hostsByName, hops, warnings);
                if (via.equals(ids.get(alias.alias()))) {
                    warnings.add(alias.alias() + ": ProxyJump " + hop + " is the host itself; that hop is left out");
                } else {
                    chain.add(via);
                }
            }
            details = new HostDetails(details.groupId(), details.identityId(), details.tags(), chain,
                    alias.serverAliveInterval().orElse(details.keepAliveSeconds()), details.hostKeyPolicy(), details.legacyAlgorithms(),
                    details.notes(), alias.forwardAgent().orElse(details.agentForwarding()));
            HostAuth auth = existing != null ? existing.auth() : new HostAuth.Password();
            if (!alias.identityFiles().isEmpty()) {
                String written = alias.identityFiles().get(0);
                UUID key = keyIds.get(expand(written, home, alias).toString());
                auth = key != null ? new HostAuth.VaultKey(key) : new HostAuth.KeyFile(written);
            }
            String user = alias.user().orElse(existing != null ? existing.username() : System.getProperty("user.name", "root"));
            Host host = new Host(ids.get(alias.alias()), alias.alias(), unbracket(alias.hostNameOrAlias()), alias.portOrDefault(), user,
                    auth, details);
            String where = " (" + Destination.display(host.username(), host.address(), host.port(), true) + ")";
            if (existing == null) {
                added++;
                lines.add("added " + host.name() + where);
            } else if (existing.equals(host)) {
                unchanged++;
                lines.add("unchanged " + host.name() + where);
            } else {
                updated++;
                lines.add("updated " + host.name() + where);
            }
            hosts.add(host);
        }
        // hosts without their jump chains first, so that every hop exists when the chains are written
        List<Host> all = new ArrayList<>(hops);
        all.addAll(hosts);
        vault.hosts().saveAll(all.stream().map(h -> h.withDetails(h.details().withJumpChain(List.of()))).toList());
        vault.hosts().saveAll(all);
        int tunnels = writeTunnels(config, ids);
        return new Result(lines, warnings, added, updated, unchanged, keysAdded, tunnels);
    }

    /** A ProxyJump hop: an alias of the config, else a host of that name (made from the hop when there is none). */
    private UUID hop(SshConfig config, String hop, Map<String, UUID> ids, Map<String, Host> hostsByName, List<Host> made,
                     List<String> warnings) {
        String user = null;
        String hostPart = hop;
        int at = hop.lastIndexOf('@');
        if (at >= 0) {
            user = hop.substring(0, at);
            hostPart = hop.substring(at + 1);
        }
        Integer port = null;
        if (hostPart.startsWith("[") && hostPart.contains("]")) {
            int close = hostPart.indexOf(']');
            if (hostPart.startsWith(":", close + 1)) {
                port = parsePort(hostPart.substring(close + 2));
            }
            hostPart = hostPart.substring(1, close);
        } else if (hostPart.indexOf(':') > 0 && hostPart.indexOf(':') == hostPart.lastIndexOf(':')) {
            port = parsePort(hostPart.substring(hostPart.indexOf(':') + 1));
            hostPart = hostPart.substring(0, hostPart.indexOf(':'));
        }
        if (user == null && port == null && ids.containsKey(hostPart)) {
            return ids.get(hostPart);
        }
        Host known = hostsByName.get(lower(hop));
        if (known != null) {
            return known.id();
        }
        SshHostConfig resolved = config.resolve(hostPart);
        Host host = Host.create(hop, unbracket(resolved.hostNameOrAlias()), port != null ? port : resolved.portOrDefault(),
                user != null ? user : resolved.user().orElse(System.getProperty("user.name", "root")), new HostAuth.Password());
        hostsByName.put(lower(hop), host);
        made.add(host);
        warnings.add("ProxyJump " + hop + " is not an alias of the file: imported as a host of its own named " + hop);
        return host.id();
    }

    private static Integer parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private int writeTunnels(SshConfig config, Map<String, UUID> ids) throws VaultException {
        Map<String, ForwardProfile> byName = new HashMap<>();
        for (ForwardProfile profile : vault.forwardProfiles().list()) {
            byName.putIfAbsent(lower(profile.name()), profile);
        }
        int written = 0;
        for (SshHostConfig alias : config.hosts()) {
            if (alias.forwards().isEmpty()) {
                continue;
            }
            String name = alias.alias() + " forwards";
            ForwardProfile existing = byName.get(lower(name));
            List<ForwardProfile.Forward> forwards = alias.forwards().stream().map(SshConfigImport::forward).toList();
            ForwardProfile profile = new ForwardProfile(existing != null ? existing.id() : UUID.randomUUID(), name, ids.get(alias.alias()),
                    existing != null && existing.autostart(), forwards);
            if (!profile.equals(existing)) {
                vault.forwardProfiles().save(profile);
            }
            written++;
        }
        return written;
    }

    /** OpenSSH listens on the loopback address when no bind address is given, on every interface for "" or "*". */
    static ForwardProfile.Forward forward(SshForward f) {
        String bind = f.bindAddress().map(a -> a.isEmpty() ? "*" : a).orElse("127.0.0.1");
        return new ForwardProfile.Forward(ForwardProfile.Kind.valueOf(f.kind().name()), bind, f.bindPort(), f.targetHost().orElse(null),
                f.targetPort().orElse(0));
    }

    private KeyEntry store(DecodedKey key, String name) throws VaultException {
        try {
            return KeyStorage.store(vault.keys(), key, name);
        } catch (KeyCodecException e) {
            throw new VaultException("Cannot keep the key " + name + " in the vault: " + e.getMessage(), e);
        }
    }

    /** ssh's HostName has no brackets; Keyport's addresses take an IPv6 address either way. */
    static String unbracket(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
