package dev.keyport.syncformat.openssh;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings OpenSSH would use for one alias, as far as Keyport imports them. Values are as
 * written, except {@code hostName}, which is %h-expanded and lower-cased as ssh does. Absent means
 * the file does not set it (ssh would use its default).
 *
 * @param alias               the name after {@code Host}
 * @param identityFiles       {@code IdentityFile} values in order, without repeats (~ and %-tokens kept)
 * @param proxyJump           the {@code ProxyJump} hops ({@code [user@]host[:port]}); empty for none
 * @param forwards            local, remote and dynamic forwards in order, without repeats
 * @param serverAliveInterval seconds
 * @param proxyCommandSkipped whether a {@code ProxyCommand} applies to this alias (not imported: the
 *                            host may be unreachable without it)
 */
public record SshHostConfig(String alias, Optional<String> hostName, Optional<String> user, Optional<Integer> port,
                            List<String> identityFiles, List<String> proxyJump, List<SshForward> forwards,
                            Optional<Integer> serverAliveInterval, Optional<Boolean> forwardAgent,
                            boolean proxyCommandSkipped) {

    public SshHostConfig {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(port, "port");
        identityFiles = List.copyOf(identityFiles);
        proxyJump = List.copyOf(proxyJump);
        forwards = List.copyOf(forwards);
        Objects.requireNonNull(serverAliveInterval, "serverAliveInterval");
        Objects.requireNonNull(forwardAgent, "forwardAgent");
    }

    /** A host entry with only an alias and a host name, for writing. */
    public static SshHostConfig of(String alias, String hostName) {
        return new SshHostConfig(alias, Optional.of(hostName), Optional.empty(), Optional.empty(), List.of(), List.of(),
                List.of(), Optional.empty(), Optional.empty(), false);
    }

    /** Where ssh connects: the host name, or the alias (lower case) when there is none. */
    public String hostNameOrAlias() {
        return hostName.orElse(alias.toLowerCase(java.util.Locale.ROOT));
    }

    /** The port ssh uses: the one set, or 22. */
    public int portOrDefault() {
        return port.orElse(22);
    }
}
