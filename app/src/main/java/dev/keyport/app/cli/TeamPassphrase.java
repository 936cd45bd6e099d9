package dev.keyport.app.cli;

import java.io.IOException;
import java.nio.file.Path;

/** The export passphrase of a team file: never an argument. */
final class TeamPassphrase {

    /** Another place for it, as for the master password. */
    static final String FILE_ENV = "KEYPORT_TEAM_PASSPHRASE_FILE";

    private TeamPassphrase() {
    }

    /** From {@code --passphrase-file}, else the file in {@link #FILE_ENV}, else the terminal (twice when {@code confirm}), else stdin. */
    static char[] read(CliEnvironment env, Path passphraseFile, String prompt, boolean confirm) throws IOException {
        return env.passwords().secret(passphraseFile, FILE_ENV, prompt, confirm);
    }
}
