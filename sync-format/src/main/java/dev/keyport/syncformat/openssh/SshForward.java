package dev.keyport.syncformat.openssh;

import java.util.Objects;
import java.util.Optional;

/**
 * A port forward from {@code LocalForward}, {@code RemoteForward} or {@code DynamicForward}.
 *
 * @param bindAddress the listen address as written ({@code ""} for ":port", {@code *}), absent when none
 *                    was given (OpenSSH then listens on the loopback address)
 * @param bindPort    the listen port (0 for "any" on a remote forward)
 * @param targetHost  where the other side connects; absent for dynamic forwards
 * @param targetPort  the target's port; absent for dynamic forwards
 */
public record SshForward(Kind kind, Optional<String> bindAddress, int bindPort, Optional<String> targetHost,
                         Optional<Integer> targetPort) {

    /** Which option it came from. */
    public enum Kind { LOCAL, REMOTE, DYNAMIC }

    public SshForward {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(targetHost, "targetHost");
        Objects.requireNonNull(targetPort, "targetPort");
    }

    /** As {@code ssh -G} prints it: e.g. {@code localforward [127.0.0.1]:5432 [db]:5432}. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT)).append("forward ");
        text.append(bindAddress.map(a -> "[" + a + "]:" + bindPort).orElse(Integer.toString(bindPort)));
        targetHost.ifPresent(host -> text.append(" [").append(host).append("]:").append(targetPort.orElse(0)));
        return text.toString();
    }

    /** The forward as the option's arguments, for writing it back: {@code [bind:]port host:port}. */
    String arguments() {
        StringBuilder text = new StringBuilder();
        bindAddress.ifPresent(a -> text.append(a.contains(":") ? "[" + a + "]" : a).append(':'));
        text.append(bindPort);
        targetHost.ifPresent(host -> text.append(' ').append(host.contains(":") ? "[" + host + "]" : host)
                .append(':').append(targetPort.orElse(0)));
        return text.toString();
    }
}
