package dev.keyport.terminal.tty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.keyport.terminal.testing.HeadlessTerminal;

/**
 * Differential test: random streams full of escapes (cursor moves, scroll regions, insert/delete
 * lines and characters, erase, alternate screen, origin mode, wrap off, wide characters, colours)
 * with plain floods between them, parsed by stock JediTermFX and by Keyport's flood path. What a
 * user can see afterwards (kept history and screen cell by cell, cursor, style, alternate screen)
 * must be identical. Fixed seeds, small terminal (30x10, 60 lines kept) so floods scroll a lot.
 */
class FastJediTerminalDifferentialTest {

    private static final int COLUMNS = 30;
    private static final int ROWS = 10;
    private static final int KEEP = 60;
    private static final int SEEDS = 40;
    private static final int CHARS = 30_000;
    private static final String ESC = "\u001b";

    @Test
    void fastScrollAndFillerAppendMatchStockJediTermCellForCell() {
        FloodTuning tuning = new FloodTuning(KEEP, 25, 1024, 0, false);
        for (int seed = 1; seed <= SEEDS; seed++) {
            for (String stream : cases(seed)) {
                assertSameAsStock(seed, stream, tuning);
            }
        }
    }

    @Test
    void skippingInvisibleLinesMatchesStockJediTermCellForCell() {
        FloodTuning tuning = new FloodTuning(KEEP, 25, 512, 8192, true);
        long dropped = 0;
        for (int seed = 1; seed <= SEEDS; seed++) {
            for (String stream : cases(seed)) {
                dropped += assertSameAsStock(seed, stream, tuning).pipeline().skipper().droppedLines();
            }
        }
        assertThat(dropped).as("lines the skipper dropped (else this test proves nothing about it)").isGreaterThan(10_000);
    }

    private static HeadlessTerminal assertSameAsStock(int seed, String stream, FloodTuning tuning) {
        HeadlessTerminal stock = HeadlessTerminal.stock(COLUMNS, ROWS, KEEP, HeadlessTerminal.connector(new StringReader(stream))).run();
        HeadlessTerminal fast = HeadlessTerminal.keyport(COLUMNS, ROWS, tuning, HeadlessTerminal.connector(new StringReader(stream)), 5).run();
        assertThat(BufferSnapshot.of(fast.terminal(), fast.buffer()))
                .as("seed %d, %d chars, %s", seed, stream.length(), tuning)
                .isEqualTo(BufferSnapshot.of(stock.terminal(), stock.buffer()));
        return fast;
    }

    /** The whole stream, plus two prefixes that end right after a plain flood (the skipper's worst case). */
    private static List<String> cases(int seed) {
        List<Integer> floodEnds = new ArrayList<>();
        String full = generate(new Random(seed), CHARS, floodEnds);
        List<String> cases = new ArrayList<>(List.of(full));
        Random pick = new Random(-seed);
        for (int k = 0; k < 2 && !floodEnds.isEmpty(); k++) {
            cases.add(full.substring(0, floodEnds.get(pick.nextInt(floodEnds.size()))));
        }
        return cases;
    }

    private static String generate(Random r, int length, List<Integer> floodEnds) {
        StringBuilder sb = new StringBuilder(length + 1000);
        while (sb.length() < length) {
            if (r.nextInt(12) == 0) { // a plain flood: text, colours, erase in line, CR LF
                int lines = 50 + r.nextInt(600);
                boolean background = r.nextInt(3) == 0;
                for (int i = 0; i < lines; i++) {
                    if (r.nextInt(4) == 0) {
                        sb.append(ESC).append('[').append(sgr(r, background)).append('m');
                    }
                    text(r, sb, r.nextInt(5) == 0 ? COLUMNS + r.nextInt(COLUMNS) : r.nextInt(COLUMNS));
                    if (r.nextInt(10) == 0) {
                        sb.append(ESC).append("[0m");
                    }
                    if (r.nextInt(20) == 0) {
                        sb.append(ESC).append("[K");
                    }
                    sb.append("\r\n");
                }
                floodEnds.add(sb.length());
                continue;
            }
            switch (r.nextInt(31)) {
                case 0, 1, 2, 3, 4 -> text(r, sb, 1 + r.nextInt(COLUMNS * 2));
                case 5, 6, 7, 8 -> sb.append("\r\n");
                case 9 -> sb.append('\n');
                case 10 -> sb.append('\r');
                case 11, 12 -> sb.append(ESC).append('[').append(sgr(r, true)).append('m');
                case 13 -> sb.append(ESC).append('[').append(pick(r, "", "1", "2")).append('K');
                case 14 -> sb.append(ESC).append('[').append(pick(r, "", "1", "2", "2", "3")).append('J');
                case 15 -> sb.append(ESC).append('[').append(1 + r.nextInt(ROWS + 2)).append(';').append(1 + r.nextInt(COLUMNS + 2)).append('H');
                case 16 -> sb.append(ESC).append('[').append(1 + r.nextInt(5)).append(pick(r, "A", "B", "C", "D"));
                case 17 -> {
                    if (r.nextBoolean()) {
                        sb.append(ESC).append("[r");
                    } else {
                        int top = 1 + r.nextInt(ROWS);
                        int bottom = top + r.nextInt(ROWS - top + 1);
                        sb.append(ESC).append('[').append(top).append(';').append(bottom).append('r');
                    }
                }
                case 18 -> sb.append(ESC).append(pick(r, "D", "E", "M"));
                case 19 -> sb.append(ESC).append('[').append(1 + r.nextInt(3)).append(pick(r, "L", "M", "S", "T"));
                case 20 -> sb.append(ESC).append('[').append(1 + r.nextInt(6)).append(pick(r, "@", "P", "X"));
                case 21 -> {
                    if (r.nextInt(4) == 0) {
                        sb.append(ESC).append(pick(r, "[?1049h", "[?1049l", "[?1049l"));
                    }
                }
                case 22 -> sb.append(pick(r, "\t", "\b", "\b\b"));
                case 23 -> sb.append(ESC).append(pick(r, "7", "8"));
                case 24 -> {
                    if (r.nextInt(5) == 0) {
                        sb.append(ESC).append(pick(r, "[?6h", "[?6l", "[?6l"));
                    }
                }
                case 25 -> {
                    if (r.nextInt(5) == 0) {
                        sb.append(ESC).append(pick(r, "[?7l", "[?7h", "[?7h"));
                    }
                }
                case 26 -> sb.append(pick(r, "\u4e2d\u6587", "\ud83d\ude00", "\u00e9t\u00e9", "x\u0301", "e\u0301", "\u2501\u2714"));
                case 27 -> sb.append(ESC).append(pick(r, "(0", "(B", "(B", ")0", ")B", "n", "o", "N", "O", "(A")); // character sets
                default -> text(r, sb, 1 + r.nextInt(10));
            }
        }
        return sb.toString();
    }

    private static String sgr(Random r, boolean background) {
        return switch (r.nextInt(background ? 10 : 7)) {
            case 0 -> "0";
            case 1 -> "";
            case 2 -> "1";
            case 3 -> "3" + r.nextInt(8);
            case 4 -> "1;3" + r.nextInt(8);
            case 5 -> "38;5;" + r.nextInt(256);
            case 6 -> "2";
            case 7 -> "4" + r.nextInt(8);
            case 8 -> "7";
            default -> "48;5;" + r.nextInt(256);
        };
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    private static void text(Random r, StringBuilder sb, int n) {
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x21 + r.nextInt(94)));
        }
    }
}
