package dev.keyport.app.openssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.keyport.syncformat.openssh.KnownHostsWriter;
import dev.keyport.syncformat.openssh.SshConfigWriter;
import dev.keyport.syncformat.openssh.SshForward;
import dev.keyport.syncformat.openssh.SshHostConfig;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Identity;
import dev.keyport.vault.TrustedHostKey;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * The vault's hosts as an OpenSSH client configuration and its trusted server keys as a
 * {@code known_hosts} file, for {@code ssh -F DIR/config -o UserKnownHostsFile=DIR/known_hosts}. Each host
 * becomes a {@code Host} block named after it (made a valid alias where needed), with its tunnels'
 * forwards; jump chains become ProxyJump by alias. Keys kept in the vault are not written out (only
 * key files are named); nothing that runs a program is written. Existing files are never replaced.
 */
public final class SshConfigExport {

    /**
     * What was written.
     *
     * @param notes what does not carry over (vault keys, renamed aliases, pins that cannot stand in known_hosts)
     */
    public record Result(Path config, Path knownHosts, int hosts, int knownHostLines, List<String> notes) {
    }

    public static final String CONFIG = "config";
    public static final String KNOWN_HOSTS = "known_hosts";

    private final Vault vault;

    public SshConfigExport(Vault vault) {
        this.vault = vault;
    }

    /** Writes {@code dir/config} and {@code dir/known_hosts} (the folder is made if missing; neither file may exist). */
    public Result export(Path dir) throws IOException, VaultException {
        Path config = dir.resolve(CONFIG);
        Path knownHosts = dir.resolve(KNOWN_HOSTS);
        for (Path file : List.of(config, knownHosts)) {
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString(), null, file + " already exists; Keyport does not replace it.");
            }
        }
        List<String> notes = new ArrayList<>();
        List<SshHostConfig> blocks = vault.inTransaction(() -> blocks(notes));
        String configText = SshConfigWriter.write(blocks);
        StringBuilder known = new StringBuilder();
        int lines = 0;
        for (TrustedHostKey key : vault.hostKeys().list()) {
            try {
                known.append(KnownHostsWriter.line(new KnownHostsWriter.Pin(key.host(), key.port(), key.keyType(), key.keyData()), false))
                        .append('\n');
                lines++;
            } catch (IllegalArgumentException e) {
                notes.add("the trusted key for " + key.host() + ":" + key.port() + " is left out: " + e.getMessage());
            }
        }
        Files.createDirectories(dir);
        write(config, configText);
        write(knownHosts, known.toString());
        return new Result(config, knownHosts, blocks.size(), lines, notes);
    }

    private List<SshHostConfig> blocks(List<String> notes) throws VaultException {
        List<Host> hosts = vault.hosts().list();
        Map<UUID, Identity> identities = new HashMap<>();
        vault.identities().list().forEach(i -> identities.put(i.id(), i));
        Map<UUID, List<ForwardProfile>> tunnels = new HashMap<>();
        vault.forwardProfiles().list().forEach(t -> tunnels.computeIfAbsent(t.hostId(), k -> new ArrayList<>()).add(t));
        Map<UUID, String> aliases = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (Host host : hosts) {
            String alias = alias(host.name());
            String unique = alias;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = alias + "-" + n;
            }
            if (!unique.equals(host.name())) {
                notes.add("host " + host.name() + " is written as Host " + unique);
            }
            aliases.put(host.id(), unique);
        }
        List<SshHostConfig> blocks = new ArrayList<>();
        int vaultKeys = 0;
        for (Host host : hosts) {
            Optional<Identity> identity = host.details().identityId().map(identities::get);
            String user = identity.map(Identity::username).orElse(host.username());
            List<String> identityFiles = new ArrayList<>();
            if (host.auth() instanceof HostAuth.KeyFile file && identity.isEmpty()) {
                identityFiles.add(file.path());
            } else if (host.auth() instanceof HostAuth.VaultKey || identity.flatMap(Identity::keyId).isPresent()) {
                vaultKeys++;
            }
            List<String> jumps = host.details().jumpChain().stream().map(aliases::get).filter(a -> a != null).toList();
            List<SshForward> forwards = new ArrayList<>();
            tunnels.getOrDefault(host.id(), List.of()).forEach(t -> t.forwards().forEach(f -> forwards.add(forward(f))));
            int keepAlive = host.details().keepAliveSeconds();
            blocks.add(new SshHostConfig(aliases.get(host.id()), Optional.of(SshConfigImport.unbracket(host.address())), Optional.of(user),
                    host.port() == 22 ? Optional.empty() : Optional.of(host.port()), identityFiles, jumps, forwards,
                    keepAlive > 0 ? Optional.of(keepAlive) : Optional.empty(),
                    host.details().agentForwarding() ? Optional.of(true) : Optional.empty(), false));
        }
        if (vaultKeys > 0) {
            notes.add(vaultKeys + (vaultKeys == 1 ? " host logs" : " hosts log") + " in with a key kept in the vault, which is not"
                    + " written out: export it with keyport key export KEY FILE and add an IdentityFile line");
        }
        return blocks;
    }

    /** A name as a Host alias: no spaces, wildcards, quotes or '!'. */
    static String alias(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c > 0x20 && c < 0x7f && "*?!#\"'\\=,".indexOf(c) < 0 ? c : '-');
        }
        return out.isEmpty() ? "host" : out.toString();
    }

    private static SshForward forward(ForwardProfile.Forward f) {
        Optional<String> target = Optional.ofNullable(f.targetHost());
        return new SshForward(SshForward.Kind.valueOf(f.kind().name()), Optional.of(f.bindAddress()), f.bindPort(), target,
                target.isPresent() ? Optional.of(f.targetPort()) : Optional.empty());
    }

    private static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
