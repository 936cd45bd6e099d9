package dev.keyport.syncformat.openssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads OpenSSH {@code known_hosts} files: plain and hashed ({@code |1|salt|hash}) host patterns,
 * {@code [host]:port}, comments. Lines with {@code @cert-authority} or {@code @revoked} are skipped
 * with a note (Keyport pins plain host keys), as are lines whose key does not parse.
 */
public final class KnownHostsReader {

    private static final int SHA1_BYTES = 20;

    private KnownHostsReader() {
    }

    /** Reads a file. */
    public static KnownHosts read(Path file) throws IOException {
        if (Files.size(file) > SshConfigReader.MAX_FILE_BYTES * 16) {
            throw new IOException(file + " is larger than 64 MiB");
        }
        return parse(file, SshConfigReader.lines(file));
    }

    /** Parses lines; {@code file} only names them in warnings. */
    public static KnownHosts parse(Path file, List<String> lines) {
        List<KnownHostsEntry> entries = new ArrayList<>();
        List<OpenSshWarning> warnings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("[ \t]+", 4);
            if (fields[0].startsWith("@")) {
                String marker = fields[0];
                warnings.add(new OpenSshWarning(file, number, marker.equals("@cert-authority") || marker.equals("@revoked")
                        ? marker + " line skipped: Keyport imports plain host keys only"
                        : "unknown marker " + marker + "; the line is skipped"));
                continue;
            }
            if (fields.length < 3) {
                warnings.add(new OpenSshWarning(file, number, "not a host key line (hosts, key type, key); skipped"));
                continue;
            }
            try {
                SshPublicKey.of(fields[1], fields[2]);
            } catch (IllegalArgumentException e) {
                warnings.add(new OpenSshWarning(file, number, "the key does not parse (" + e.getMessage() + "); skipped"));
                continue;
            }
            String comment = fields.length == 4 ? fields[3] : "";
            if (fields[0].startsWith("|")) {
                if (!validHash(fields[0])) {
                    warnings.add(new OpenSshWarning(file, number, "a hashed host name that is not |1|salt|hash; skipped"));
                    continue;
                }
                entries.add(new KnownHostsEntry(number, List.of(), Optional.of(fields[0]), fields[1], fields[2], comment));
            } else {
                entries.add(new KnownHostsEntry(number, List.of(fields[0].split(",")), Optional.empty(), fields[1],
                        fields[2], comment));
            }
        }
        return new KnownHosts(entries, warnings);
    }

    private static boolean validHash(String field) {
        String[] parts = field.split("\\|", -1);
        if (parts.length != 4 || !parts[0].isEmpty() || !parts[1].equals("1")) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(parts[2]).length == SHA1_BYTES
                    && Base64.getDecoder().decode(parts[3]).length == SHA1_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
