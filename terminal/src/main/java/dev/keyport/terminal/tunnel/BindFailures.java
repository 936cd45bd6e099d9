package dev.keyport.terminal.tunnel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;

/** Where a local listener binds, and what to tell the person when it cannot. */
final class BindFailures {

    private BindFailures() {
    }

    /** The socket address for a spec's bind address: {@code *} is every interface, {@code localhost} the loopback. */
    static InetSocketAddress address(ForwardSpec spec) throws SshFailure {
        String bind = spec.bindAddress();
        if (bind.equals(ForwardSpec.ANY)) {
            return new InetSocketAddress(spec.bindPort());
        }
        if (bind.equalsIgnoreCase("localhost")) {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), spec.bindPort());
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), spec.bindPort());
        } catch (UnknownHostException e) {
            throw new SshFailure(Kind.BIND_FAILED, "Cannot listen on " + bind + ": no such address on this computer."
                    + " Use 127.0.0.1 (this computer only) or one of this computer's addresses.", e);
        }
    }

    /** The message for a failed bind of {@code port} on {@code bind}. */
    static SshFailure of(String bind, int port, IOException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("already in use")) {
            return new SshFailure(Kind.PORT_IN_USE, "Port " + port + " on " + bind + " is already in use by another program."
                    + " Choose another local port or stop that program.", e);
        }
        if (message.contains("permission denied") || message.contains("access denied") || message.contains("not permitted")) {
            if (port > 0 && port < 1024) {
                return new SshFailure(Kind.BIND_FAILED, "Port " + port + " on " + bind + " is a privileged port: only root (or a program"
                        + " allowed to bind them) may listen below 1024. Choose a local port from 1024 up, for example "
                        + (port + 8000) + ".", e);
            }
            return new SshFailure(Kind.BIND_FAILED, "This computer does not allow Keyport to listen on port " + port + " of " + bind
                    + " (" + e.getMessage() + "). Choose another local port.", e);
        }
        if (message.contains("cannot assign requested address") || message.contains("not available")) {
            return new SshFailure(Kind.BIND_FAILED, "Cannot listen on " + bind + ": it is not an address of this computer."
                    + " Use 127.0.0.1 (this computer only) or one of this computer's addresses.", e);
        }
        return new SshFailure(Kind.BIND_FAILED, "Cannot listen on port " + port + " of " + bind + ": " + e.getMessage(), e);
    }
}
