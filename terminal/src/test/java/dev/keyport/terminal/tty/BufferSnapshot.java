package dev.keyport.terminal.tty;

import java.util.ArrayList;
import java.util.List;

import com.techsenger.jeditermfx.core.TerminalColor;
import com.techsenger.jeditermfx.core.TextStyle;
import com.techsenger.jeditermfx.core.model.JediTerminal;
import com.techsenger.jeditermfx.core.model.LinesBuffer;
import com.techsenger.jeditermfx.core.model.TerminalLine;
import com.techsenger.jeditermfx.core.model.TerminalTextBuffer;

/**
 * Everything a user can see of a terminal, as text: cursor, alternate-screen flag, current style, and
 * every kept history and screen cell with its colours, attributes and the line's wrapped flag.
 */
final class BufferSnapshot {

    private BufferSnapshot() {
    }

    static String of(JediTerminal terminal, TerminalTextBuffer buffer) {
        StringBuilder sb = new StringBuilder();
        sb.append("cursor=").append(terminal.getX()).append(',').append(terminal.getY())
                .append(" alt=").append(buffer.isUsingAlternateBuffer())
                .append(" style=").append(style(terminal.getStyleState().getCurrent(), false))
                .append(" history=").append(buffer.getHistoryLinesCount()).append('\n');
        LinesBuffer history = buffer.getHistoryBuffer();
        for (int i = 0; i < history.getLineCount(); i++) {
            sb.append("H ").append(line(history.getLine(i))).append('\n');
        }
        for (int i = 0; i < buffer.getHeight(); i++) {
            sb.append("S ").append(line(buffer.getLine(i))).append('\n');
        }
        return sb.toString();
    }

    /** Cells; NUL counts as blank, trailing blanks on the default background are dropped. */
    private static String line(TerminalLine line) {
        List<String> cells = new ArrayList<>();
        for (TerminalLine.TextEntry e : line.getEntries()) {
            for (int i = 0; i < e.getLength(); i++) {
                char c = e.isNul() ? ' ' : e.getText().charAt(i);
                if (c == 0) {
                    c = ' ';
                }
                cells.add(c == ' ' ? " " + style(e.getStyle(), true) : c + style(e.getStyle(), false));
            }
        }
        int n = cells.size();
        String blank = " " + style(TextStyle.EMPTY, true);
        while (n > 0 && cells.get(n - 1).equals(blank)) {
            n--;
        }
        return (line.isWrapped() ? "W|" : " |") + String.join("", cells.subList(0, n));
    }

    private static String style(TextStyle s, boolean blank) {
        if (s == null) {
            s = TextStyle.EMPTY;
        }
        TerminalColor fg = s.getForeground() == null ? TerminalColor.BLACK : s.getForeground();
        TerminalColor bg = s.getBackground() == null ? TerminalColor.WHITE : s.getBackground();
        StringBuilder options = new StringBuilder();
        for (TextStyle.Option option : TextStyle.Option.values()) {
            if (s.hasOption(option)) {
                options.append(option.name().charAt(0)).append(option.ordinal());
            }
        }
        if (blank) {
            boolean inverse = s.hasOption(TextStyle.Option.INVERSE);
            boolean underlined = s.hasOption(TextStyle.Option.UNDERLINED);
            if (bg.equals(TerminalColor.WHITE) && !inverse && !underlined) {
                return "";
            }
            return "{bg" + color(bg) + (inverse ? "fg" + color(fg) + "I" : "") + (underlined ? "U" : "") + "}";
        }
        if (fg.equals(TerminalColor.BLACK) && bg.equals(TerminalColor.WHITE) && options.length() == 0) {
            return "";
        }
        return "{" + color(fg) + "/" + color(bg) + options + "}";
    }

    private static String color(TerminalColor c) {
        return c.isIndexed() ? "i" + c.getColorIndex() : c.toString();
    }
}
