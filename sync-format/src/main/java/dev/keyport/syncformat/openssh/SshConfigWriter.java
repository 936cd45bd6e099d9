package dev.keyport.syncformat.openssh;

import java.util.List;

/**
 * Writes an OpenSSH client configuration for hosts: one {@code Host} block per alias with HostName,
 * User, Port, IdentityFile, ProxyJump (as aliases or {@code [user@]host[:port]} hops), the forwards,
 * ServerAliveInterval and ForwardAgent, in that order; absent values are left out. Values with spaces
 * or quotes are quoted the way ssh reads them back, {@code %} in HostName is written as {@code %%}.
 * Nothing that runs a program is ever written. {@link SshConfigReader} reads the result back to the
 * same hosts.
 */
public final class SshConfigWriter {

    private static final String INDENT = "    ";

    private SshConfigWriter() {
    }

    /**
     * The configuration text, LF line ends.
     *
     * @throws IllegalArgumentException when an alias or value cannot stand in an ssh_config (an alias
     *                                  with spaces or wildcards, a line break in a value, a hop with a comma)
     */
    public static String write(List<SshHostConfig> hosts) {
        StringBuilder out = new StringBuilder("# Written by Keyport\n");
        for (SshHostConfig host : hosts) {
            out.append('\n').append("Host ").append(alias(host.alias())).append('\n');
            host.hostName().ifPresent(name -> option(out, "HostName", value(name.replace("%", "%%"))));
            host.user().ifPresent(user -> option(out, "User", value(user)));
            host.port().ifPresent(port -> option(out, "Port", range(port, 1, "Port")));
            host.identityFiles().forEach(file -> option(out, "IdentityFile", value(file)));
            if (!host.proxyJump().isEmpty()) {
                for (String hop : host.proxyJump()) {
                    if (hop.isEmpty() || hop.contains(",") || !hop.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"')) {
                        throw new IllegalArgumentException("ProxyJump hop '" + hop + "' cannot stand in an ssh_config");
                    }
                }
                option(out, "ProxyJump", String.join(",", host.proxyJump()));
            }
            for (SshForward forward : host.forwards()) {
                String keyword = switch (forward.kind()) {
                    case LOCAL -> "LocalForward";
                    case REMOTE -> "RemoteForward";
                    case DYNAMIC -> "DynamicForward";
                };
                forward.bindAddress().ifPresent(SshConfigWriter::plain);
                forward.targetHost().ifPresent(SshConfigWriter::plain);
                option(out, keyword, forward.arguments());
            }
            host.serverAliveInterval().ifPresent(seconds -> option(out, "ServerAliveInterval",
                    range(seconds, 0, "ServerAliveInterval")));
            host.forwardAgent().ifPresent(agent -> option(out, "ForwardAgent", agent ? "yes" : "no"));
        }
        return out.toString();
    }

    private static void option(StringBuilder out, String keyword, String value) {
        out.append(INDENT).append(keyword).append(' ').append(value).append('\n');
    }

    private static String alias(String alias) {
        if (alias.isEmpty() || !alias.chars().allMatch(c -> c > 0x20 && c < 0x7f && "*?!#\"'\\=".indexOf(c) < 0)) {
            throw new IllegalArgumentException("'" + alias + "' cannot be a Host alias (no spaces, wildcards, quotes or '!')");
        }
        return alias;
    }

    private static String range(int value, int min, String what) {
        if (value < min || (what.equals("Port") && value > 65535)) {
            throw new IllegalArgumentException(what + " " + value + " is out of range");
        }
        return Integer.toString(value);
    }

    private static void plain(String text) {
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\'' && c != '\\' && c != '#')
                || text.contains("/")) {
            throw new IllegalArgumentException("'" + text + "' cannot stand in a forward");
        }
    }

    /** A value as argv_split reads it back: quoted, with \" and \\ escaped, when it needs to be. */
    static String value(String text) {
        if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a value with a line break or control character cannot stand in an ssh_config");
        }
        boolean plain = !text.isEmpty() && text.chars().noneMatch(c -> c == ' ' || c == '"' || c == '\'' || c == '\\'
                || c == '#' || c == '=');
        if (plain) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
