package dev.keyport.app.services;

import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where the command line gets master passwords from, never from an argument: the file named by
 * {@code KEYPORT_MASTER_PASSWORD_FILE} (first line), else the terminal (hidden typing), else one
 * line of standard input per password. For a new password, {@code KEYPORT_NEW_MASTER_PASSWORD_FILE}
 * works the same way.
 */
public final class MasterPasswordInput {

    public static final String FILE_ENV = "KEYPORT_MASTER_PASSWORD_FILE";
    public static final String NEW_FILE_ENV = "KEYPORT_NEW_MASTER_PASSWORD_FILE";

    private final Map<String, String> env;
    private final Console console;
    private final Reader stdin;

    public MasterPasswordInput(Map<String, String> env, Console console, InputStream stdin) {
        this.env = env;
        this.console = console;
        this.stdin = new InputStreamReader(stdin, StandardCharsets.UTF_8);
    }

    public static MasterPasswordInput fromProcess() {
        return new MasterPasswordInput(System.getenv(), System.console(), System.in);
    }

    /** The current master password. */
    public char[] current(String prompt) throws IOException {
        return read(FILE_ENV, prompt, false);
    }

    /** A new master password; typed twice when asked on a terminal. */
    public char[] newPassword(String prompt, boolean fromCurrentFileVariable) throws IOException {
        return read(fromCurrentFileVariable ? FILE_ENV : NEW_FILE_ENV, prompt, true);
    }

    /** Another secret (a key passphrase): the file named by {@code variable}, else the terminal, else the next stdin line. */
    public char[] secret(String variable, String prompt, boolean confirm) throws IOException {
        return read(variable, prompt, confirm);
    }

    /**
     * A secret from {@code file} when one is given (its first line; {@code --passphrase-file}), else as
     * {@link #secret(String, String, boolean)}.
     */
    public char[] secret(Path file, String variable, String prompt, boolean confirm) throws IOException {
        if (file == null) {
            return read(variable, prompt, confirm);
        }
        char[] fromFile;
        try {
            fromFile = SecretFile.read(file);
        } catch (NoSuchFileException e) {
            throw new IOException("There is no file " + file + ".", e);
        }
        if (fromFile.length == 0) {
            throw new IOException("The file " + file + " is empty.");
        }
        return fromFile;
    }

    private char[] read(String variable, String prompt, boolean confirm) throws IOException {
        char[] fromFile = SecretFile.read(env, variable);
        if (fromFile != null) {
            if (fromFile.length == 0) {
                throw new IOException("The password file " + variable + " (" + env.get(variable) + ") is empty.");
            }
            return fromFile;
        }
        if (console != null) {
            char[] first = console.readPassword("%s: ", prompt);
            if (first == null) {
                throw new IOException("No password was typed.");
            }
            if (confirm) {
                char[] again = console.readPassword("Repeat it: ");
                boolean same = again != null && Arrays.equals(first, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    Arrays.fill(first, '\0');
                    throw new IOException("The two passwords are not the same.");
                }
            }
            return first;
        }
        char[] line = readLine();
        if (line.length == 0) {
            throw new IOException("Nothing to read for \"" + prompt + "\": set " + variable
                    + " to a file holding it, or pipe it on standard input.");
        }
        return line;
    }

    private char[] readLine() throws IOException {
        char[] buffer = new char[256];
        int length = 0;
        int c;
        while ((c = stdin.read()) >= 0 && c != '\n') {
            if (length == buffer.length) {
                char[] bigger = Arrays.copyOf(buffer, buffer.length * 2);
                Arrays.fill(buffer, '\0');
                buffer = bigger;
            }
            buffer[length++] = (char) c;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return line;
    }
}
