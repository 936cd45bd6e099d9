package dev.keyport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.instance.InstanceReply;
import dev.keyport.app.instance.InstanceRequest;
import dev.keyport.app.instance.SingleInstance;

/**
 * Which launches begin the JavaFX toolkit's start early ({@link Main#startToolkitEarly(String[])}): the
 * desktop app's, and never a command's (they run in terminals and on servers without a display).
 */
class DesktopLaunchTest {

    @TempDir
    Path dataDir;

    @Test
    void theDesktopAppStartsItsToolkitEarly() {
        assertThat(Main.desktopLaunch(new String[0])).isTrue();
        assertThat(Main.desktopLaunch(new String[] {"--demo"})).isTrue();
        assertThat(Main.desktopLaunch(new String[] {"--data-dir", "/tmp/vault", "--scrollback", "500"})).isTrue();
        assertThat(Main.desktopLaunch(new String[] {"/home/me/team.keyport"})).isTrue();
    }

    @Test
    void commandsHelpAndVersionNeverStartTheToolkit() {
        assertThat(Main.desktopLaunch(new String[] {"host", "list"})).isFalse();
        assertThat(Main.desktopLaunch(new String[] {"--data-dir", "/tmp/vault", "vault", "init"})).isFalse();
        assertThat(Main.desktopLaunch(new String[] {"tunnel", "up", "db"})).isFalse();
        assertThat(Main.desktopLaunch(new String[] {"ssh", "web"})).isFalse();
        assertThat(Main.desktopLaunch(new String[] {"import-ssh-config", "config"})).isFalse();
        assertThat(Main.desktopLaunch(new String[] {"--version"})).isFalse();
        assertThat(Main.desktopLaunch(new String[] {"-h"})).isFalse();
    }

    @Test
    void aLaunchThatWillHandOverToTheRunningKeyportDoesNotStartItsToolkitEarly() {
        assertThat(Main.anotherKeyportHoldsTheDataFolder(new String[] {"--data-dir", dataDir.toString()})).isFalse();

        SingleInstance.Claim claim = SingleInstance.claim(dataDir, InstanceRequest.activate(Optional.empty()),
                request -> new InstanceReply(0, "shown"));
        assertThat(claim).isInstanceOf(SingleInstance.Claim.First.class);
        try {
            assertThat(Main.anotherKeyportHoldsTheDataFolder(new String[] {"--data-dir", dataDir.toString()})).isTrue();
            assertThat(Main.anotherKeyportHoldsTheDataFolder(new String[] {"--data-dir=" + dataDir})).isTrue();
            assertThat(Main.anotherKeyportHoldsTheDataFolder(new String[] {"--demo"})).as("the demo has its own folder").isFalse();
        } finally {
            ((SingleInstance.Claim.First) claim).instance().close();
        }
        assertThat(Main.anotherKeyportHoldsTheDataFolder(new String[] {"--data-dir", dataDir.toString()})).as("closed").isFalse();
    }

    @Test
    void aSocketLeftByAKeyportThatWasKilledDoesNotCostTheEarlyStart() throws IOException {
        Files.createFile(dataDir.resolve(SingleInstance.SOCKET_FILE)); // what a killed Keyport leaves
        Files.createFile(dataDir.resolve(SingleInstance.LOCK_FILE));   // unlocked: nobody holds it

        assertThat(Main.anotherKeyportHoldsTheDataFolder(new String[] {"--data-dir", dataDir.toString()})).isFalse();
    }
}
