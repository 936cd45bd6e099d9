package dev.keyport.app.services;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A secret kept in a file named by an environment variable ({@code KEYPORT_MASTER_PASSWORD_FILE},
 * {@code KEYPORT_PASSWORD_FILE}, ...): the file's first line, as UTF-8, without its line break.
 */
public final class SecretFile {

    private SecretFile() {
    }

    /**
     * The secret in the file named by {@code variable}, or {@code null} when the variable is unset or
     * blank. It may be empty (an empty file). The bytes read and the decoded text are wiped; the
     * caller wipes what it gets.
     */
    public static char[] read(Map<String, String> env, String variable) throws IOException {
        String file = env.get(variable);
        if (file == null || file.isBlank()) {
            return null;
        }
        return firstLine(BoundedFile.read(Path.of(file), BoundedFile.SECRET));
    }

    /** The secret in {@code file} (its first line); the caller wipes it. */
    public static char[] read(Path file) throws IOException {
        return firstLine(BoundedFile.read(file, BoundedFile.SECRET));
    }

    /** The first line of {@code bytes} (UTF-8) up to its CR or LF; wipes {@code bytes}. */
    static char[] firstLine(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            char[] line = new char[end];
            chars.get(line, 0, end);
            if (chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
            return line;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
