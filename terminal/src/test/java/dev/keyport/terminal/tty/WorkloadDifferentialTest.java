package dev.keyport.terminal.tty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.keyport.terminal.testing.HeadlessTerminal;
import dev.keyport.terminal.testing.Workload;

/**
 * Differential test on the benchmark's workloads (issue 13): each one, scaled down, is parsed by stock
 * JediTermFX and by Keyport's pipeline (fast emulator and terminal, with and without the line
 * skipper), the bytes cut into random pieces as the network delivers them. Kept history and screen
 * (text, colours, attributes, wrap flags), cursor, current style and alternate screen must be
 * identical.
 *
 * <p>Both engines see the same read boundaries (a piece is at most 1,024 bytes, stock's read size,
 * and the connector is not ready past a piece), and pieces end only before an ASCII byte: stock
 * JediTermFX itself renders a base letter and its combining mark differently when a read separates
 * them, so such a cut would test stock against itself. Larger pieces are used where the workload has
 * no combining marks, so that escape sequences split across reads and the skipper's big reads are
 * covered too.
 */
class WorkloadDifferentialTest {

    private static final int COLUMNS = 80;
    private static final int ROWS = 24;
    private static final int KEEP = 300;
    private static final int BYTES = 150_000;
    private static final int SPLITS = 3;

    @ParameterizedTest
    @EnumSource(Workload.class)
    void keyportMatchesStockJediTermCellForCellWithRandomPieces(Workload workload) {
        byte[] data = workload.generate(BYTES, COLUMNS, ROWS, 7);
        boolean combining = workload == Workload.WIDE_UNICODE;
        for (int split = 1; split <= SPLITS; split++) {
            int maxPiece = combining || split == 1 ? 1024 : 70_000;
            int[] cuts = cuts(data, new Random(split * 31L + workload.ordinal()), maxPiece);
            HeadlessTerminal stock = HeadlessTerminal.stock(COLUMNS, ROWS, KEEP, HeadlessTerminal.connector(pieces(data, cuts))).run();
            String expected = BufferSnapshot.of(stock.terminal(), stock.buffer());
            for (boolean skip : new boolean[] {false, true}) {
                FloodTuning tuning = new FloodTuning(KEEP, 40, 64 * 1024, 256 * 1024, skip);
                HeadlessTerminal fast = HeadlessTerminal.keyport(COLUMNS, ROWS, tuning, HeadlessTerminal.connector(pieces(data, cuts)), 5)
                        .run();
                assertThat(BufferSnapshot.of(fast.terminal(), fast.buffer()))
                        .as("%s, split %d (pieces up to %d bytes), skipper %s", workload.id(), split, maxPiece, skip)
                        .isEqualTo(expected);
            }
        }
    }

    /** Random cut positions, each before an ASCII byte, pieces of 1 to {@code maxPiece} bytes. */
    static int[] cuts(byte[] data, Random r, int maxPiece) {
        int[] cuts = new int[data.length + 1];
        int n = 0;
        int at = 0;
        while (at < data.length) {
            int next = Math.min(data.length, at + 1 + r.nextInt(r.nextInt(4) == 0 ? maxPiece : Math.min(maxPiece, 64)));
            while (next < data.length && next > at + 1 && data[next] < 0) {
                next--; // not inside a UTF-8 sequence, nor between a letter and its combining mark
            }
            while (next < data.length && data[next] < 0) {
                next++;
            }
            cuts[n++] = next;
            at = next;
        }
        return Arrays.copyOf(cuts, n);
    }

    /** The data, delivered piece by piece: a read never crosses a cut, and the stream is not ready at one. */
    static InputStream pieces(byte[] data, int[] cuts) {
        return new ByteArrayInputStream(data) {
            private int piece;

            private int limit() {
                while (piece < cuts.length - 1 && cuts[piece] <= pos) {
                    piece++;
                }
                return cuts[piece];
            }

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int limit = limit();
                return super.read(b, off, Math.max(1, Math.min(len, limit - pos)));
            }

            @Override
            public synchronized int available() {
                return 0; // never ready: the next piece has not arrived yet (a reader takes a piece in one read)
            }
        };
    }
}
