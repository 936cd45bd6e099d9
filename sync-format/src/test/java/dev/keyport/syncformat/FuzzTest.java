package dev.keyport.syncformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Mutated and truncated golden files: every outcome is a read document or a {@link TeamFileException}
 * with a message, never another exception and never the reader's "unexpected" safety net. A document
 * that reads also writes, and reads back the same.
 */
class FuzzTest {

    private static final long SEED = 20_261_201L;
    private static final byte[] JSON_BYTES = "{}[]\":,0123456789-.eEtrufalsn \\\n\t/ÿ".getBytes(StandardCharsets.UTF_8);
    private static final String[] NUMBERS = {"-1", "0", "65536", "2147483648", "99999999999999999999999", "1e3", "22.0", "-0"};
    private static final String[] STRINGS = {"", " ", "\\u0000", "-x", "\\ud800", "a,b", "ü", "../../etc/passwd",
        "00000000-0000-0000-0000-000000000000", "ssh-ed25519 AAAA"};

    @Test
    void mutatedPlainFilesReadOrFailWithAMessage() {
        fuzz(GoldenDocuments.golden(GoldenDocuments.PLAIN), Optional.empty(), 3000, new Random(SEED));
    }

    @Test
    void mutatedNewerMinorFilesReadOrFailWithAMessage() {
        fuzz(GoldenDocuments.golden(GoldenDocuments.NEWER_MINOR), Optional.empty(), 1000, new Random(SEED + 1));
    }

    @Test
    void mutatedProtectedFilesReadOrFailWithAMessageAndNeverShowASecret() {
        // each mutation that survives parsing costs an Argon2id run: fewer of them
        fuzz(GoldenDocuments.golden(GoldenDocuments.WITH_SECRETS), Optional.of(GoldenDocuments.PASSPHRASE), 80,
                new Random(SEED + 2));
    }

    @Test
    void everyTruncationOfThePlainFileFailsWithALocation() {
        byte[] golden = GoldenDocuments.golden(GoldenDocuments.PLAIN);
        for (int length = 0; length < golden.length - 2; length += 7) {
            byte[] cut = Arrays.copyOf(golden, length);
            try {
                TeamFiles.read(cut, Optional.empty()).close();
                fail("a file cut at %d bytes was read", length);
            } catch (TeamFileException e) {
                assertThat(e.getMessage()).isNotBlank();
                if (length > 0) {
                    assertThat(e.location()).as("cut at %d: %s", length, e.getMessage()).isPresent();
                }
            }
        }
    }

    private static void fuzz(byte[] golden, Optional<String> passphrase, int rounds, Random random) {
        int read = 0;
        for (int round = 0; round < rounds; round++) {
            byte[] mutated = golden;
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                mutated = mutate(mutated, random);
            }
            if (outcome(mutated, passphrase, round)) {
                read++;
            }
        }
        assertThat(read).as("some mutations still read (whitespace, names)").isPositive();
    }

    /** True when the bytes read as a document; fails the test on anything but a TeamFileException. */
    private static boolean outcome(byte[] bytes, Optional<String> passphrase, int round) {
        try (ReadResult result = TeamFiles.read(bytes, passphrase.map(String::toCharArray))) {
            SecretsPolicy policy = passphrase.isPresent() && !result.document().secrets().isEmpty()
                    ? SecretsPolicy.include(passphrase.get().toCharArray(), KdfParameters.FLOOR) : SecretsPolicy.omit();
            byte[] written = TeamFileWriter.write(result.document(), policy, Optional.of(bytes));
            try (ReadResult again = TeamFiles.read(written, passphrase.map(String::toCharArray))) {
                assertThat(again.document()).as("round %d reads back the same", round).isEqualTo(result.document().canonical());
            }
            return true;
        } catch (TeamFileException e) {
            assertThat(e.getMessage()).as("round %d", round).isNotBlank();
            assertThat(e.getCause() instanceof RuntimeException).as("round %d: unexpected %s", round, e.getCause()).isFalse();
            assertThat(e.getMessage()).doesNotContain("replica-pw", "deploy-password", "key-pass", GoldenDocuments.PASSPHRASE);
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("round " + round + " escaped with " + e, e);
        }
    }

    private static byte[] mutate(byte[] in, Random random) {
        if (in.length == 0) {
            return new byte[] {JSON_BYTES[random.nextInt(JSON_BYTES.length)]};
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(8)) {
            case 0 -> {
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                return out;
            }
            case 1 -> {
                int length = Math.min(in.length - at, 1 + random.nextInt(20));
                byte[] out = new byte[in.length - length];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + length, out, at, in.length - at - length);
                return out;
            }
            case 2 -> {
                byte[] insert = new byte[1 + random.nextInt(4)];
                for (int i = 0; i < insert.length; i++) {
                    insert[i] = JSON_BYTES[random.nextInt(JSON_BYTES.length)];
                }
                return splice(in, at, 0, insert);
            }
            case 3 -> {
                return Arrays.copyOf(in, at);
            }
            case 4 -> {
                return replaceToken(in, random, "(?<=: )-?[0-9]+", NUMBERS);
            }
            case 5 -> {
                return replaceToken(in, random, "(?<=: \")[^\"]*(?=\")", STRINGS);
            }
            case 6 -> {
                String text = new String(in, StandardCharsets.ISO_8859_1);
                int start = text.lastIndexOf('\n', at) + 1;
                int end = text.indexOf('\n', at);
                String line = text.substring(start, end < 0 ? text.length() : end + 1);
                return splice(in, start, 0, line.getBytes(StandardCharsets.ISO_8859_1));
            }
            default -> {
                byte[] out = in.clone();
                out[at] = JSON_BYTES[random.nextInt(JSON_BYTES.length)];
                return out;
            }
        }
    }

    private static byte[] replaceToken(byte[] in, Random random, String regex, String[] values) {
        String text = new String(in, StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        java.util.List<int[]> spans = new java.util.ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return in;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = values[random.nextInt(values.length)];
        return (text.substring(0, span[0]) + value + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }
}
