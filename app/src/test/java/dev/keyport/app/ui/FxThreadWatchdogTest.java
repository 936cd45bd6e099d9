package dev.keyport.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/** The watchdog the GUI tests rely on catches what freezes a window, and leaves the toolkit's own waiting alone. */
class FxThreadWatchdogTest {

    @TempDir
    Path dir;

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void anIdleWindowIsFine() throws Exception {
        FxThreadWatchdog watchdog = FxThreadWatchdog.start();
        Thread.sleep(200);
        watchdog.assertNothingBlocked();
    }

    @Test
    void waitingOnTheFxThreadIsCaught() throws Exception {
        FxThreadWatchdog watchdog = FxThreadWatchdog.start();
        WaitForAsyncUtils.asyncFx(() -> sleepQuietly(150)).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(watchdog::assertNothingBlocked).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the FX thread waited in java.lang.Thread.sleep").hasMessageContaining("FxThreadWatchdogTest");
    }

    @Test
    void vaultWorkOnTheFxThreadIsCaught() throws Exception {
        Vault vault = Vault.create(dir, "pw".toCharArray(), KdfParameters.FLOOR);
        try {
            FxThreadWatchdog watchdog = FxThreadWatchdog.start();
            WaitForAsyncUtils.asyncFx(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        vault.hosts().save(Host.create("h" + i, "h.example", 22, "u", new HostAuth.Password()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }).get(30, TimeUnit.SECONDS);
            watchdog.close();
            assertThat(watchdog.violations()).isNotEmpty().first().asString().startsWith("the FX thread ran ");
        } finally {
            vault.close();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
