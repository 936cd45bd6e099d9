package dev.keyport.terminal.tunnel;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.session.Session;

/** The live forwards of one SSH session: closed with it, and where -R connections find their forward. */
final class SessionForwards {

    private static final AttributeKey<SessionForwards> KEY = new AttributeKey<>();

    private final Set<AbstractForwarding> live = ConcurrentHashMap.newKeySet();
    private volatile boolean sessionClosed;

    static SessionForwards of(Session session) {
        return session.computeAttributeIfAbsent(KEY, k -> {
            SessionForwards forwards = new SessionForwards();
            session.addCloseFutureListener(f -> forwards.closeAll());
            return forwards;
        });
    }

    /** Adds a started forward; false (and the forward is not added) when the session has closed meanwhile. */
    boolean add(AbstractForwarding forwarding) {
        live.add(forwarding);
        if (sessionClosed) {
            live.remove(forwarding);
            return false;
        }
        return true;
    }

    void remove(AbstractForwarding forwarding) {
        live.remove(forwarding);
    }

    /** The -R forward the server means by the address and port a connection came in on. */
    Optional<RemoteForwarding> remote(String connectedHost, int connectedPort) {
        List<RemoteForwarding> onPort = live.stream()
                .filter(f -> f instanceof RemoteForwarding r && r.boundPort() == connectedPort)
                .map(RemoteForwarding.class::cast).toList();
        return onPort.stream().filter(r -> r.spec().bindAddress().equalsIgnoreCase(connectedHost)).findFirst()
                .or(() -> onPort.stream().findFirst());
    }

    private void closeAll() {
        sessionClosed = true;
        for (AbstractForwarding forwarding : List.copyOf(live)) {
            forwarding.close();
        }
    }
}
