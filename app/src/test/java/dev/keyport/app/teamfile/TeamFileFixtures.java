package dev.keyport.app.teamfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.keyport.syncformat.ReadResult;
import dev.keyport.syncformat.SecretsPolicy;
import dev.keyport.syncformat.TeamDocument;
import dev.keyport.syncformat.TeamFileReader;
import dev.keyport.syncformat.TeamFileWriter;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;
import dev.keyport.vault.crypto.KdfParameters;

/** Vaults, golden team files and edited copies of them for the team file tests. */
final class TeamFileFixtures {

    /** sync-format's golden files, read where they are (tests run in the app module's folder). */
    static final Path GOLDEN = Path.of("../sync-format/src/test/resources/golden");
    static final Path PLAIN = GOLDEN.resolve("team-1.0.keyport");
    static final Path WITH_SECRETS = GOLDEN.resolve("team-1.0-secrets.keyport");
    static final Path NEWER_MINOR = GOLDEN.resolve("team-1.1-newer-minor.keyport");
    static final String PASSPHRASE = "correct horse battery staple";

    static final UUID BASTION = id("host:bastion");
    static final UUID DB_PRIMARY = id("host:db-primary");
    static final UUID DB_REPLICA = id("host:db-replica");
    static final UUID APP = id("host:app-1");
    static final UUID PRODUCTION = id("group:production");
    static final UUID DEPLOY = id("identity:deploy");
    static final UUID OPS_KEY = id("key:ops");
    static final UUID DEPLOY_KEY = id("key:deploy");
    static final UUID POSTGRES = id("tunnel:postgres");
    static final String BASTION_HOST_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIAavQZG8S9IK47yWbGnuvwsKbppW0KHYjs0/l9L0RVvc";

    private TeamFileFixtures() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Vault vault(Path dir) throws VaultException {
        return Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR);
    }

    static TeamFileService service(Vault vault) {
        return new TeamFileService(vault, dev.keyport.syncformat.KdfParameters.FLOOR);
    }

    static Optional<char[]> passphrase() {
        return Optional.of(PASSPHRASE.toCharArray());
    }

    /** The golden team (without secrets) with {@code edit} applied, written as a plain team file at {@code target}. */
    static Path edited(Path target, UnaryOperator<TeamDocument> edit) throws Exception {
        try (ReadResult read = TeamFileReader.read(PLAIN, Optional.empty())) {
            Files.write(target, TeamFileWriter.write(edit.apply(read.document()), SecretsPolicy.omit(), Optional.empty()));
        }
        return target;
    }

    /** The document with one host replaced. */
    static TeamDocument withHost(TeamDocument document, UUID id, UnaryOperator<TeamDocument.Host.Builder> edit) {
        List<TeamDocument.Host> hosts = new ArrayList<>();
        for (TeamDocument.Host host : document.hosts()) {
            hosts.add(host.id().equals(id) ? edit.apply(host.toBuilder()).build() : host);
        }
        return new TeamDocument(document.id(), document.groups(), hosts, document.identities(), document.keys(), document.tunnels(),
                document.trustedHostKeys());
    }

    static TeamDocument withTunnelName(TeamDocument document, String name) {
        List<TeamDocument.TunnelProfile> tunnels = document.tunnels().stream()
                .map(t -> new TeamDocument.TunnelProfile(t.id(), name, t.host(), t.autostart(), t.forwards())).toList();
        return new TeamDocument(document.id(), document.groups(), document.hosts(), document.identities(), document.keys(), tunnels,
                document.trustedHostKeys());
    }

    static TeamDocument withPins(TeamDocument document, List<TeamDocument.TrustedHostKey> pins) {
        return new TeamDocument(document.id(), document.groups(), document.hosts(), document.identities(), document.keys(),
                document.tunnels(), pins);
    }

    /** Everything a team file touches in a vault, as text, to compare before and after. */
    static String dump(Vault vault, UUID fileId) throws VaultException {
        StringBuilder text = new StringBuilder();
        text.append(vault.hosts().list()).append('\n').append(vault.groups().list()).append('\n')
                .append(vault.identities().list()).append('\n').append(vault.keys().list()).append('\n')
                .append(vault.forwardProfiles().list()).append('\n').append(vault.hostKeys().list()).append('\n')
                .append(vault.teamImports().list(fileId)).append('\n')
                .append(vault.settings().get(TeamFileService.FILE_ID_SETTING)).append('\n');
        for (var host : vault.hosts().list()) {
            text.append(vault.hosts().password(host.id()).map(String::new)).append(' ');
        }
        for (var key : vault.keys().list()) {
            text.append(vault.keys().hasPrivateKey(key.id())).append(' ');
        }
        return text.toString();
    }

    static byte[] bytes(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
