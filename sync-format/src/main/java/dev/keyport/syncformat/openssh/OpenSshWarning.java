package dev.keyport.syncformat.openssh;

import java.nio.file.Path;

/**
 * Something in an OpenSSH file (ssh_config, known_hosts) that was not imported, with its place.
 *
 * @param file the file it is in
 * @param line 1-based line
 */
public record OpenSshWarning(Path file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
