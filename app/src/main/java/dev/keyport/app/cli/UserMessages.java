package dev.keyport.app.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * What the command line prints for a failure: words for a person, never a stack trace, an exception's
 * class name or SQL. The log file has the details.
 */
public final class UserMessages {

    private UserMessages() {
    }

    /** The message of an expected failure (a file that is not there, a vault problem, bad input). */
    public static String of(Throwable e) {
        if (e instanceof FileSystemException f && f.getReason() != null && f.getReason().length() > 20) {
            return f.getReason(); // Keyport's own sentence about the file
        }
        if (e instanceof NoSuchFileException f) {
            return "There is no file " + f.getFile() + ".";
        }
        if (e instanceof AccessDeniedException f) {
            return "Permission denied: " + f.getFile() + ".";
        }
        if (e instanceof NotDirectoryException f) {
            return f.getFile() + " is not a folder.";
        }
        if (e instanceof DirectoryNotEmptyException f) {
            return "The folder " + f.getFile() + " is not empty.";
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " already exists.";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return (f.getFile() != null ? f.getFile() + ": " : "") + f.getReason() + ".";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank() || looksTechnical(message)) {
            return "The operation failed (" + plain(e) + ").";
        }
        return message;
    }

    /** The message for a failure no command expected: what to do, and where the details are. */
    public static String unexpected(Throwable e, Path dataDirectory) {
        if (e instanceof OutOfMemoryError) {
            return "Keyport ran out of memory. Start it with more (for example java -Xmx512m -jar keyport.jar).";
        }
        return "Keyport failed unexpectedly. The details are in " + Logging.file(dataDirectory)
                + "; please report them (they hold no secrets).";
    }

    /** A message that would show internals: an exception class name, SQL text or a stack frame. */
    static boolean looksTechnical(String message) {
        return message.matches("(?s).*\\b(java|javax|sun|org|com|dev)\\.[a-z0-9_.]+\\.[A-Z]\\w*(Exception|Error)\\b.*")
                || message.matches("(?s).*\\b[A-Z]\\w*(Exception|Error):.*")
                || message.contains("SQL statement") || message.contains("\tat ");
    }

    private static String plain(Throwable e) {
        if (e instanceof java.io.EOFException) {
            return "the input ended early";
        }
        if (e instanceof java.io.IOException) {
            return "an input or output error";
        }
        return "an internal error";
    }
}
