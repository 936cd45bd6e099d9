package dev.keyport.app.services;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/**
 * Locks the vault after a configurable idle time (setting {@value #SETTING}, minutes, default
 * {@value #DEFAULT_MINUTES}; 0 turns it off). The UI reports activity with {@link #touch()}; when
 * the time is up the vault is locked on the checker's thread and {@code onLocked} runs there too with
 * the {@link LockReason} (the UI then says why, asks for the master password and calls {@link #unlocked()}).
 */
public final class AutoLock implements AutoCloseable {

    public static final String SETTING = "auto-lock-minutes";
    public static final int DEFAULT_MINUTES = 15;
    /** The longest idle time accepted in Settings: one day. */
    public static final int MAX_MINUTES = 24 * 60;
    private static final Logger LOG = LoggerFactory.getLogger(AutoLock.class);

    private final Vault vault;
    private final Clock clock;
    private final Consumer<LockReason> onLocked;
    private final AtomicReference<Instant> lastActivity;
    private final AtomicBoolean locked = new AtomicBoolean();
    private ScheduledExecutorService checker;

    public AutoLock(Vault vault, Clock clock, Consumer<LockReason> onLocked) {
        this.vault = vault;
        this.clock = clock;
        this.onLocked = onLocked;
        this.lastActivity = new AtomicReference<>(clock.instant());
    }

    /** Checks every {@code period} on {@code scheduler} (which this object then owns). */
    public void start(ScheduledExecutorService scheduler, Duration period) {
        this.checker = scheduler;
        scheduler.scheduleWithFixedDelay(this::check, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The person did something. */
    public void touch() {
        lastActivity.set(clock.instant());
    }

    /** The person unlocked again: start counting from now. */
    public void unlocked() {
        touch();
        locked.set(false);
    }

    public boolean isLocked() {
        return locked.get();
    }

    /** Locks if the idle time is over; true when it locked now. Called by the checker (and tests). */
    public boolean check() {
        if (locked.get() || vault.isLocked()) {
            return false;
        }
        Optional<Duration> limit = idleLimit(vault.settings());
        if (limit.isEmpty() || Duration.between(lastActivity.get(), clock.instant()).compareTo(limit.get()) < 0) {
            return false;
        }
        return lock(new LockReason.Idle(limit.get().toMinutes()));
    }

    /** Locks now (the person asked); blocking (closes the database): call off the FX thread. */
    public boolean lockNow() {
        return lock(new LockReason.Manual());
    }

    private boolean lock(LockReason why) {
        if (!locked.compareAndSet(false, true)) {
            return false;
        }
        vault.lock();
        LOG.info("Vault locked ({})", why);
        try {
            onLocked.accept(why);
        } catch (RuntimeException e) {
            LOG.warn("After auto-lock: {}", e.getMessage());
        }
        return true;
    }

    static Optional<Duration> idleLimit(SettingsRepository settings) {
        int minutes = savedMinutes(settings);
        return minutes <= 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(minutes));
    }

    /** The saved idle time in minutes (0: never); the default when nothing usable is saved. Blocking (JDBC). */
    public static int savedMinutes(SettingsRepository settings) {
        try {
            Optional<String> value = settings.get(SETTING);
            if (value.isPresent()) {
                int minutes = Integer.parseInt(value.get().strip());
                return validMinutes(minutes) ? minutes : DEFAULT_MINUTES;
            }
        } catch (VaultException | NumberFormatException e) {
            LOG.debug("Auto-lock setting unreadable, using {} minutes: {}", DEFAULT_MINUTES, e.getMessage());
        }
        return DEFAULT_MINUTES;
    }

    public static boolean validMinutes(int minutes) {
        return minutes >= 0 && minutes <= MAX_MINUTES;
    }

    /** Saves the idle time (0: never lock by itself); the running checker reads it at its next check. Blocking (JDBC). */
    public static void saveMinutes(SettingsRepository settings, int minutes) throws VaultException {
        if (!validMinutes(minutes)) {
            throw new IllegalArgumentException("Auto-lock must be between 0 and " + MAX_MINUTES + " minutes, not " + minutes);
        }
        settings.put(SETTING, Integer.toString(minutes));
    }

    @Override
    public void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}
