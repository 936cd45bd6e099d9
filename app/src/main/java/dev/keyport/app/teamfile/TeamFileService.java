package dev.keyport.app.teamfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.syncformat.KdfParameters;
import dev.keyport.syncformat.ReadResult;
import dev.keyport.syncformat.SecretsPolicy;
import dev.keyport.syncformat.TeamDocument;
import dev.keyport.syncformat.TeamFileException;
import dev.keyport.syncformat.TeamFileReader;
import dev.keyport.syncformat.TeamFileWarning;
import dev.keyport.syncformat.TeamFileWriter;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * The team file for this vault: export everything to one, preview what importing one would do, and
 * import it all or nothing. FX-free and blocking (JDBC, file I/O, Argon2id when secrets are involved):
 * call it off the UI thread. Semantics: "Importing" in docs/team-file.md.
 *
 * <p>Passphrases are the caller's: it keeps and wipes the arrays it passes. Secrets read from the
 * vault or the file are wiped here after use and never appear in a message.
 */
public final class TeamFileService {

    private static final Logger LOG = LoggerFactory.getLogger(TeamFileService.class);
    /** The vault setting holding the id its exports carry. */
    static final String FILE_ID_SETTING = "team-file-id";

    private final Vault vault;
    private final KdfParameters kdf;

    public TeamFileService(Vault vault) {
        this(vault, KdfParameters.DEFAULT);
    }

    /** With other Argon2id costs for exports with secrets (tests and benchmarks use {@link KdfParameters#FLOOR}). */
    public TeamFileService(Vault vault, KdfParameters kdf) {
        this.vault = vault;
        this.kdf = kdf;
    }

    /**
     * Exports the whole vault to a team file (canonical bytes via {@link TeamFileWriter}), written
     * crash-safely. Secrets only with a passphrase. The file id is stable across exports of this vault:
     * it is kept in the vault's settings (a vault that imported a team file before it ever exported
     * takes that file's id, so a colleague's export of the team's file stays the same file). When
     * {@code target} is a previous export, unchanged secrets keep their ciphertext. Blocking.
     *
     * @throws IllegalArgumentException when the passphrase is empty
     */
    public ExportReport export(Path target, Optional<char[]> passphraseForSecrets) throws TeamFileException, VaultException {
        SecretsPolicy policy = passphraseForSecrets.map(p -> SecretsPolicy.include(p, kdf)).orElse(SecretsPolicy.omit());
        TeamDocument document = vault.inTransaction(() -> document(fileId(), passphraseForSecrets.isPresent()));
        try {
            TeamFileWriter.write(document, policy, target);
        } finally {
            document.wipeSecrets();
        }
        long bytes;
        try {
            bytes = Files.size(target);
        } catch (IOException e) {
            bytes = -1;
        }
        LOG.info("Exported {} hosts to the team file {}{}", document.hosts().size(), target, policy.includesSecrets() ? " with secrets" : "");
        return new ExportReport(target, document.hosts().size(), document.groups().size(), document.identities().size(),
                document.keys().size(), document.tunnels().size(), document.trustedHostKeys().size(), policy.includesSecrets(), bytes);
    }

