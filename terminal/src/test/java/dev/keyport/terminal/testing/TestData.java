package dev.keyport.terminal.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * Deterministic bulk data for tunnel tests: 64 KiB random blocks, each stamped with its number, so a lost,
 * repeated or reordered block changes the SHA-256 as surely as a flipped bit.
 */
public final class TestData {

    public static final int BLOCK = 64 * 1024;
    private static final byte[] PATTERN = new byte[BLOCK];

    static {
        new SplittableRandom(20261201).nextBytes(PATTERN);
    }

    private TestData() {
    }

    /** Block {@code index} of the stream. */
    public static byte[] block(long index) {
        byte[] block = PATTERN.clone();
        ByteBuffer.wrap(block).putLong(index);
        return block;
    }

    /** Writes the first {@code length} bytes of the stream. */
    public static void write(OutputStream out, long length) throws IOException {
        byte[] block = PATTERN.clone();
        ByteBuffer stamp = ByteBuffer.wrap(block);
        for (long index = 0, left = length; left > 0; index++) {
            stamp.putLong(0, index);
            int n = (int) Math.min(left, BLOCK);
            out.write(block, 0, n);
            left -= n;
        }
        out.flush();
    }

    /** The SHA-256 of the first {@code length} bytes of the stream. */
    public static byte[] sha256(long length) {
        MessageDigest sha = LoopbackServer.sha256();
        try {
            write(new OutputStream() {
                @Override
                public void write(int b) {
                    sha.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    sha.update(b, off, len);
                }
            }, length);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sha.digest();
    }

    /** Reads {@code in} to its end; returns the SHA-256 (32 bytes) followed by the count (8 bytes). */
    public static byte[] digestToEnd(InputStream in) throws IOException {
        MessageDigest sha = LoopbackServer.sha256();
        byte[] buffer = new byte[256 * 1024];
        long count = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha.update(buffer, 0, n);
            count += n;
        }
        return ByteBuffer.allocate(40).put(sha.digest()).putLong(count).array();
    }

    /** What {@link #digestToEnd} returns for the first {@code length} bytes of the stream. */
    public static byte[] expectedDigest(long length) {
        return ByteBuffer.allocate(40).put(sha256(length)).putLong(length).array();
    }
}
