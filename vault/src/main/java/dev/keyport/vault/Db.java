package dev.keyport.vault;

import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.crypto.FieldCipher;
import dev.keyport.vault.crypto.VaultKeys;

/**
 * The open database and the field cipher, shared by the repositories. Every repository call
 * synchronises on this object; after {@link #close()} every call says the vault is locked.
 */
final class Db {

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    private Connection connection;
    private VaultKeys keys;

    Db(Connection connection, VaultKeys keys) {
        this.connection = connection;
        this.keys = keys;
    }

    /** The connection; the caller holds this object's monitor. */
    Connection connection() throws VaultException {
        if (connection == null) {
            throw new VaultException("The vault is locked. Unlock it with the master password first.");
        }
        return connection;
    }

    FieldCipher fields() throws VaultException {
        if (keys == null) {
            throw new VaultException("The vault is locked. Unlock it with the master password first.");
        }
        return keys.fields();
    }

    VaultKeys keys() throws VaultException {
        if (keys == null) {
            throw new VaultException("The vault is locked. Unlock it with the master password first.");
        }
        return keys;
    }

    synchronized boolean isOpen() {
        return connection != null;
    }

    /** Closes the database and wipes the keys. Idempotent. */
    synchronized void close() {
        if (connection != null) {
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
            other.connection = null;
            other.keys = null;
        }
    }

    /** Runs {@code work} in one transaction, rolled back on failure. Caller holds the monitor. */
    <T> T inTransaction(SqlWork<T> work) throws VaultException, SQLException {
        Connection c = connection();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | VaultException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException, VaultException;
    }
}
