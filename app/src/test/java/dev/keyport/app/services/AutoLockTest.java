package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

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
        AtomicInteger lockedCalls = new AtomicInteger();
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            vault.settings().put(AutoLock.SETTING, "5");
            AutoLock autoLock = new AutoLock(vault, clock, lockedCalls::incrementAndGet);

            clock.now = clock.now.plus(Duration.ofMinutes(4));
            assertThat(autoLock.check()).isFalse();
            autoLock.touch();
            clock.now = clock.now.plus(Duration.ofMinutes(4));
            assertThat(autoLock.check()).isFalse();
            assertThat(vault.isLocked()).isFalse();

            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertThat(autoLock.check()).isTrue();
            assertThat(vault.isLocked()).isTrue();
            assertThat(lockedCalls).hasValue(1);
            assertThat(autoLock.check()).isFalse();

            vault.reopen("pw".toCharArray());
            autoLock.unlocked();
            assertThat(autoLock.isLocked()).isFalse();
            clock.now = clock.now.plus(Duration.ofMinutes(1));
            assertThat(autoLock.check()).isFalse();
        }
    }

    @Test
    void lockingOnRequestLocksOnceAndTellsTheUi() throws Exception {
        AtomicInteger lockedCalls = new AtomicInteger();
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            AutoLock autoLock = new AutoLock(vault, new MovableClock(), lockedCalls::incrementAndGet);
            assertThat(autoLock.lockNow()).isTrue();
            assertThat(autoLock.lockNow()).isFalse();
            assertThat(vault.isLocked()).isTrue();
            assertThat(lockedCalls).hasValue(1);
        }
    }

    @Test
    void zeroMinutesTurnsItOffAndTheDefaultIsFifteen() throws Exception {
        MovableClock clock = new MovableClock();
        try (Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR)) {
            AutoLock autoLock = new AutoLock(vault, clock, () -> { });
            clock.now = clock.now.plus(Duration.ofMinutes(14));
            assertThat(autoLock.check()).isFalse();
            vault.settings().put(AutoLock.SETTING, "0");
            clock.now = clock.now.plus(Duration.ofHours(5));
            assertThat(autoLock.check()).isFalse();
            vault.settings().put(AutoLock.SETTING, "15");
            assertThat(autoLock.check()).isTrue();
        }
    }
}
