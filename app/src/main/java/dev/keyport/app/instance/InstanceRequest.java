package dev.keyport.app.instance;

import java.util.List;

/**
 * What another Keyport process asks the running one over the instance channel: a verb and its
 * arguments. {@link #ACTIVATE} comes from a second launch of the window; the other verbs come from
 * the command line while the window holds the vault (see {@code docs/architecture.md}, "The command
 * line beside the window"). Arguments are names and paths, never a secret.
 */
public record InstanceRequest(String verb, List<String> arguments) {

    /** Bring the window to the front; the one optional argument is a team file to open the import preview for. */
    public static final String ACTIVATE = "activate";
    /** {@code keyport connect NAME}: open a terminal tab on the saved host NAME. */
    public static final String CONNECT = "connect";
    /** {@code keyport tunnel up NAME…}: switch the tunnels on, report their states until the client hangs up, switch them off. */
    public static final String TUNNEL_UP = "tunnel-up";
    /** {@code keyport tunnel down NAME…}: switch the tunnels off in the window. */
    public static final String TUNNEL_DOWN = "tunnel-down";
    /** {@code keyport import FILE}: open the import preview of FILE in the window. */
    public static final String IMPORT = "import";
    /** {@code keyport host list}. */
    public static final String HOST_LIST = "host-list";
    /** {@code keyport tunnel list}. */
    public static final String TUNNEL_LIST = "tunnel-list";

    public InstanceRequest {
        arguments = List.copyOf(arguments);
    }

    public static InstanceRequest activate(java.util.Optional<java.nio.file.Path> teamFile) {
        return new InstanceRequest(ACTIVATE, teamFile.map(p -> List.of(p.toAbsolutePath().toString())).orElse(List.of()));
    }

    public static InstanceRequest of(String verb, List<String> arguments) {
        return new InstanceRequest(verb, arguments);
    }
}
