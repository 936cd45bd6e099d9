package dev.keyport.terminal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;

import com.techsenger.jeditermfx.core.CursorShape;
import com.techsenger.jeditermfx.core.HyperlinkStyle;
import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TerminalDisplay;
import com.techsenger.jeditermfx.core.TerminalExecutorServiceManager;
import com.techsenger.jeditermfx.core.TerminalStarter;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.TtyBasedArrayDataStream;
import com.techsenger.jeditermfx.core.TtyConnector;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseFormat;
import com.techsenger.jeditermfx.core.emulator.mouse.MouseMode;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.StyleState;
import com.techsenger.jeditermfx.core.model.TerminalSelection;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;
import com.techsenger.jeditermfx.core.model.hyperlinks.TextProcessing;
import com.techsenger.jeditermfx.core.typeahead.TerminalTypeAheadManager;
import com.techsenger.jeditermfx.core.typeahead.TypeAheadTerminalModel;
import com.techsenger.jeditermfx.core.util.TermSize;

import dev.keyport.terminal.tty.FastJediTerminal;
import dev.keyport.terminal.tty.FloodPipeline;
import dev.keyport.terminal.tty.FloodTuning;

/**
 * JediTermFX's emulator and buffer without a screen, wired as the widget wires them: either stock
 * (its own history cap, 1,024-character reads) or with Keyport's flood path. {@link #run()} parses
 * the connector's output to its end on the calling thread.
 */
public final class HeadlessTerminal {

    private final TerminalTextBuffer buffer;
    private final JediTerminal terminal;
    private final TerminalStarter starter;
    private final FloodPipeline pipeline;
    private final int scrollback;
    private final NullExecutors executors = new NullExecutors();

    private HeadlessTerminal(int columns, int rows, int scrollback, TtyConnector tty, FloodTuning tuning, int minDrop) {
        this.scrollback = scrollback;
        StyleState styles = new StyleState();
        styles.setDefaultStyle(new TextStyle(TerminalColor.BLACK, TerminalColor.WHITE));
        TextProcessing textProcessing = new TextProcessing(new TextStyle(), HyperlinkStyle.HighlightMode.ALWAYS_WITH_ORIGINAL_COLOR);
        buffer = new TerminalTextBuffer(columns, rows, styles, tuning == null ? scrollback : -1, textProcessing);
        textProcessing.setTerminalTextBuffer(buffer);
        TerminalDisplay display = new NullDisplay();
        TerminalTypeAheadManager typeAhead = new TerminalTypeAheadManager(new NullTypeAheadModel(columns));
        if (tuning == null) {
            terminal = new JediTerminal(display, buffer, styles);
            pipeline = null;
            starter = new TerminalStarter(terminal, tty, new TtyBasedArrayDataStream(tty), typeAhead, executors);
        } else {
            FastJediTerminal fast = new FastJediTerminal(display, buffer, styles);
            terminal = fast;
            pipeline = FloodPipeline.wire(fast, tty, tuning, null, minDrop);
            starter = pipeline.starter(terminal, tty, typeAhead, executors);
        }
    }

    /** JediTermFX as it comes. */
    public static HeadlessTerminal stock(int columns, int rows, int scrollback, TtyConnector tty) {
        return new HeadlessTerminal(columns, rows, scrollback, tty, null, 0);
    }

    /** Keyport's flood path, as {@code KeyportTerminalWidget} wires it. */
    public static HeadlessTerminal keyport(int columns, int rows, FloodTuning tuning, TtyConnector tty) {
        return new HeadlessTerminal(columns, rows, tuning.scrollbackLines(), tty, tuning, 1000);
    }

    /** Keyport's flood path with the skipper's minimum drop lowered, so small test streams exercise it. */
    public static HeadlessTerminal keyport(int columns, int rows, FloodTuning tuning, TtyConnector tty, int minDrop) {
        return new HeadlessTerminal(columns, rows, tuning.scrollbackLines(), tty, tuning, minDrop);
    }

    /** Parses everything the connector gives, then trims the history to exactly the scrollback. */
    public HeadlessTerminal run() {
        try {
            starter.start();
        } finally {
            executors.shutdownWhenAllExecuted();
        }
        if (pipeline != null) {
            pipeline.trimmer().trimAbove(scrollback);
        }
        return this;
    }

