package dev.keyport.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;

/**
 * Where Keyport's log goes. The full log (INFO and up; DEBUG with {@code KEYPORT_LOG_LEVEL=DEBUG})
 * always goes to {@code logs/keyport.log} in the data folder, rolled over at 5 MiB with 3 old files
 * kept. The terminal sees it only when asked: a command prints its results on stdout and one
 * {@code keyport: ...} line on stderr when it fails; {@code -v} adds the log's INFO lines on stderr.
 * The window (no command) shows warnings on stderr as before.
 */
public final class Logging {

    /** The log folder inside the data folder. */
    public static final String LOG_DIR = "logs";
    public static final String LOG_FILE = "keyport.log";

    private Logging() {
    }

    /** How much of the log reaches stderr. */
    public enum Console {
        /** A command without -v: nothing (its own messages are not log lines). */
        QUIET(Level.OFF),
        /** The window: warnings and errors. */
        WARNINGS(Level.WARN),
        /** -v: everything the log file gets. */
        VERBOSE(Level.INFO);

        final Level level;

        Console(Level level) {
            this.level = level;
        }
    }

    /**
     * Sets what reaches stderr and adds the rolling log file under {@code dataDirectory} (created
     * owner-only when missing). Without a usable folder the file is left out; nothing fails.
     */
    public static void configure(Path dataDirectory, Console console) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> stderr = root.getAppender("STDERR");
        if (stderr != null) {
            ThresholdFilter filter = new ThresholdFilter();
            filter.setLevel(console.level.levelStr);
            filter.setContext(context);
            filter.start();
            stderr.clearAllFilters();
            stderr.addFilter(filter);
        }
        if (dataDirectory == null || root.getAppender("FILE") != null) {
            return;
        }
        Path dir = dataDirectory.resolve(LOG_DIR);
        try {
            createOwnerOnly(dataDirectory);
            createOwnerOnly(dir);
        } catch (IOException e) {
            return;
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve(LOG_FILE).toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("keyport.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n");
        encoder.start();
        file.setEncoder(encoder);
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.start();
        if (file.isStarted()) {
            root.addAppender(file);
            try {
                Files.setPosixFilePermissions(dir.resolve(LOG_FILE), PosixFilePermissions.fromString("rw-------"));
            } catch (IOException | UnsupportedOperationException e) {
                // the folder is owner-only already
            }
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // Windows: the user's profile folder's ACL applies
            }
        }
    }

    /** The log file of {@code dataDirectory}, for messages that point to it. */
    public static Path file(Path dataDirectory) {
        return dataDirectory.resolve(LOG_DIR).resolve(LOG_FILE);
    }
}
