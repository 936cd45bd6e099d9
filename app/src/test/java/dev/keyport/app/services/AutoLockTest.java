package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

class AutoLockTest {

    @TempDir
    Path dir;

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theVaultLocksAfterTheConfiguredIdleTimeAndActivityPostponesIt() throws Exception {
        MovableClock clock = new MovableClock();
        List<LockReason> reasons = new CopyOnWriteArrayList<>();
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            vault.settings().put(AutoLock.SETTING, "5");
            AutoLock autoLock = new AutoLock(vault, clock, reasons::add);

            clock.now = clock.now.plus(Duration.ofMinutes(4));
            assertThat(autoLock.check()).isFalse();
            autoLock.touch();
            clock.now = clock.now.plus(Duration.ofMinutes(4));
            assertThat(autoLock.check()).isFalse();
            assertThat(vault.isLocked()).isFalse();

            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertThat(autoLock.check()).isTrue();
            assertThat(vault.isLocked()).isTrue();
            assertThat(reasons).containsExactly(new LockReason.Idle(5));
            assertThat(reasons.get(0).message()).startsWith("Keyport locked itself after 5 minutes without activity");
            assertThat(autoLock.check()).isFalse();

            vault.reopen("pw".toCharArray());
            autoLock.unlocked();
            assertThat(autoLock.isLocked()).isFalse();
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            assertThat(autoLock.check()).isFalse();
        }
    }

    @Test
    void lockingOnRequestLocksOnceAndTellsTheUiItWasThePersonNotIdleness() throws Exception {
        List<LockReason> reasons = new CopyOnWriteArrayList<>();
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            AutoLock autoLock = new AutoLock(vault, new MovableClock(), reasons::add);
            assertThat(autoLock.lockNow()).isTrue();
            assertThat(autoLock.lockNow()).isFalse();
            assertThat(vault.isLocked()).isTrue();
            assertThat(reasons).containsExactly(new LockReason.Manual());
            assertThat(reasons.get(0).message()).startsWith("You locked Keyport.").doesNotContain("idle").doesNotContain("activity");
        }
    }

    @Test
    void zeroMinutesTurnsItOffAndTheDefaultIsFifteen() throws Exception {
        MovableClock clock = new MovableClock();
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            AutoLock autoLock = new AutoLock(vault, clock, reason -> { });
            clock.now = clock.now.plus(Duration.ofMinutes(14));
            assertThat(autoLock.check()).isFalse();
            vault.settings().put(AutoLock.SETTING, "0");
            clock.now = clock.now.plus(Duration.ofHours(5));
            assertThat(autoLock.check()).isFalse();
            vault.settings().put(AutoLock.SETTING, "15");
            assertThat(autoLock.check()).isTrue();
        }
    }

    @Test
    void theMinutesAreSavedAndAnUnusableValueReadsAsTheDefault() throws Exception {
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            assertThat(AutoLock.savedMinutes(vault.settings())).isEqualTo(15);
            AutoLock.saveMinutes(vault.settings(), 0);
            assertThat(AutoLock.savedMinutes(vault.settings())).isZero();
            AutoLock.saveMinutes(vault.settings(), 45);
            assertThat(AutoLock.savedMinutes(vault.settings())).isEqualTo(45);
            vault.settings().put(AutoLock.SETTING, "-3");
            assertThat(AutoLock.savedMinutes(vault.settings())).isEqualTo(15);
            vault.settings().put(AutoLock.SETTING, "soon");
            assertThat(AutoLock.savedMinutes(vault.settings())).isEqualTo(15);
        }
    }
}