    public TerminalTextBuffer buffer() {
        return buffer;
    }

    public JediTerminal terminal() {
        return terminal;
    }

    /** The flood pipeline, or null for the stock wiring. */
    public FloodPipeline pipeline() {
        return pipeline;
    }

    /** A connector over a byte stream, decoded as {@code SshTtyConnector} decodes the channel (UTF-8 reader). */
    public static TtyConnector connector(InputStream bytes) {
        return connector(new InputStreamReader(bytes, StandardCharsets.UTF_8));
    }

    public static TtyConnector connector(Reader reader) {
        return new TtyConnector() {
            @Override
            public int read(char[] buf, int offset, int length) throws IOException {
                return reader.read(buf, offset, length);
            }

            @Override
            public void write(byte[] bytes) {
            }

            @Override
            public void write(String string) {
            }

            @Override
            public boolean isConnected() {
                return true;
            }

            @Override
            public void resize(@NotNull TermSize termSize) {
            }

            @Override
            public int waitFor() {
                return 0;
            }

            @Override
            public boolean ready() throws IOException {
                return reader.ready();
            }

            @Override
            public String getName() {
                return "headless";
            }

            @Override
            public void close() {
            }
        };
    }

    private static final class NullDisplay implements TerminalDisplay {
        private String title = "";

        @Override
        public void setCursor(int x, int y) {
        }

        @Override
        public void setCursorShape(@Nullable CursorShape cursorShape) {
        }

        @Override
        public void beep() {
        }

        @Override
        public void scrollArea(int scrollRegionTop, int scrollRegionSize, int dy) {
        }

        @Override
        public void setCursorVisible(boolean visible) {
        }

        @Override
        public void useAlternateScreenBuffer(boolean use) {
        }

        @Override
        public String getWindowTitle() {
            return title;
        }

        @Override
        public void setWindowTitle(@NotNull String newTitle) {
            title = newTitle;
        }

        @Override
        public @Nullable TerminalSelection getSelection() {
            return null;
        }

        @Override
        public void terminalMouseModeSet(@NotNull MouseMode mouseMode) {
        }

        @Override
        public void setMouseFormat(@NotNull MouseFormat mouseFormat) {
        }

        @Override
        public boolean ambiguousCharsAreDoubleWidth() {
            return false;
        }
    }

    private static final class NullExecutors implements TerminalExecutorServiceManager {
        private final ScheduledExecutorService single = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "headless-tty-writer"));
        private final ExecutorService unbounded = Executors.newCachedThreadPool(r -> daemon(r, "headless-tty-pool"));

        private static Thread daemon(Runnable r, String name) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }

        @Override
        public @NotNull ScheduledExecutorService getSingleThreadScheduledExecutor() {
            return single;
        }

        @Override
        public @NotNull ExecutorService getUnboundedExecutorService() {
            return unbounded;
        }

        @Override
        public void shutdownWhenAllExecuted() {
            single.shutdown();
            unbounded.shutdown();
        }
    }

    private static final class NullTypeAheadModel implements TypeAheadTerminalModel {
        private final int columns;

        NullTypeAheadModel(int columns) {
            this.columns = columns;
        }

        @Override
        public void insertCharacter(char ch, int index) {
        }

        @Override
        public void removeCharacters(int from, int count) {
        }

        @Override
        public void moveCursor(int index) {
        }

        @Override
        public void forceRedraw() {
        }

        @Override
        public void clearPredictions() {
        }

        @Override
        public void lock() {
        }

        @Override
        public void unlock() {
        }

        @Override
        public boolean isUsingAlternateBuffer() {
            return false;
        }

        @Override
        public @NotNull LineWithCursorX getCurrentLineWithCursor() {
            return new LineWithCursorX(new StringBuffer(), 0);
        }

        @Override
        public int getTerminalWidth() {
            return columns;
        }

        @Override
        public boolean isTypeAheadEnabled() {
            return false;
        }

        @Override
        public long getLatencyThreshold() {
            return 0;
        }

        @Override
        public @NotNull ShellType getShellType() {
            return ShellType.Unknown;
        }
    }
}
