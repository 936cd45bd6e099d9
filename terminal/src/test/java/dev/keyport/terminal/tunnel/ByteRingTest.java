package dev.keyport.terminal.tunnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The ring between an SSH channel and its socket: order, growth, wrap-around, and the ways it ends. */
class ByteRingTest {

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /**
     * Takes as the writer thread would, {@code limit} bytes per view at most, {@code views} views at most,
     * never waiting for more than {@code available} bytes (it would wait for ever).
     */
    private static byte[] take(ByteRing ring, int limit, int views, long available) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < views && out.size() < available; i++) {
            ByteBuffer view = ring.awaitNext();
            if (view == null) {
                break;
            }
            int n = Math.min(limit, view.remaining());
            byte[] chunk = new byte[n];
            view.get(chunk);
            out.write(chunk, 0, n);
            ring.taken(n);
        }
        return out.toByteArray();
    }

    @Test
    void bytesComeOutInOrderAcrossWrapAroundAndGrowth() throws Exception {
        ByteRing ring = new ByteRing(1024 * 1024);
        SplittableRandom random = new SplittableRandom(1);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        int held = 0;
        for (int round = 0; round < 2000; round++) {
            int n = 1 + random.nextInt(Math.min(40_000, 1024 * 1024 - held));
            byte[] data = bytes(n, round);
            ring.put(data, 0, n);
            sent.write(data, 0, n);
            held += n;
            byte[] taken = take(ring, 1 + random.nextInt(50_000), 1 + random.nextInt(3), held);
            received.write(taken, 0, taken.length);
            held -= taken.length;
        }
        ring.eof();
        byte[] rest = take(ring, Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
        received.write(rest, 0, rest.length);
        assertThat(received.toByteArray()).isEqualTo(sent.toByteArray());
        assertThat(ring.awaitNext()).isNull();
        assertThat(ring.endedByEof()).isTrue();
        assertThat(ring.broken()).isFalse();
    }

    @Test
    void aViewTakenBeforeTheRingGrowsStaysValid() throws Exception {
        ByteRing ring = new ByteRing(1024 * 1024);
        byte[] first = bytes(ByteRing.INITIAL - 100, 1);
        ring.put(first, 0, first.length);
        ByteBuffer view = ring.awaitNext();
        byte[] second = bytes(5 * ByteRing.INITIAL, 2); // forces growth while the view is out
        ring.put(second, 0, second.length);
        byte[] fromView = new byte[view.remaining()];
        view.get(fromView);
        ring.taken(fromView.length);
        assertThat(fromView).isEqualTo(first);
        ring.eof();
        assertThat(take(ring, Integer.MAX_VALUE, 10, Long.MAX_VALUE)).isEqualTo(second);
    }

    @Test
    void morePeerDataThanTheWindowBreaksOnlyTheRing() throws Exception {
        ByteRing ring = new ByteRing(64 * 1024);
        ring.put(new byte[60 * 1024], 0, 60 * 1024);
        ring.put(new byte[8 * 1024], 0, 8 * 1024); // past the window: a peer breaking the rules
        assertThat(ring.awaitNext()).isNull();
        assertThat(ring.broken()).isTrue();
        assertThat(ring.endedByEof()).isFalse();
    }

    @Test
    void dataAfterEofBreaksTheRingInsteadOfThrowingAtTheSshThread() throws Exception {
        ByteRing ring = new ByteRing(64 * 1024);
        ring.eof();
        ring.put(new byte[10], 0, 10);
        assertThat(ring.broken()).isTrue();
        assertThat(ring.awaitNext()).isNull();
    }

    @Test
    void closeLetsTheTakerFinishWhileDiscardEndsItAtOnce() throws Exception {
        ByteRing closed = new ByteRing(64 * 1024);
        closed.put(new byte[100], 0, 100);
        closed.close();
        closed.put(new byte[50], 0, 50); // dropped: the channel is gone
        assertThat(take(closed, Integer.MAX_VALUE, 10, Long.MAX_VALUE)).hasSize(100);
        assertThat(closed.endedByEof()).isFalse();

        ByteRing discarded = new ByteRing(64 * 1024);
        discarded.put(new byte[100], 0, 100);
        discarded.discard();
        assertThat(discarded.awaitNext()).isNull();
    }

    @Test
    void aWaitingTakerWakesWhenDataArrives() throws Exception {
        ByteRing ring = new ByteRing(64 * 1024);
        byte[][] got = new byte[1][];
        Thread taker = new Thread(() -> {
            try {
                got[0] = take(ring, Integer.MAX_VALUE, 1, Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        taker.start();
        ring.put(new byte[] {1, 2, 3}, 0, 3);
        taker.join(10_000);
        assertThat(got[0]).containsExactly(1, 2, 3);
    }
}
