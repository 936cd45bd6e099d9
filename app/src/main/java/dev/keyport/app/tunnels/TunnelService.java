package dev.keyport.app.tunnels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.services.DaemonThreads;
import dev.keyport.app.session.SessionService;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;
import dev.keyport.vault.HostRepository;
import dev.keyport.vault.VaultException;

/**
 * The saved tunnels that are switched on: switching never blocks (connecting and binding happen on
 * the tunnel threads), state changes and counters go to {@link TunnelListener}s. FX-free; the window
 * and {@code keyport tunnel up} both drive it.
 */
public final class TunnelService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TunnelService.class);

    private final SessionService sessions;
    private final HostRepository hosts;
    private final RunningTunnel.Backoff backoff;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, DaemonThreads.named("keyport-tunnels"));
    /** Switching on and off, in the order the person asked. */
    private final ExecutorService control = Executors.newSingleThreadExecutor(DaemonThreads.named("keyport-tunnel-switch"));
    private final Map<UUID, RunningTunnel> running = new ConcurrentHashMap<>();
    private final List<TunnelListener> listeners = new CopyOnWriteArrayList<>();

    public TunnelService(SessionService sessions, HostRepository hosts) {
        this(sessions, hosts, RunningTunnel.Backoff.DEFAULT);
    }

    TunnelService(SessionService sessions, HostRepository hosts, RunningTunnel.Backoff backoff) {
        this.sessions = sessions;
        this.hosts = hosts;
        this.backoff = backoff;
        scheduler.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    public void addListener(TunnelListener listener) {
        listeners.add(listener);
    }

    public void removeListener(TunnelListener listener) {
        listeners.remove(listener);
    }

    /** Switches a saved tunnel on; returns at once. Switching on one that is on restarts it with the profile given. */
    public void switchOn(ForwardProfile profile) {
        control.execute(() -> {
            RunningTunnel previous = running.remove(profile.id());
            if (previous != null) {
                previous.stop();
            }
            start(profile);
        });
    }

    private void start(ForwardProfile profile) {
        Host host;
        try {
            host = hosts.find(profile.hostId()).orElse(null);
        } catch (VaultException e) {
            notify(new TunnelStatus(profile, new TunnelState.Failed(e.getMessage()), List.of()));
            return;
        }
        if (host == null) {
            notify(new TunnelStatus(profile, new TunnelState.Failed("The host of " + profile.name()
                    + " is no longer in the vault. Edit the tunnel and choose a host."), specsIdle(profile)));
            return;
        }
        RunningTunnel tunnel = new RunningTunnel(profile, host, sessions, scheduler, backoff, this::notify);
        if (running.putIfAbsent(profile.id(), tunnel) != null) {
            return; // switched on twice at once: the first one runs
        }
        notify(tunnel.status());
        tunnel.connect();
    }

    private static List<ForwardStatus> specsIdle(ForwardProfile profile) {
        List<ForwardStatus> idle = new ArrayList<>();
        Forwards.specs(profile).forEach(s -> idle.add(ForwardStatus.idle(s)));
        return idle;
    }

    /**
     * The person compared both fingerprints of a changed server key and confirmed: the trusted key is
     * replaced with exactly the one offered, then {@code profile} is switched on again. Blocking (the
     * vault): call off the UI thread.
     *
     * @throws SshFailure when the key cannot be replaced (a read-only known_hosts still trusts the old one)
     */
    public void replaceHostKeyAndSwitchOn(ForwardProfile profile, dev.keyport.terminal.HostKeyChange change)
            throws dev.keyport.terminal.SshFailure {
        sessions.replaceHostKey(change);
        switchOn(profile);
    }

    /** Switches a tunnel off: its ports and connections close at once (on a tunnel thread); returns at once. */
    public void switchOff(UUID profileId) {
        control.execute(() -> switchOffAndWait(profileId));
    }

    /** Switches a tunnel off and waits until its ports are closed (the command line's way). */
    public void switchOffAndWait(UUID profileId) {
        RunningTunnel tunnel = running.remove(profileId);
        if (tunnel != null) {
            tunnel.stop();
        }
    }

    /**
     * Switches a tunnel off after any switching asked for before (so a switch-on still queued does not
     * turn it on again afterwards) and waits until its ports are closed. Blocking.
     */
    public void switchOffInOrder(UUID profileId) throws InterruptedException {
        try {
            control.submit(() -> switchOffAndWait(profileId)).get();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
            switchOffAndWait(profileId); // closing: the tunnels close anyway
        }
    }

    /** The tunnel's state now; off when it is not switched on. */
    public TunnelStatus status(ForwardProfile profile) {
        RunningTunnel tunnel = running.get(profile.id());
        return tunnel != null ? tunnel.status() : new TunnelStatus(profile, new TunnelState.Off(), specsIdle(profile));
    }

    public Optional<TunnelStatus> status(UUID profileId) {
        return Optional.ofNullable(running.get(profileId)).map(RunningTunnel::status);
    }

    /** The tunnels switched on now. */
    public List<TunnelStatus> running() {
        List<TunnelStatus> statuses = new ArrayList<>();
        running.values().forEach(t -> statuses.add(t.status()));
        return statuses;
    }

    /** Starts, in the background, every profile marked "start when Keyport opens the vault". */
    public void startAutostart(List<ForwardProfile> profiles) {
        for (ForwardProfile profile : profiles) {
            if (profile.autostart()) {
                switchOn(profile);
            }
        }
    }

    private void tick() {
        for (RunningTunnel tunnel : running.values()) {
            if (tunnel.isOn()) {
                notify(tunnel.status());
            }
        }
    }

    private void notify(TunnelStatus status) {
        for (TunnelListener listener : listeners) {
            try {
                listener.changed(status);
            } catch (RuntimeException e) {
                LOG.warn("A tunnel listener failed: {}", e.getMessage());
            }
        }
    }

    /** Switches every tunnel off (their ports close) and stops the tunnel threads. */
    @Override
    public void close() {
        control.shutdown();
        try {
            control.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (UUID id : List.copyOf(running.keySet())) {
            switchOffAndWait(id);
        }
        scheduler.shutdownNow();
    }
}
