package dev.keyport.app.teamfile;

import java.nio.file.Path;

/**
 * What an export wrote.
 *
 * @param file            the team file
 * @param secretsIncluded whether saved passwords, private keys and key passphrases are in it (encrypted)
 * @param bytes           its size
 */
public record ExportReport(Path file, int hosts, int groups, int identities, int keys, int tunnels, int trustedHostKeys,
                           boolean secretsIncluded, long bytes) {
}
