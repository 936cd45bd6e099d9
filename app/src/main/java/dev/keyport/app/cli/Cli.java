package dev.keyport.app.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import picocli.CommandLine.Model.CommandSpec;

import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.vault.VaultException;

/** Shared plumbing: run a command body, print readable errors, return exit codes. */
final class Cli {

    /** Exit code for a failure a person can fix (wrong password, missing vault, unreadable key). */
    static final int FAILED = 1;

    private Cli() {
    }

    interface Body {
        int run(CliEnvironment env) throws VaultException, IOException, KeyCodecException;
    }

    static int run(CommandSpec spec, Body body) {
        Object root = spec.root().userObject();
        CliEnvironment env = root instanceof CliRoot h ? h.environment() : CliEnvironment.fromProcess();
        try {
            return body.run(env);
        } catch (VaultException | IOException | KeyCodecException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("keyport: " + e.getMessage());
            return FAILED;
        }
    }

    static boolean isOpenElsewhere(Path dir) {
        try (FileChannel channel = FileChannel.open(dir.resolve("vault.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
