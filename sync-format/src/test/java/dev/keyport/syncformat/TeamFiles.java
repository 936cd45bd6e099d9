package dev.keyport.syncformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Small helpers for tests that read golden files and variations of them. */
final class TeamFiles {

    private TeamFiles() {
    }

    static String text(String golden) {
        return new String(GoldenDocuments.golden(golden), StandardCharsets.UTF_8);
    }

    static ReadResult read(String text) throws TeamFileException {
        return read(text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    static ReadResult read(byte[] bytes, Optional<char[]> passphrase) throws TeamFileException {
        return TeamFileReader.read(new ByteArrayInputStream(bytes), passphrase);
    }

    static ReadResult readWithPassphrase(String text) throws TeamFileException {
        return read(text.getBytes(StandardCharsets.UTF_8), Optional.of(GoldenDocuments.passphrase()));
    }

    /** The exception reading this text throws (failing the test when it reads fine). */
    static TeamFileException failure(String text, boolean withPassphrase) {
        TeamFileException e = catchThrowableOfType(TeamFileException.class, () -> {
            if (withPassphrase) {
                readWithPassphrase(text);
            } else {
                read(text);
            }
        });
        assertThat(e).as("reading should fail").isNotNull();
        return e;
    }

    /** The text with its only occurrence of {@code from} replaced. */
    static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("'%s' in the golden file", from).isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(from, at + 1)).as("'%s' only once in the golden file", from).isEqualTo(-1);
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    /** The 1-based line on which {@code needle} first stands. */
    static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        assertThat(at).isGreaterThanOrEqualTo(0);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
