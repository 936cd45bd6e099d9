package dev.keyport.terminal.tunnel;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.ChannelFactory;

import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;

/**
 * Starts forwards over an authenticated sshd session. The application calls
 * {@code SshConnection.startForward}; this is the seam behind it (and the channel factory the SSH client
 * needs for -R).
 */
public final class Tunnels {

    private Tunnels() {
    }

    /**
     * Starts {@code spec} over {@code session}; every forward started here closes when the session closes.
     *
     * @param serverName how messages name the server
     * @throws SshFailure with a message a person can act on
     */
    public static Forwarding start(ClientSession session, ForwardSpec spec, String serverName) throws SshFailure {
        if (!session.isOpen()) {
            throw new SshFailure(Kind.DISCONNECTED, "The connection to " + serverName + " is closed: reconnect, then start "
                    + spec.toOpenSsh() + " again");
        }
        SessionForwards registry = SessionForwards.of(session);
        AbstractForwarding forwarding = spec instanceof ForwardSpec.Remote remote
                ? RemoteForwarding.start(session, remote, registry)
                : ListeningForward.start(session, spec, registry);
        if (!registry.add(forwarding)) {
            forwarding.close();
            throw new SshFailure(Kind.DISCONNECTED, "The connection to " + serverName + " closed while " + spec.toOpenSsh() + " started");
        }
        return forwarding;
    }

    /**
     * The handler of {@code forwarded-tcpip} channels (connections to -R ports) to register on the SSH
     * client in place of sshd-core's: it finds the forward among those started here.
     */
    public static ChannelFactory forwardedTcpipChannels() {
        return ForwardedTcpipChannel.FACTORY;
    }
}
