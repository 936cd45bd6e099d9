package dev.keyport.app.ui.terminal;

import dev.keyport.app.ui.KeyportHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import dev.keyport.app.ui.WindowWithOpenSshHost;
import dev.keyport.terminal.BackgroundPriority;
import dev.keyport.terminal.testing.FloodWorkload;
import dev.keyport.terminal.testing.JvmThreads;

/**
 * Floods and full-screen programs in a Keyport tab on a real OpenSSH sshd, through a real PTY:
 * what the person sees afterwards, and that Ctrl-C still reaches the server during a flood.
 */
@ExtendWith(ApplicationExtension.class)
class TerminalFloodTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final WindowWithOpenSshHost app = WindowWithOpenSshHost.trusted();

    @Test
    void afterAFloodTheLastLinesAndTheirColoursAreWhatTheServerSent(FxRobot robot) throws Exception {
        openShell(robot);
        robot.write("seq 300000; printf '\\033[2m12:00:00\\033[0m \\033[1;31mERROR\\033[0m [w-1] \\033[36mcom.example.Pool\\033[0m - end\\n';"
                + " echo end-$((6*7))").type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window(), "end-42", Duration.ofSeconds(120));

        KeyportTerminalWidget widget = widget();
        TerminalTextBuffer buffer = widget.getTerminalTextBuffer();
        List<String> lines = new ArrayList<>();
        TerminalLine logLine = null;
        int historyLines;
        buffer.lock();
        try {
            historyLines = buffer.getHistoryLinesCount();
            LinesBuffer history = buffer.getHistoryBuffer();
            for (int i = 0; i < history.getLineCount(); i++) {
                lines.add(history.getLine(i).getText().stripTrailing());
            }
            for (int i = 0; i < buffer.getHeight(); i++) {
                TerminalLine line = buffer.getLine(i);
                lines.add(line.getText().stripTrailing());
                if (line.getText().startsWith("12:00:00 ERROR")) {
                    logLine = line;
                }
            }
        } finally {
            buffer.unlock();
        }
        // The scrollback holds its setting's worth of lines (plus at most the trim slack), not 300,000.
        assertThat(widget.scrollbackLines()).isEqualTo(10_000);
        assertThat(historyLines).isBetween(10_000, 10_000 + widget.pipeline().trimmer().slack());

        // The last numbers, in order and none missing, then the log line, then the marker.
        int last = lines.indexOf("300000");
        assertThat(last).as("'300000' in the scrollback or on screen").isGreaterThan(9_000);
        for (int k = 1; k <= 9_000; k++) {
            assertThat(lines.get(last - k)).isEqualTo(Integer.toString(300_000 - k));
        }
        assertThat(lines.get(last + 1)).isEqualTo("12:00:00 ERROR [w-1] com.example.Pool - end");
        assertThat(lines.get(last + 2)).isEqualTo("end-42");

        // Colours of the log line as the person sees them.
        assertThat(logLine).as("the log line is on screen").isNotNull();
        String text = logLine.getText();
        assertThat(logLine.getStyleAt(0).hasOption(TextStyle.Option.DIM)).as("time stamp dim").isTrue();
        TextStyle level = logLine.getStyleAt(text.indexOf("ERROR"));
        assertThat(level.getForeground()).as("ERROR red").isEqualTo(TerminalColor.index(1));
        assertThat(level.hasOption(TextStyle.Option.BOLD)).as("ERROR bold").isTrue();
        assertThat(logLine.getStyleAt(text.indexOf("com.example")).getForeground()).as("class cyan").isEqualTo(TerminalColor.index(6));
        TextStyle rest = logLine.getStyleAt(text.indexOf("- end"));
        assertThat(rest.getForeground()).as("rest in the default colour").isNotIn(TerminalColor.index(6), TerminalColor.index(1));
        assertThat(rest.hasOption(TextStyle.Option.BOLD) || rest.hasOption(TextStyle.Option.DIM)).isFalse();
    }

    @Test
    void lessDrawsOnTheAlternateScreenAndQuittingRestoresTheShellScreen(FxRobot robot) throws Exception {
        Path file = dir.resolve("pages.txt");
        StringBuilder pages = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            pages.append(String.format("less-line-%03d%n", i));
        }
        Files.writeString(file, pages);
        openShell(robot);
        robot.write("clear; echo before-less; less " + file).type(KeyCode.ENTER);

        KeyportHarness.awaitLine(app.window(), "less-line-001", Duration.ofSeconds(20));
        assertThat(widget().getTerminalTextBuffer().isUsingAlternateBuffer()).as("less is on the alternate screen").isTrue();
        assertThat(KeyportHarness.screen(app.window())).doesNotContain("before-less");

        robot.type(KeyCode.SPACE); // next page: the first line is gone, the line after the first page shows
        int rows = widget().getTerminalTextBuffer().getHeight();
        KeyportHarness.awaitLine(app.window(), String.format("less-line-%03d", rows), Duration.ofSeconds(20));
        assertThat(KeyportHarness.screen(app.window())).doesNotContain("less-line-001");

        robot.type(KeyCode.Q);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !widget().getTerminalTextBuffer().isUsingAlternateBuffer());
        KeyportHarness.awaitLine(app.window(), "before-less", Duration.ofSeconds(20));
        assertThat(KeyportHarness.screen(app.window())).doesNotContain("less-line-");
        assertThat(historyText()).as("less's pages never went into the scrollback").doesNotContain("less-line-");

        robot.write("echo after-$((6*7))").type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window(), "after-42", Duration.ofSeconds(20));
    }

    @Test
    void ctrlCDuringALargeCatStopsItOnTheServer(FxRobot robot) throws Exception {
        Path file = dir.resolve("flood.txt");
        FloodWorkload.write(file, FloodWorkload.FULL_COUNT); // 54.9 MB; cat four times: far longer than the test waits
        openShell(robot);
        robot.write("cat " + file + " " + file + " " + file + " " + file).type(KeyCode.ENTER);

        // The flood is pouring in: the scrollback has filled.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> widget().getTerminalTextBuffer().getHistoryLinesCount() >= 10_000);

        pressCtrlC();
        robot.write("echo cat-exit=$?").type(KeyCode.ENTER); // read by bash once cat is gone

        // 130 = cat ended by SIGINT: the ^C went through the PTY on the server, before cat was done.
        KeyportHarness.awaitLine(app.window(), "cat-exit=130", Duration.ofSeconds(120));
        robot.write("echo alive-$((6*7))").type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window(), "alive-42", Duration.ofSeconds(20));
    }

    @Test
    void anotherTabKeepsWorkingWhileOneIsFlooded(FxRobot robot) throws Exception {
        Path file = dir.resolve("flood.txt");
        FloodWorkload.write(file, FloodWorkload.FULL_COUNT);
        openShell(robot);
        robot.write("cat " + file + " " + file + " " + file + " " + file).type(KeyCode.ENTER);
        KeyportTerminalWidget flooded = widget();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> flooded.getTerminalTextBuffer().getHistoryLinesCount() >= 10_000);

        openShell(robot); // a second tab on the same server, while the first one is still pouring
        assertThat(app.window().terminals()).hasSize(2);
        robot.write("echo other-$((6*7))").type(KeyCode.ENTER);
        KeyportHarness.awaitLine(app.window(), "other-42", Duration.ofSeconds(60));
        assertThat(flooded.getTtyConnector().isConnected()).as("the flooded tab's session is still open").isTrue();

        // What keeps the window ahead of the flood: the threads carrying it run below the screen's priority.
        if (JvmThreads.available()) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> JvmThreads.nices("TerminalEmulato").equals(Set.of(BackgroundPriority.NICE)));
            assertThat(JvmThreads.nices("TerminalEmulato")).as("emulator threads").containsExactly(BackgroundPriority.NICE);
            assertThat(JvmThreads.nices("keyport-ssh-io-")).as("SSH I/O threads").containsExactly(BackgroundPriority.NICE);
            assertThat(JvmThreads.nices("C2 CompilerThre")).as("the JIT compiler").containsExactly(BackgroundPriority.NICE);
            assertThat(JvmThreads.nices("JavaFX Applicat")).as("the JavaFX thread").isNotEmpty().allMatch(n -> n < BackgroundPriority.NICE);
            assertThat(JvmThreads.nices("QuantumRenderer")).as("the JavaFX renderer").isNotEmpty().allMatch(n -> n < BackgroundPriority.NICE);
        }
    }

    private void openShell(FxRobot robot) throws Exception {
        KeyportHarness.fx(() -> app.window().open(app.host())); // as a double-click does (TerminalTabTest covers the click)
        KeyportHarness.awaitPrompt(robot, app.window());
        focusedCanvas();
    }

    /**
     * Ctrl+C as a key event on the terminal canvas, carrying the control character as its text (the
     * form JediTermFX's key handler turns into the ^C byte). Monocle's robot cannot do this: it types
     * a plain 'c' for Ctrl+C.
     */
    private void pressCtrlC() throws Exception {
        KeyportHarness.fx(() -> {
            var canvas = widget().getTerminalPanel().getCanvas();
            canvas.requestFocus();
            canvas.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "\u0003", "\u0003", KeyCode.C, false, true, false, false));
            canvas.fireEvent(new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.C, false, true, false, false));
        });
    }

    private void focusedCanvas() throws Exception {
        KeyportHarness.fx(() -> widget().getTerminalPanel().getCanvas().requestFocus());
    }

    private KeyportTerminalWidget widget() {
        return (KeyportTerminalWidget) KeyportHarness.newestTab(app.window()).widget();
    }

    private String historyText() {
        TerminalTextBuffer buffer = widget().getTerminalTextBuffer();
        buffer.lock();
        try {
            return buffer.getHistoryBuffer().getLines();
        } finally {
            buffer.unlock();
        }
    }
}
