package dev.keyport.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Plain aligned columns for terminal output. */
final class Table {

    private Table() {
    }

    /** Prints aligned rows; every cell is shown with its control characters made visible ({@link Display#escape}). */
    static void print(PrintWriter out, List<String[]> raw) {
        List<String[]> rows = new ArrayList<>();
        for (String[] row : raw) {
            String[] escaped = new String[row.length];
            for (int i = 0; i < row.length; i++) {
                escaped[i] = Display.escape(row[i]);
            }
            rows.add(escaped);
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(row[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /** What a {@code list} command prints: {@code none} when there is nothing, else the header and a row per item. */
    static <T> void list(PrintWriter out, List<T> items, String none, String[] header, Function<T, String[]> row) {
        if (items.isEmpty()) {
            out.println(none);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        items.forEach(item -> rows.add(row.apply(item)));
        print(out, rows);
    }
}
