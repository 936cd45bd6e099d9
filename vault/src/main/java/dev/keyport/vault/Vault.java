package dev.keyport.vault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault: one H2 database file in the data directory. Open it once, use its repositories from
 * background threads (never the UI thread), close it once at exit.
 */
public final class Vault implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Vault.class);
    static final String FILE_NAME = "vault";

    private final Path directory;
    private final VaultLock lock;
    private final Connection connection;
    private final HostRepository hosts;
    private final TrustedHostKeyRepository hostKeys;

    private Vault(Path directory, VaultLock lock, Connection connection) {
        this.directory = directory;
        this.lock = lock;
        this.connection = connection;
        this.hosts = new HostRepository(connection);
        this.hostKeys = new TrustedHostKeyRepository(connection);
    }

    /**
     * Opens the vault in {@code directory}, creating the directory and an empty vault on first use.
     *
     * @throws VaultException with a readable message when the vault is in use, unreadable or corrupt
     */
    public static Vault open(Path directory) throws VaultException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new VaultException("Cannot create the data folder " + directory + ": " + e.getMessage(), e);
        }
        VaultLock lock = VaultLock.acquire(directory);
        String url = "jdbc:h2:file:" + directory.resolve(FILE_NAME).toAbsolutePath()
                + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;FILE_LOCK=FILE;AUTO_SERVER=FALSE";
        Properties props = new Properties();
        props.setProperty("user", "keyport");
        props.setProperty("password", "");
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            lock.release();
            throw openFailure(directory, e);
        }
        try {
            Schema.migrate(connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            lock.release();
            throw new VaultException("The vault in " + directory + " could not be prepared: " + e.getMessage(), e);
        }
        LOG.info("Vault opened in {}", directory);
        return new Vault(directory, lock, connection);
    }

    private static VaultException openFailure(Path directory, SQLException e) {
        String message = String.valueOf(e.getMessage());
        if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1 || message.contains("already in use") || message.contains("Locked by another")) {
            return VaultLock.alreadyOpen(directory, e);
        }
        if (e.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1 || message.contains("corrupted")) {
            return new VaultException("The vault file in " + directory + " is damaged and cannot be opened."
                    + " Restore it from a backup; Keyport has not changed it.", e);
        }
        return new VaultException("The vault in " + directory + " could not be opened: " + message, e);
    }

    public Path directory() {
        return directory;
    }

    public HostRepository hosts() {
        return hosts;
    }

    public TrustedHostKeyRepository hostKeys() {
        return hostKeys;
    }

    @Override
    public void close() {
        synchronized (connection) {
            closeQuietly(connection);
        }
        lock.release();
        LOG.info("Vault closed");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the vault failed: {}", e.getMessage());
        }
    }
}
