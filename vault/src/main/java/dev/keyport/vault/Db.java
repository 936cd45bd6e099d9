package dev.keyport.vault;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.crypto.FieldCipher;
import dev.keyport.vault.crypto.VaultKeys;

/**
 * The open database and the field cipher, shared by the repositories. Every repository call
 * synchronises on this object; after {@link #close()} every call says the vault is locked.
 *
 * <p>The repositories run their SQL through {@link #list}, {@link #one}, {@link #update} and
 * {@link #transaction}: each holds this monitor, prepares and binds the statement, closes what it
 * opened and turns an {@link SQLException} into a {@link VaultException} that begins with
 * {@code whatFailed} (e.g. "Cannot read the keys: " + the database's message). A
 * {@link VaultException} from a binder or mapper (locked, wrong key) passes through unchanged.
 */
final class Db {

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    private Connection connection;
    private VaultKeys keys;
    private java.nio.file.Path directory;

    /** Takes an open connection whose database is registered with {@link RecordSeals#register}. */
    Db(Connection connection, VaultKeys keys, java.nio.file.Path directory) {
        this.connection = connection;
        this.keys = keys;
        this.directory = directory;
    }

    /** The key and folder that authenticate this database's records; the caller holds the monitor. */
    private RecordSeals.Seal seal() throws VaultException {
        return new RecordSeals.Seal(keys().records(), directory);
    }

    /** The connection; the caller holds this object's monitor. */
    Connection connection() throws VaultException {
        if (connection == null) {
            throw locked();
        }
        return connection;
    }

    FieldCipher fields() throws VaultException {
        return keys().fields();
    }

    VaultKeys keys() throws VaultException {
        if (keys == null) {
            throw locked();
        }
        return keys;
    }

    private static VaultException locked() {
        return new VaultException("The vault is locked. Unlock it with the master password first.");
    }

    /** Runs once, before the first write of this session (the daily backup); null when done. */
    private Runnable beforeFirstWrite;

    synchronized void beforeFirstWrite(Runnable hook) {
        this.beforeFirstWrite = hook;
    }

    private void firstWrite() {
        if (beforeFirstWrite != null && transactionDepth == 0) {
            Runnable hook = beforeFirstWrite;
            beforeFirstWrite = null;
            hook.run();
        }
    }

