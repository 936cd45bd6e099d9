package dev.keyport.syncformat.openssh;

import java.util.List;

/**
 * A read {@code known_hosts} file: its host key lines and what was skipped.
 *
 * @param entries  plain and hashed host key lines, in file order
 * @param warnings skipped lines ({@code @cert-authority}, {@code @revoked}, malformed), with their place
 */
public record KnownHosts(List<KnownHostsEntry> entries, List<OpenSshWarning> warnings) {

    public KnownHosts {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** The lines that name this host and port. */
    public List<KnownHostsEntry> find(String host, int port) {
        return entries.stream().filter(e -> e.matches(host, port)).toList();
    }
}
