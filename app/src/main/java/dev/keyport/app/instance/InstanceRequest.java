package dev.keyport.app.instance;

import java.util.List;

/**
 * What a second Keyport asks the first one over the instance channel: a verb and its arguments.
 * Only {@link #ACTIVATE} is served today; the channel is made so that another verb (running a
 * command line inside the running app, say) can be added without changing the frame.
 */
public record InstanceRequest(String verb, List<String> arguments) {

    /** Bring the window to the front; the one optional argument is a team file to open the import preview for. */
    public static final String ACTIVATE = "activate";

    public InstanceRequest {
        arguments = List.copyOf(arguments);
    }

    public static InstanceRequest activate(java.util.Optional<java.nio.file.Path> teamFile) {
        return new InstanceRequest(ACTIVATE, teamFile.map(p -> List.of(p.toAbsolutePath().toString())).orElse(List.of()));
    }
}
