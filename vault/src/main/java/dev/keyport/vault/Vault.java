package dev.keyport.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.crypto.KdfParameters;
import dev.keyport.vault.crypto.VaultHeader;
import dev.keyport.vault.crypto.VaultKeys;

/**
 * The vault: an AES-encrypted H2 file ({@code vault.mv.db}) opened with a random data key, and the
 * header ({@code vault.header}) holding that key wrapped under the master password. Create or
 * unlock it once (slow on purpose: call from a background thread, never the UI thread), use its
 * repositories from background threads, and {@link #lock()} or close it once.
 */
public final class Vault implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    static final String FILE_NAME = "vault";
    static final String DB_FILE = FILE_NAME + ".mv.db";
    public static final String BACKUP_DIR = "backups";

    private final Path directory;
    private final Db db;
    private VaultLock lock;
    private final HostRepository hosts;
    private final TrustedHostKeyRepository hostKeys;
    private final GroupRepository groups;
    private final KeyRepository keys;
    private final IdentityRepository identities;
    private final ForwardProfileRepository forwards;
    private final SettingsRepository settings;
    private final TeamImportRepository teamImports;

    private Vault(Path directory, Db db, VaultLock lock) {
        this.directory = directory;
        this.db = db;
        this.lock = lock;
        this.hosts = new HostRepository(db);
        this.hostKeys = new TrustedHostKeyRepository(db);
        this.groups = new GroupRepository(db);
        this.keys = new KeyRepository(db);
        this.identities = new IdentityRepository(db);
        this.forwards = new ForwardProfileRepository(db);
        this.settings = new SettingsRepository(db);
        this.teamImports = new TeamImportRepository(db);
        db.beforeFirstWrite(this::dailyBackup);
    }

    /** The first write of a session makes a backup when the newest is more than a day old; a failed one is logged, not fatal. */
    private void dailyBackup() {
        try {
            if (!Backups.recent(directory)) {
                backup("daily");
            }
        } catch (VaultException e) {
            LOG.warn("The daily backup of the vault failed: {}", e.getMessage());
        }
    }

    /**
     * Copies the database and header to {@code backups/<time>-<reason>/} now (the newest {@link Backups#KEEP}
     * are kept): before an import, for example. The database is closed for the copy and opened again.
     */
    public Path backup(String reason) throws VaultException {
        synchronized (db) {
            VaultKeys keys = db.keys();
            db.suspend();
            try {
                return Backups.create(directory, reason);
            } finally {
                db.resume(openDatabase(directory, keys, true));
            }
        }
    }

    /**
     * Puts backup {@code name} (from {@link Backups#list}) in place of the vault in {@code directory},
     * keeping the current vault in a backup of its own, which is returned. Waits up to {@code lockWait}
     * for another Keyport to let go of the vault. Needs no password: the files stay encrypted, and the
     * restored vault opens with the master password it had when the backup was made.
     */
    public static Optional<Path> restore(Path directory, String name, Duration lockWait, String holder) throws VaultException {
        try (VaultLock lock = VaultLock.acquire(directory, lockWait, holder)) {
            return Backups.restore(directory, name);
        }
    }

    /**
     * What is in {@code directory} when it holds no vault to unlock, and what to do: no folder, an empty
     * one, or a database whose header is missing (which {@code vault init} would refuse).
     */
    public static String describeMissing(Path directory) {
        if (!Files.isDirectory(directory)) {
            return "There is no vault in " + directory + " (the folder does not exist). Create one with: keyport vault init"
                    + " (or point --data-dir or KEYPORT_DATA_DIR at the folder that has your vault).";
        }
        Path db = directory.resolve(DB_FILE);
        if (Files.isRegularFile(db)) {
            String size;
            try {
                size = Files.size(db) / 1024 + " KiB, changed " + Files.getLastModifiedTime(db).toInstant()
                        .atZone(java.time.ZoneId.systemDefault()).toLocalDateTime().withNano(0).toString().replace('T', ' ');
            } catch (IOException e) {
                size = "unreadable";
            }
            boolean backups = false;
            try {
                backups = !Backups.list(directory).isEmpty();
            } catch (VaultException e) {
                // say nothing about backups
            }
            return directory + " holds a vault database (" + DB_FILE + ", " + size + ") but its header (" + VaultHeader.FILE_NAME
                    + ") is missing, so it cannot be unlocked. "
                    + (backups ? "Restore a backup: keyport vault backups, then keyport vault restore BACKUP; or copy "
                            + VaultHeader.FILE_NAME + " back from where you keep one. "
                            : "Copy " + VaultHeader.FILE_NAME + " back from a copy of this folder. ")
                    + "To start over instead, move " + DB_FILE + " out of the folder, then run keyport vault init.";
        }
        return "There is no vault in " + directory + " (no " + VaultHeader.FILE_NAME + " or " + DB_FILE + " there)."
                + " Create one with: keyport vault init (or point --data-dir or KEYPORT_DATA_DIR at the folder that has your vault).";
    }

    /** Whether {@code directory} holds a vault (its header). */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(VaultHeader.FILE_NAME));
    }

    /** Creates a new vault with the default key-derivation cost (64 MiB, t=3, p=1). */
    public static Vault create(Path directory, char[] masterPassword) throws VaultException {
        return create(directory, masterPassword, KdfParameters.DEFAULT);
    }

    /**
     * Creates a new, empty vault in {@code directory} protected by {@code masterPassword}.
     *
     * @throws VaultException when a vault is already there, the folder is unusable, or {@code kdf} is below the floor
     */
    public static Vault create(Path directory, char[] masterPassword, KdfParameters kdf) throws VaultException {
        return create(directory, masterPassword, kdf, Schema.latestVersion());
    }

    /** Creates a vault at an older schema version: for migration tests only. */
    static Vault create(Path directory, char[] masterPassword, KdfParameters kdf, int schemaVersion) throws VaultException {
        kdf.requireAcceptable();
        if (masterPassword == null || masterPassword.length == 0) {
            throw new VaultException("The master password must not be empty.");
        }
        createDirectories(directory);
        ownerOnly(directory, "rwx------");
        VaultLock lock = VaultLock.acquire(directory);
        VaultKeys keys = null;
        try {
            if (exists(directory)) {
                throw new VaultException("There is already a vault in " + directory + ". Unlock it instead.");
            }
            if (Files.exists(directory.resolve(DB_FILE))) {
                throw new VaultException("There is a vault file without its header in " + directory
                        + " (from an earlier, unencrypted Keyport build or an interrupted setup)."
                        + " Move " + DB_FILE + " away to start a new vault.");
            }
            AtomicReference<VaultHeader> header = new AtomicReference<>();
            keys = VaultKeys.createNew(masterPassword, kdf, header::set);
            header.get().write(directory);
            try {
                Connection connection = openDatabase(directory, keys, false);
                ownerOnly(directory.resolve(DB_FILE), "rw-------");
                migrate(directory, connection, schemaVersion);
                LOG.info("Vault created in {}", directory);
                return new Vault(directory, new Db(connection, keys, directory), lock);
            } catch (VaultException | RuntimeException e) {
                // a half-made vault would block the next attempt: remove what this call created
                deleteQuietly(directory.resolve(DB_FILE));
                deleteQuietly(directory.resolve(VaultHeader.FILE_NAME));
                throw e;
            }
        } catch (VaultException | RuntimeException e) {
            if (keys != null) {
                keys.wipe();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Unlocks the vault in {@code directory}. A wrong password throws
     * {@link WrongMasterPasswordException} ("Wrong master password") and changes nothing.
     */
    public static Vault unlock(Path directory, char[] masterPassword) throws VaultException {
        return unlock(directory, masterPassword, Duration.ZERO, VaultLock.WINDOW);
    }

    /**
     * As {@link #unlock(Path, char[])}, waiting up to {@code lockWait} while another Keyport holds the
     * vault (a short command); {@code holder} says what this process is in the other's message.
     */
    public static Vault unlock(Path directory, char[] masterPassword, Duration lockWait, String holder) throws VaultException {
        if (!exists(directory)) {
            throw new VaultException(describeMissing(directory));
        }
        VaultLock lock = VaultLock.acquire(directory, lockWait, holder);
        try {
            Db db = open(directory, masterPassword);
            LOG.info("Vault unlocked in {}", directory);
            return new Vault(directory, db, lock);
        } catch (VaultException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Unlocks this vault again after {@link #lock()} (auto-lock), so the repositories handed out
     * before keep working. Wrong password: {@link WrongMasterPasswordException}, still locked.
     */
    public void reopen(char[] masterPassword) throws VaultException {
        synchronized (db) {
            if (db.isOpen()) {
                return;
            }
            VaultLock newLock = VaultLock.acquire(directory);
            try {
                Db opened = open(directory, masterPassword);
                db.takeOver(opened);
                lock = newLock;
                LOG.info("Vault unlocked again in {}", directory);
            } catch (VaultException | RuntimeException e) {
                newLock.close();
                throw e;
            }
        }
    }

    /** Header, KDF, database, migrations; the caller holds the lock file. */
    private static Db open(Path directory, char[] masterPassword) throws VaultException {
        VaultKeys keys = null;
        Connection connection = null;
        try {
            VaultHeader header = VaultHeader.read(directory);
            keys = VaultKeys.unlock(header, masterPassword);
            if (!Files.isRegularFile(directory.resolve(DB_FILE))) {
                throw new VaultException("The vault file " + directory.resolve(DB_FILE) + " is missing."
                        + " Restore it from a backup (" + directory.resolve(BACKUP_DIR) + ").");
            }
            requireSchema(directory, keys);
            connection = openDatabase(directory, keys, true);
            connection = migrate(directory, connection, keys);
            return new Db(connection, keys, directory);
        } catch (VaultException | RuntimeException e) {
            if (connection != null) {
                closeQuietly(connection);
            }
            if (keys != null) {
                keys.wipe();
            }
            throw e;
        }
    }

    /** Only the owner may read the vault's files (on POSIX file systems; elsewhere the folder's ACL applies). */
    static void ownerOnly(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.debug("Cannot restrict permissions of {}: {}", path, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }

    private static void createDirectories(Path directory) throws VaultException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new VaultException("Cannot create the data folder " + directory + ": " + e.getMessage(), e);
        }
    }

    private static Connection openDatabase(Path directory, VaultKeys keys, boolean mustExist) throws VaultException {
        return openDatabase(directory, keys, mustExist, false);
    }

    /**
     * Opens the existing database read-only and says whether it holds a schema. H2 turns a file
     * whose chunks are all lost into a new, empty store when it opens it for writing, so an
     * unlock looks first without writing and refuses a vault that lost its data.
     */
    private static void requireSchema(Path directory, VaultKeys keys) throws VaultException {
        // We hold Keyport's exclusive VaultLock, so an H2 lock file here was left by a process that died;
        // a read-only open would refuse because of it.
        deleteQuietly(directory.resolve(FILE_NAME + ".lock.db"));
        try (Connection readOnly = openDatabase(directory, keys, true, true)) {
            if (Schema.currentVersion(readOnly) == 0) {
                throw new VaultException("The vault file in " + directory + " is damaged and cannot be opened: it holds no"
                        + " data although the vault was set up. Restore it from a backup (" + directory.resolve(BACKUP_DIR)
                        + "); Keyport has not changed it.");
            }
        } catch (SQLException e) {
            throw new VaultException("The vault file in " + directory + " is damaged and cannot be opened."
                    + " Restore it from a backup (" + directory.resolve(BACKUP_DIR) + "); Keyport has not changed it.", e);
        }
    }

    private static Connection openDatabase(Path directory, VaultKeys keys, boolean mustExist, boolean readOnly) throws VaultException {
        // The read-only look takes no H2 lock file; the caller holds Keyport's own VaultLock either way.
        String url = "jdbc:h2:file:" + directory.resolve(FILE_NAME).toAbsolutePath()
                + ";CIPHER=AES;TRACE_LEVEL_FILE=0;WRITE_DELAY=0;AUTO_SERVER=FALSE"
                + (readOnly ? ";FILE_LOCK=NO;ACCESS_MODE_DATA=r" : ";FILE_LOCK=FILE")
                + (mustExist ? ";IFEXISTS=TRUE" : "");
        char[] file = keys.h2FilePassword();
        // H2 takes "<file password> <user password>" and wipes the array it is given.
        char[] password = Arrays.copyOf(file, file.length + 1);
        password[file.length] = ' ';
        Arrays.fill(file, '\0');
        Properties props = new Properties();
        props.setProperty("user", "keyport");
        props.put("password", password);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(url, props);
            if (!readOnly) {
                RecordSeals.register(connection, keys.records(), directory);
            }
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                closeQuietly(connection);
            }
            throw openFailure(directory, e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static VaultException openFailure(Path directory, SQLException e) {
        String message = String.valueOf(e.getMessage());
        int code = e.getErrorCode();
        if (code == ErrorCode.DATABASE_ALREADY_OPEN_1 || message.contains("already in use") || message.contains("Locked by another")) {
            return VaultLock.alreadyOpen(directory, e);
        }
        if (code == ErrorCode.WRONG_USER_OR_PASSWORD || code == ErrorCode.FILE_ENCRYPTION_ERROR_1) {
            // The key came out of the authenticated header, so H2 rejecting it means the file is
            // damaged (its encrypted header block no longer decrypts) or belongs to another header.
            return new VaultException("The vault file in " + directory + " is damaged and cannot be opened"
                    + " (or it does not belong to its header). Restore it from a backup (" + directory.resolve(BACKUP_DIR)
                    + "); Keyport has not changed it.", e);
        }
        if (code == ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 || code == ErrorCode.DATABASE_NOT_FOUND_1) {
            return new VaultException("The vault file in " + directory + " is missing. Restore it from a backup.", e);
        }
        return new VaultException("The vault file in " + directory + " is damaged and cannot be opened."
                + " Restore it from a backup (" + directory.resolve(BACKUP_DIR) + "); Keyport has not changed it.", e);
    }

    private static void migrate(Path directory, Connection connection, int schemaVersion) throws VaultException {
        try {
            Schema.migrate(connection, schemaVersion);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new VaultException("The vault in " + directory + " could not be prepared: " + Db.describe(e), e);
        }
    }

    /** Migrates an existing vault, copying it to {@code backups/} first when there is anything to migrate. */
    private static Connection migrate(Path directory, Connection connection, VaultKeys keys) throws VaultException {
        int current;
        try {
            current = Schema.currentVersion(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new VaultException("The vault in " + directory + " could not be read: " + Db.describe(e), e);
        }
        if (current == 0) {
            // Every vault is created with its schema, so an empty database behind a header is a damaged
            // file (H2 opens a truncated file as a new, empty one). Refuse rather than start an empty vault.
            closeQuietly(connection);
            throw new VaultException("The vault file in " + directory + " is damaged and cannot be opened: it holds no"
                    + " data although the vault was set up. Restore it from a backup (" + directory.resolve(BACKUP_DIR)
                    + "); Keyport has not changed it.");
        }
        if (current > Schema.latestVersion()) {
            closeQuietly(connection);
            throw new VaultException("The vault in " + directory + " was written by a newer Keyport (schema " + current
                    + "). Update Keyport to open it.");
        }
        if (current >= Schema.SEALED_SINCE) {
            // before anything is written (a migration seals every row again): every record must match
            verifyAll(directory, connection, keys);
        }
        if (current == Schema.latestVersion()) {
            return connection;
        }
        closeQuietly(connection);
        Path backup = Backups.create(directory, "before-v" + Schema.latestVersion() + "-from-v" + current);
        LOG.info("Vault backed up to {} before migrating from schema {} to {}", backup, current, Schema.latestVersion());
        Connection reopened = openDatabase(directory, keys, true);
        try {
            Schema.migrate(reopened, Schema.latestVersion());
        } catch (SQLException e) {
            closeQuietly(reopened);
            throw new VaultException("The vault in " + directory + " could not be upgraded: " + Db.describe(e)
                    + ". The copy from before the upgrade is in " + backup + ".", e);
        }
        return reopened;
    }

    /** Checks every record's MAC; a mismatch closes the connection and names the record. */
    private static void verifyAll(Path directory, Connection connection, VaultKeys keys) throws VaultException {
        try {
            RecordSeals.verifyAll(connection, new RecordSeals.Seal(keys.records(), directory));
        } catch (RecordSeals.Mismatch e) {
            closeQuietly(connection);
            LOG.error("Record authentication failed: {}", e.getMessage());
            throw new TamperedRecordException(e.getMessage());
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new VaultException("The vault file in " + directory + " is damaged and cannot be opened."
                    + " Restore a backup (keyport vault backups, then keyport vault restore BACKUP); Keyport has not changed it.", e);
        }
    }

    /**
     * Changes the master password: checks {@code current}, then rewrites only the header (temp
     * file, fsync, atomic move, fsync of the folder). The database file is not touched.
     */
    public void changeMasterPassword(char[] current, char[] next) throws VaultException {
        changeMasterPassword(current, next, null);
    }

    /** As {@link #changeMasterPassword(char[], char[])}, optionally with new KDF parameters (null keeps them). */
    public void changeMasterPassword(char[] current, char[] next, KdfParameters kdf) throws VaultException {
        if (next == null || next.length == 0) {
            throw new VaultException("The new master password must not be empty.");
        }
        synchronized (db) {
            db.keys();
            VaultHeader header = VaultHeader.read(directory);
            KdfParameters params = kdf == null ? header.kdf() : kdf.requireAcceptable();
            try (VaultKeys checked = VaultKeys.unlock(header, current)) {
                checked.rewrap(next, params).write(directory);
            }
            LOG.info("Master password changed for the vault in {}", directory);
        }
    }

    /** The open database, for tests in this package. */
    Db db() {
        return db;
    }

    public Path directory() {
        return directory;
    }

    public boolean isLocked() {
        return !db.isOpen();
    }

    /** Work across repositories that must happen together or not at all. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws VaultException;
    }

    /**
     * Runs {@code work} as one transaction: every repository call it makes (on this thread) commits
     * together, or, when it throws, none does. Other threads wait until it ends.
     */
    public <T> T inTransaction(Work<T> work) throws VaultException {
        return db.transaction(c -> work.run(), "Cannot save the changes together");
    }

    public HostRepository hosts() {
        return hosts;
    }

    public TrustedHostKeyRepository hostKeys() {
        return hostKeys;
    }

    public GroupRepository groups() {
        return groups;
    }

    public KeyRepository keys() {
        return keys;
    }

    public IdentityRepository identities() {
        return identities;
    }

    public ForwardProfileRepository forwardProfiles() {
        return forwards;
    }

    public SettingsRepository settings() {
        return settings;
    }

    /** What earlier imports of team files brought (so the next import can tell who changed what). */
    public TeamImportRepository teamImports() {
        return teamImports;
    }

    /** Closes the database and wipes the keys; the repositories then say the vault is locked. Idempotent. */
    public void lock() {
        boolean wasOpen;
        synchronized (db) {
            wasOpen = db.isOpen();
            db.close();
            lock.close();
        }
        if (wasOpen) {
            LOG.info("Vault locked");
        }
    }

    @Override
    public void close() {
        lock();
    }

    private static void closeQuietly(Connection connection) {
        RecordSeals.unregister(connection);
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the vault failed: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "Vault[" + directory + (isLocked() ? ", locked" : "") + "]";
    }
}