    /** The id this vault's exports carry, made (and kept) on first use. */
    public UUID fileId() throws VaultException {
        return vault.inTransaction(() -> {
            Optional<UUID> kept = vault.settings().get(FILE_ID_SETTING).flatMap(TeamFileService::uuid);
            if (kept.isPresent()) {
                return kept.get();
            }
            UUID made = UUID.randomUUID();
            vault.settings().put(FILE_ID_SETTING, made.toString());
            return made;
        });
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Everything in the vault as a team document, with its secrets when asked (the caller wipes them). */
    private TeamDocument document(UUID fileId, boolean withSecrets) throws VaultException {
        VaultContents contents = VaultContents.read(vault);
        List<TeamDocument.Host> hosts = new ArrayList<>();
        List<TeamDocument.Identity> identities = new ArrayList<>();
        List<TeamDocument.Key> keys = new ArrayList<>();
        try {
            for (Host host : contents.hosts.values()) {
                TeamDocument.Host mapped = TeamMapping.host(host);
                if (withSecrets && host.auth() instanceof HostAuth.SavedPassword) {
                    mapped = mapped.toBuilder().auth(new TeamDocument.Auth.SavedPassword(
                            contents.teamSecret(EntityKind.HOST, host.id(), EntityType.HOST_PASSWORD))).build();
                }
                hosts.add(mapped);
            }
            for (var identity : contents.identities) {
                TeamDocument.Identity mapped = TeamMapping.identity(identity);
                if (withSecrets) {
                    mapped = new TeamDocument.Identity(mapped.id(), mapped.name(), mapped.user(), mapped.key(),
                            contents.teamSecret(EntityKind.IDENTITY, identity.id(), EntityType.IDENTITY_PASSWORD));
                }
                identities.add(mapped);
            }
            for (var key : contents.keys.values()) {
                TeamDocument.Key mapped = TeamMapping.key(key);
                if (withSecrets) {
                    mapped = new TeamDocument.Key(mapped.id(), mapped.name(), mapped.type(), mapped.bits(), mapped.fingerprint(),
                            mapped.publicKey(), contents.teamSecret(EntityKind.KEY, key.id(), EntityType.PRIVATE_KEY),
                            contents.teamSecret(EntityKind.KEY, key.id(), EntityType.KEY_PASSPHRASE));
                }
                keys.add(mapped);
            }
        } catch (VaultException | RuntimeException e) {
            new TeamDocument(fileId, List.of(), hosts, identities, keys, List.of(), List.of()).wipeSecrets();
            throw e;
        }
        return new TeamDocument(fileId, contents.groups.stream().map(TeamMapping::group).toList(), hosts, identities, keys,
                contents.tunnels.stream().map(TeamMapping::tunnel).toList(),
                contents.trustedKeys.stream().map(TeamMapping::trustedKey).toList());
    }

    /**
     * Reads, validates and compares a team file with the vault; changes nothing. A file that carries
     * secrets needs its passphrase ({@link TeamFileException.Kind#PASSPHRASE_REQUIRED} without one). Close
     * the plan (or apply it) to wipe the secrets it holds. Blocking.
     */
    public ImportPlan plan(Path file, Optional<char[]> passphrase) throws TeamFileException, VaultException {
        ReadResult read = TeamFileReader.read(file, passphrase);
        try {
            ImportPlanner.Result result = vault.inTransaction(() -> compare(read.document()));
            List<String> warnings = new ArrayList<>();
            read.warnings().forEach(w -> warnings.add(describe(w)));
            warnings.addAll(result.warnings());
            return new ImportPlan(file, result.changes(), result.newlyTrusted(), warnings,
                    new ImportPlan.Contents(read, !read.document().secrets().isEmpty(), result.signature()));
        } catch (VaultException | RuntimeException e) {
            read.close();
            throw e;
        }
    }

    private static String describe(TeamFileWarning warning) {
        return warning.toString();
    }

    private ImportPlanner.Result compare(TeamDocument document) throws VaultException {
        return ImportPlanner.plan(document, VaultContents.read(vault), vault.teamImports().list(document.id()));
    }

    /**
     * Applies a plan in one vault transaction: all or nothing. Re-applying the same file changes nothing
     * and adds no duplicates. When the vault changed since the plan was made in a way that changes the
     * plan, nothing is imported (make a new plan). Wipes the plan's secrets when done. Blocking.
     *
     * @throws IllegalStateException when the plan was already applied or closed
     */
    public ImportReport apply(ImportPlan plan, ConflictChoice onConflict) throws VaultException {
        ImportPlan.Contents contents = plan.contents();
        if (contents.closed()) {
            throw new IllegalStateException("This preview was already imported or closed. Preview the team file again.");
        }
        TeamDocument document = contents.read.document();
        String source = "team file " + Optional.ofNullable(plan.file().getFileName()).map(Path::toString).orElse(plan.file().toString());
        vault.backup("before-import"); // keyport vault restore undoes an import
        ImportReport report = vault.inTransaction(() -> {
            VaultContents now = VaultContents.read(vault);
            ImportPlanner planner = ImportPlanner.planner(document, now, vault.teamImports().list(document.id()));
            ImportPlanner.Result result = planner.result();
            if (!result.signature().equals(contents.signature)) {
                throw new VaultException("The vault changed after the preview of " + plan.file() + " was made."
                        + " Nothing was imported; preview the team file again.");
            }
            return ImportApplier.apply(vault, document.id(), planner, result, now, onConflict, source);
        });
        plan.close();
        LOG.info("Imported the team file {}: {}", plan.file(), report);
        return report;
    }
}