    /** Closes the connection for a file copy (keys kept); the caller holds the monitor and calls {@link #resume}. */
    void suspend() {
        if (connection != null) {
            RecordSeals.unregister(connection);
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the vault database for a backup failed: {}", e.getMessage());
            }
            connection = null;
        }
    }

    /** Takes a freshly opened connection to the same database after {@link #suspend}. */
    void resume(Connection reopened) {
        this.connection = reopened;
    }

    synchronized boolean isOpen() {
        return connection != null;
    }

    /** Closes the database and wipes the keys. Idempotent. */
    synchronized void close() {
        if (connection != null) {
            RecordSeals.unregister(connection);
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the vault database failed: {}", e.getMessage());
            }
            connection = null;
        }
        if (keys != null) {
            keys.wipe();
            keys = null;
        }
    }

    /** Takes the connection and keys of a freshly opened {@code other} (after a lock); the caller holds this monitor. */
    void takeOver(Db other) {
        synchronized (other) {
            this.connection = other.connection;
            this.keys = other.keys;
            this.directory = other.directory;
            other.connection = null;
            other.keys = null;
        }
    }

    /** How deep the current thread is in {@link #inTransaction}; read and written under this object's monitor. */
    private int transactionDepth;

    /**
     * Runs {@code work} in one transaction, rolled back on any failure (an {@link Error} too: turning
     * auto-commit back on would otherwise commit the half-done work). Inside another transaction it
     * joins that one (which commits or rolls back) behind a savepoint: when {@code work} fails, its own
     * statements are undone at once, so a caller that catches the failure and carries on does not
     * commit half of it. Caller holds the monitor.
     */
    <T> T inTransaction(SqlWork<T> work) throws VaultException, SQLException {
        Connection c = connection();
        if (transactionDepth > 0) {
            Savepoint savepoint = c.setSavepoint();
            transactionDepth++;
            try {
                T result = work.run(c);
                c.releaseSavepoint(savepoint);
                return result;
            } catch (Throwable e) {
                undo(e, () -> c.rollback(savepoint));
                throw e;
            } finally {
                transactionDepth--;
            }
        }
        transactionDepth = 1;
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (Throwable e) {
            undo(e, c::rollback);
            throw e;
        } finally {
            transactionDepth = 0;
            c.setAutoCommit(true);
        }
    }

    /** Rolls back after {@code failure}; a failing rollback is added to it rather than hiding it. */
    private static void undo(Throwable failure, SqlAction rollback) {
        try {
            rollback.run();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    /** All rows of a query, in the order the database returns them. */
    synchronized <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper, String whatFailed) throws VaultException {
        return run(c -> query(c, sql, binder, mapper, Integer.MAX_VALUE, seal()), whatFailed);
    }

    /** The first row of a query; empty when there is none or {@code mapper} maps it to null. */
    synchronized <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper, String whatFailed) throws VaultException {
        List<T> rows = run(c -> query(c, sql, binder, mapper, 1, seal()), whatFailed);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Runs one INSERT, UPDATE, MERGE or DELETE; the number of rows it changed. */
    synchronized int update(String sql, Binder binder, String whatFailed) throws VaultException {
        firstWrite();
        return run(c -> execute(c, sql, binder), whatFailed);
    }

    /** Runs {@code work} in one transaction (see {@link #inTransaction}); its statements use {@link #execute}. */
    synchronized <T> T transaction(SqlWork<T> work, String whatFailed) throws VaultException {
        firstWrite();
        return run(c -> inTransaction(work), whatFailed);
    }

    /** One statement on {@code c}, inside a {@link #transaction}; the number of rows it changed. */
    static int execute(Connection c, String sql, Binder binder) throws SQLException, VaultException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /** One batch on {@code c}, inside a {@link #transaction}: {@code binder} binds each row and calls {@code addBatch()}. */
    static void executeBatch(Connection c, String sql, Binder binder) throws SQLException, VaultException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeBatch();
        }
    }

    /**
     * Encrypts and saves (or, for null, removes) the password-like secret of one row of {@code table};
     * a row that does not exist says so ("Cannot save the password: host … does not exist.").
     */
    void saveSecret(String table, String column, UUID id, char[] secret, String field) throws VaultException {
        int updated = update("UPDATE " + table + " SET " + column + " = ? WHERE id = ?", ps -> {
            ps.setBytes(1, encryptChars(secret, id, field));
            ps.setObject(2, id);
        }, "Cannot save the " + column + " of " + table + " " + id);
        if (updated == 0) {
            throw new VaultException("Cannot save the " + column + ": " + table + " " + id + " does not exist.");
        }
    }

    /** Decrypts a stored field and wipes {@code stored}; null stays null. The caller wipes the result. */
    char[] decryptChars(byte[] stored, UUID recordId, String field) throws VaultException {
        return wiping(stored, s -> fields().decryptChars(s, recordId, field));
    }

    /** As {@link #decryptChars}, for bytes. */
    byte[] decrypt(byte[] stored, UUID recordId, String field) throws VaultException {
        return wiping(stored, s -> fields().decrypt(s, recordId, field));
    }

    /** Encrypts a secret for its field; null (none) stays null. */
    byte[] encryptChars(char[] secret, UUID recordId, String field) throws VaultException {
        return secret == null ? null : fields().encryptChars(secret, recordId, field);
    }

    private <T> T run(SqlWork<T> work, String whatFailed) throws VaultException {
        try {
            return work.run(connection());
        } catch (SQLException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RecordSeals.Mismatch mismatch) {
                    LOG.error("Record authentication failed: {}", mismatch.getMessage());
                    throw new TamperedRecordException(mismatch.getMessage());
                }
            }
            throw new VaultException(whatFailed + ": " + describe(e), e);
        }
    }

    /**
     * The database's complaint in words for a person: never the SQL statement or H2's error code. Errors
     * that mean the file is unreadable (a damaged page, a lock that cannot be had on a damaged table)
     * say what to do.
     */
    static String describe(SQLException e) {
        int code = e.getErrorCode();
        if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.LOCK_TIMEOUT_1 || code == ErrorCode.GENERAL_ERROR_1
                || code == ErrorCode.IO_EXCEPTION_1 || code == ErrorCode.IO_EXCEPTION_2 || code == ErrorCode.OUT_OF_MEMORY
                || code == ErrorCode.DATABASE_IS_CLOSED) {
            return "the vault file is damaged or cannot be read. Restore a backup (keyport vault backups, then"
                    + " keyport vault restore BACKUP)";
        }
        String message = String.valueOf(e.getMessage());
        int sql = message.indexOf("; SQL statement:");
        if (sql >= 0) {
            message = message.substring(0, sql);
        }
        return message.replaceAll("\\s*\\[\\d+-\\d+]\\s*$", "").strip();
    }

    private static <T> T wiping(byte[] stored, Decryption<T> decryption) throws VaultException {
        if (stored == null) {
            return null;
        }
        try {
            return decryption.decrypt(stored);
        } finally {
            Arrays.fill(stored, (byte) 0);
        }
    }

    /** Runs a query of whole rows of one sealed table and checks each row's MAC before mapping it. */
    private static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper, int most, RecordSeals.Seal seal)
            throws SQLException, VaultException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                RecordSeals.Checker checker = RecordSeals.checker(c, rs.getMetaData());
                List<T> rows = new ArrayList<>();
                while (rows.size() < most && rs.next()) {
                    checker.check(rs, seal);
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException, VaultException;
    }

    /** Sets a statement's parameters. */
    interface Binder {
        Binder NONE = ps -> { };

        void bind(PreparedStatement ps) throws SQLException, VaultException;
    }

    /** Reads the current row of a result. */
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException, VaultException;
    }

    private interface Decryption<T> {
        T decrypt(byte[] stored) throws VaultException;
    }
}
