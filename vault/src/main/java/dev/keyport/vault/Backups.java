package dev.keyport.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.crypto.VaultHeader;

/**
 * Copies of the vault (database and header, both still encrypted) in {@code backups/}: one a day on
 * the first write, one before every import and every schema migration, one of the current vault
 * before a restore. The newest {@link #KEEP} are kept. Each is a folder
 * {@code <yyyyMMdd-HHmmss-SSS>-<reason>} holding {@code vault.mv.db} and {@code vault.header}.
 */
public final class Backups {

    /** How many backups are kept; older ones are removed when a new one is made. */
    public static final int KEEP = 10;
    static final Duration DAILY = Duration.ofDays(1);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);

    private Backups() {
    }

    /** One backup: its name (what {@code keyport vault restore} takes), when it was made, why, and its size. */
    public record Backup(String name, Path folder, LocalDateTime made, String reason, long bytes) {
    }

    /** The backups in {@code directory}, newest first. */
    public static List<Backup> list(Path directory) throws VaultException {
        Path root = directory.resolve(Vault.BACKUP_DIR);
        List<Backup> backups = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return backups;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                parse(folder).ifPresent(backups::add);
            }
        } catch (IOException e) {
            throw new VaultException("Cannot read the backups in " + root + ": " + e.getMessage(), e);
        }
        backups.sort(Comparator.comparing(Backup::name).reversed());
        return backups;
    }

    private static Optional<Backup> parse(Path folder) {
        String name = folder.getFileName().toString();
        if (name.length() < 20 || !Files.isRegularFile(folder.resolve(Vault.DB_FILE))
                || !Files.isRegularFile(folder.resolve(VaultHeader.FILE_NAME))) {
            return Optional.empty();
        }
        try {
            LocalDateTime made = LocalDateTime.parse(name.substring(0, 19), STAMP);
            String reason = name.length() > 20 ? name.substring(20) : "";
            long bytes = Files.size(folder.resolve(Vault.DB_FILE)) + Files.size(folder.resolve(VaultHeader.FILE_NAME));
            return Optional.of(new Backup(name, folder, made, reason, bytes));
        } catch (DateTimeParseException | IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a backup was made less than a day ago. */
    static boolean recent(Path directory) throws VaultException {
        LocalDateTime dayAgo = LocalDateTime.now().minus(DAILY);
        return list(directory).stream().anyMatch(b -> b.made().isAfter(dayAgo));
    }

    /**
     * Copies the database and header of {@code directory} to a new backup and removes all but the
     * newest {@link #KEEP}. The database must be closed. Nothing of the vault itself is changed.
     */
    static Path create(Path directory, String reason) throws VaultException {
        String stamp = LocalDateTime.now().format(STAMP);
        Path target = directory.resolve(Vault.BACKUP_DIR).resolve(stamp + "-" + reason);
        try {
            while (Files.exists(target)) {
                Thread.sleep(1);
                target = directory.resolve(Vault.BACKUP_DIR).resolve(LocalDateTime.now().format(STAMP) + "-" + reason);
            }
            Files.createDirectories(target);
            Vault.ownerOnly(directory.resolve(Vault.BACKUP_DIR), "rwx------");
            Vault.ownerOnly(target, "rwx------");
            Files.copy(directory.resolve(Vault.DB_FILE), target.resolve(Vault.DB_FILE), StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(directory.resolve(VaultHeader.FILE_NAME), target.resolve(VaultHeader.FILE_NAME), StandardCopyOption.COPY_ATTRIBUTES);
            sync(target.resolve(Vault.DB_FILE));
            sync(target.resolve(VaultHeader.FILE_NAME));
        } catch (IOException e) {
            deleteTree(target);
            throw new VaultException("Cannot back up the vault to " + target + " (nothing was changed): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("The backup of the vault was interrupted (nothing was changed).", e);
        }
        prune(directory);
        LOG.info("Vault backed up to {}", target);
        return target;
    }

    private static void prune(Path directory) throws VaultException {
        List<Backup> all = list(directory);
        for (Backup old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            deleteTree(old.folder());
        }
    }

    /**
     * Puts backup {@code name} in place of the vault in {@code directory}, after copying the current
     * database and header to a backup of their own ({@code <stamp>-before-restore}). The caller holds
     * the vault's lock. Returns where the current vault was kept.
     */
    static Optional<Path> restore(Path directory, String name) throws VaultException {
        Backup backup = list(directory).stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new VaultException("There is no backup " + name + " in " + directory.resolve(Vault.BACKUP_DIR)
                        + ". See the list with: keyport vault backups"));
        Optional<Path> kept = Optional.empty();
        if (Files.isRegularFile(directory.resolve(Vault.DB_FILE)) && Files.isRegularFile(directory.resolve(VaultHeader.FILE_NAME))) {
            kept = Optional.of(create(directory, "before-restore"));
        } else if (Files.exists(directory.resolve(Vault.DB_FILE)) || Files.exists(directory.resolve(VaultHeader.FILE_NAME))) {
            Path aside = directory.resolve(Vault.BACKUP_DIR).resolve(LocalDateTime.now().format(STAMP) + "-incomplete-before-restore");
            try {
                Files.createDirectories(aside);
                for (String file : List.of(Vault.DB_FILE, VaultHeader.FILE_NAME)) {
                    if (Files.exists(directory.resolve(file))) {
                        Files.copy(directory.resolve(file), aside.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            } catch (IOException e) {
                throw new VaultException("Cannot keep the current vault files aside in " + aside + " (nothing was changed): "
                        + e.getMessage(), e);
            }
            kept = Optional.of(aside);
        }
        try {
            for (String file : List.of(Vault.DB_FILE, VaultHeader.FILE_NAME)) {
                Path temp = directory.resolve(file + ".restore");
                Files.copy(backup.folder().resolve(file), temp, StandardCopyOption.REPLACE_EXISTING);
                Vault.ownerOnly(temp, "rw-------");
                sync(temp);
                Files.move(temp, directory.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(directory.resolve(Vault.FILE_NAME + ".lock.db"));
            sync(directory);
        } catch (IOException e) {
            throw new VaultException("Restoring " + name + " failed: " + e.getMessage() + kept.map(k -> ". The vault as it was is in " + k)
                    .orElse("") + ".", e);
        }
        LOG.info("Vault in {} restored from backup {}", directory, name);
        return kept;
    }

    private static void sync(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // a folder on Windows cannot be synced; the copy is still there
        }
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.warn("Could not remove the old backup file {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not remove the old backup {}: {}", folder, e.getMessage());
        }
    }
}
