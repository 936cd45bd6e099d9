package dev.keyport.app.tunnels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.session.Session;
import dev.keyport.app.session.SessionEvent;
import dev.keyport.app.session.SessionService;
import dev.keyport.app.session.Sharing;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.SshFailure.Kind;
import dev.keyport.terminal.ssh.SshConnection;
import dev.keyport.terminal.tunnel.ForwardSpec;
import dev.keyport.terminal.tunnel.Forwarding;
import dev.keyport.vault.ForwardProfile;
import dev.keyport.vault.Host;

/**
 * One switched-on tunnel: its connection (a shared session to its host), its forwards, and the
 * reconnecting when the connection drops (capped exponential backoff with jitter). A tunnel that can
 * never work as saved goes to {@link TunnelState.Failed} instead of retrying forever. Every change of
 * state runs under this object's lock; blocking work runs on the scheduler's threads.
 */
final class RunningTunnel {

    private static final Logger LOG = LoggerFactory.getLogger(RunningTunnel.class);
    /** Failures that another try cannot fix: the person must change something first. */
    private static final Set<Kind> FINAL = Set.of(Kind.AUTH_FAILED, Kind.HOST_KEY_CHANGED, Kind.HOST_KEY_REJECTED, Kind.CANCELLED,
            Kind.KEY_UNREADABLE, Kind.NEGOTIATION_FAILED);

    private final ForwardProfile profile;
    private final Host host;
    private final SessionService sessions;
    private final ScheduledExecutorService scheduler;
    private final Backoff backoff;
    private final Consumer<TunnelStatus> changed;
    private final List<ForwardSpec> specs;
    private final List<Forwarding> running = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private TunnelState state = new TunnelState.Starting();
    private Session session;
    private ScheduledFuture<?> retry;
    private int attempt;
    private boolean stopped;

    RunningTunnel(ForwardProfile profile, Host host, SessionService sessions, ScheduledExecutorService scheduler, Backoff backoff,
            Consumer<TunnelStatus> changed) {
        this.profile = profile;
        this.host = host;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.changed = changed;
        this.specs = Forwards.specs(profile);
        specs.forEach(s -> problems.add(""));
    }

    ForwardProfile profile() {
        return profile;
    }

    synchronized TunnelStatus status() {
        List<ForwardStatus> forwards = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Forwarding forwarding = i < running.size() ? running.get(i) : null;
            forwards.add(forwarding == null || !forwarding.isOpen()
                    ? new ForwardStatus(specs.get(i), 0, forwarding == null ? ForwardStatus.NONE : forwarding.stats(), problems.get(i))
                    : new ForwardStatus(specs.get(i), forwarding.boundPort(), forwarding.stats(), problems.get(i)));
        }
        return new TunnelStatus(profile, stopped ? new TunnelState.Off() : state, forwards);
    }

    synchronized boolean isOn() {
        return !stopped && state instanceof TunnelState.On;
    }

    /** Connects (in the background); events arrive on SSH threads. */
    synchronized void connect() {
        if (stopped) {
            return;
        }
        retry = null;
        Session opened = sessions.open(host, Sharing.SHARED, this::onEvent);
        session = opened;
    }

    private void onEvent(SessionEvent event) {
        if (event instanceof SessionEvent.Connected) {
            scheduler.execute(this::startForwards);
        } else if (event instanceof SessionEvent.Failed f) {
            failed(f.kind(), f.message(), f.keyChange());
        } else if (event instanceof SessionEvent.Disconnected d) {
            lost(d.reason().isBlank() ? "the connection to " + host.name() + " was lost" : d.reason());
        }
    }

    private void startForwards() {
        Session current;
        synchronized (this) {
            current = session;
            if (stopped || current == null) {
                return;
            }
        }
        Optional<SshConnection> connection = current.connection();
        if (connection.isEmpty()) {
            return; // already gone: the Disconnected event reconnects
        }
        List<Forwarding> started = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (ForwardSpec spec : specs) {
            try {
                started.add(connection.get().startForward(spec));
                why.add("");
            } catch (SshFailure e) {
                LOG.info("Tunnel {}: {} failed: {}", profile.name(), spec.toOpenSsh(), e.getMessage());
                started.add(null);
                why.add(e.getMessage());
            }
        }
        synchronized (this) {
            if (stopped || session != current) {
                started.forEach(RunningTunnel::closeQuietly);
                return;
            }
            closeForwards();
            running.addAll(started);
            for (int i = 0; i < why.size(); i++) {
                problems.set(i, why.get(i));
            }
            if (started.stream().allMatch(f -> f == null)) {
                // every port is taken or refused: trying again will not free them
                state = new TunnelState.Failed(why.get(0));
                releaseSession();
            } else {
                attempt = 0;
                state = new TunnelState.On();
            }
        }
        changed.accept(status());
    }

    private void failed(Kind kind, String message, Optional<dev.keyport.terminal.HostKeyChange> keyChange) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            closeForwards();
            releaseSession();
            if (FINAL.contains(kind)) {
                state = new TunnelState.Failed(message, keyChange);
            } else {
                scheduleRetry(message);
            }
        }
        changed.accept(status());
    }

    private void lost(String reason) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            closeForwards();
            releaseSession();
            scheduleRetry(reason);
        }
        changed.accept(status());
    }

    /** Caller holds the lock. */
    private void scheduleRetry(String reason) {
        attempt++;
        Duration delay = backoff.delay(attempt);
        state = new TunnelState.Reconnecting(attempt, delay, reason);
        LOG.info("Tunnel {}: {}", profile.name(), TunnelState.describe(state));
        retry = scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Switches off: the ports close and every forwarded connection with them, at once. */
    void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            if (retry != null) {
                retry.cancel(false);
            }
            closeForwards();
            releaseSession();
            state = new TunnelState.Off();
        }
        changed.accept(status());
    }

    /** Caller holds the lock. */
    private void closeForwards() {
        running.forEach(RunningTunnel::closeQuietly);
        running.clear();
    }

    /** Caller holds the lock. */
    private void releaseSession() {
        Session old = session;
        session = null;
        if (old != null) {
            old.close();
        }
    }

    private static void closeQuietly(Forwarding forwarding) {
        if (forwarding != null) {
            try {
                forwarding.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing a forward: {}", e.getMessage());
            }
        }
    }

    /** How long to wait before reconnect attempt n: doubling from {@code first}, at most {@code cap}, with ±20% jitter. */
    record Backoff(Duration first, Duration cap) {
        static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

        Duration delay(int attempt) {
            long base = first.toMillis() << Math.min(attempt - 1, 20);
            long capped = Math.min(base, cap.toMillis());
            double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
            return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
        }
    }
}
