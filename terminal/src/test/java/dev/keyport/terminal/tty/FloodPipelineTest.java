package dev.keyport.terminal.tty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

import dev.keyport.terminal.testing.FloodWorkload;
import dev.keyport.terminal.testing.HeadlessTerminal;

/**
 * The workload (seq with coloured log lines, CRLF), scaled down to 400,000 numbers (4.3 MB),
 * through Keyport's flood path as the widget wires it (200x50, 10,000 lines of scrollback, 2M
 * read-ahead, skipper on): the kept history and screen read exactly what was sent.
 */
class FloodPipelineTest {

    private static final int COLUMNS = 200;
    private static final int ROWS = 50;

    @Test
    void afterAFloodHistoryAndScreenHoldExactlyTheLastLinesSentWithTheirColours() {
        byte[] sent = FloodWorkload.generate(400_000);
        FloodTuning tuning = FloodTuning.forScrollback(10_000);
        HeadlessTerminal term = HeadlessTerminal.keyport(COLUMNS, ROWS, tuning, HeadlessTerminal.connector(new ByteArrayInputStream(sent))).run();
        TerminalTextBuffer buffer = term.buffer();

        assertThat(buffer.getHistoryLinesCount()).isEqualTo(10_000);
        assertThat(text(buffer)).isEqualTo(FloodWorkload.lastLines(sent, 10_000 + ROWS));
        assertThat(lineText(buffer.getLine(ROWS - 3))).isEqualTo("400000"); // then its log line, then the empty cursor line
        assertThat(term.pipeline().skipper().droppedLines()).as("the skipper took part").isGreaterThan(100_000);

        // Colours of the last log line on the screen: "hh:mm:ss.mmm LEVEL [worker-nn] class - req ..."
        int row = ROWS - 1;
        while (!buffer.getLine(row).getText().contains("[worker-")) {
            row--;
        }
        TerminalLine line = buffer.getLine(row);
        String s = line.getText();
        int levelAt = s.indexOf(' ') + 1;
        String level = s.substring(levelAt, levelAt + 5).trim();
        int classAt = s.indexOf("] ") + 2;
        int restAt = s.indexOf(" - req") + 1;
        assertThat(line.getStyleAt(0).hasOption(TextStyle.Option.DIM)).as("time stamp dim").isTrue();
        int levelColour = switch (level) {
            case "INFO" -> 2;
            case "DEBUG" -> 4;
            case "WARN" -> 3;
            default -> 1;
        };
        assertThat(line.getStyleAt(levelAt).getForeground()).as(level + " colour").isEqualTo(TerminalColor.index(levelColour));
        assertThat(line.getStyleAt(levelAt).hasOption(TextStyle.Option.BOLD)).isEqualTo(level.equals("WARN") || level.equals("ERROR"));
        assertThat(line.getStyleAt(classAt).getForeground()).as("class name cyan").isEqualTo(TerminalColor.index(6));
        assertThat(line.getStyleAt(restAt).getForeground()).as("rest in the default colour").isIn(null, TerminalColor.BLACK);
    }

    @Test
    void historyNeverGrowsPastScrollbackPlusSlackEvenWithinOneRead() {
        // A flood the skipper cannot touch (a cursor-position report request between lines makes it non-plain),
        // read in one big piece: the trim on the scroll path still holds the history to its bound.
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            sb.append(i).append("\u001b[1C\r\n");
        }
        FloodTuning tuning = FloodTuning.forScrollback(1_000);
        int[] peak = {0};
        HeadlessTerminal term = HeadlessTerminal.keyport(80, 24, tuning,
                HeadlessTerminal.connector(new java.io.StringReader(sb.toString())));
        term.buffer().addModelListener(() -> peak[0] = Math.max(peak[0], term.buffer().getHistoryLinesCount()));
        term.run();
        assertThat(peak[0]).as("largest history seen during the flood").isGreaterThan(1_000).isLessThanOrEqualTo(1_000 + tuning.trimSlack());
        assertThat(lineText(term.buffer().getLine(22))).isEqualTo("59999");
    }

    private static List<String> text(TerminalTextBuffer buffer) {
        List<String> lines = new ArrayList<>();
        LinesBuffer history = buffer.getHistoryBuffer();
        for (int i = 0; i < history.getLineCount(); i++) {
            lines.add(lineText(history.getLine(i)));
        }
        for (int i = 0; i < buffer.getHeight(); i++) {
            lines.add(lineText(buffer.getLine(i)));
        }
        return lines;
    }

    private static String lineText(TerminalLine line) {
        String s = line.getText();
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end);
    }

    @Test
    void aRepaintDuringAFloodNeverSeesTheCursorBelowTheScreen() throws Exception {
        // The painter reads the cursor's line under the buffer lock; stock JediTermFX moves the cursor
        // past the bottom before it locks to scroll, and the painter then asked for a line that is not there.
        byte[] sent = FloodWorkload.generate(150_000);
        HeadlessTerminal term = HeadlessTerminal.keyport(80, 24, FloodTuning.forScrollback(1_000).withSkipInvisibleLines(false),
                HeadlessTerminal.connector(new ByteArrayInputStream(sent)));
        java.util.concurrent.atomic.AtomicBoolean flooding = new java.util.concurrent.atomic.AtomicBoolean(true);
        int[] seen = {0, 0}; // the lowest cursor row the painter saw, and how many times it looked
        Thread painter = new Thread(() -> {
            while (flooding.get()) {
                term.buffer().lock();
                try {
                    seen[0] = Math.max(seen[0], term.terminal().getCursorY());
                    seen[1]++;
                } finally {
                    term.buffer().unlock();
                }
            }
        });
        painter.start();
        try {
            term.run();
        } finally {
            flooding.set(false);
            painter.join();
        }
        assertThat(seen[1]).as("looks the painter had").isGreaterThan(1_000);
        assertThat(seen[0]).as("lowest cursor row a repaint saw").isEqualTo(24);
    }
}
