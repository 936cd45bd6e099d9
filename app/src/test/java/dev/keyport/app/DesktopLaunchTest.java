package dev.keyport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aLaunchThatWillHandOverToTheRunningKeyportDoesNotStartItsToolkitEarly() throws IOException {
        assertThat(Main.anotherKeyportListens(new String[] {"--data-dir", dataDir.toString()})).isFalse();

        Files.createFile(dataDir.resolve(SingleInstance.SOCKET_FILE)); // where a running Keyport listens

        assertThat(Main.anotherKeyportListens(new String[] {"--data-dir", dataDir.toString()})).isTrue();
        assertThat(Main.anotherKeyportListens(new String[] {"--data-dir=" + dataDir})).isTrue();
        assertThat(Main.anotherKeyportListens(new String[] {"--demo"})).as("the demo has its own folder").isFalse();
    }
}
