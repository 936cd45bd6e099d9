package dev.keyport.syncformat;

import java.util.Objects;
import java.util.Optional;

/**
 * A team file that cannot be read or written, with a message for a person and, where it applies,
 * the place in the file. Nothing from a file that fails is imported. Messages never contain a
 * secret or the passphrase.
 */
public final class TeamFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (ask the passphrase again, offer an update). */
    public enum Kind {
        /** The file breaks a rule of the format (or is not JSON, or is not a team file). */
        INVALID,
        /** A major version this Keyport does not read. */
        UNSUPPORTED_VERSION,
        /** Larger than {@link TeamFile#MAX_FILE_BYTES}. */
        TOO_LARGE,
        /** The file carries secrets and no passphrase was given. */
        PASSPHRASE_REQUIRED,
        /** The passphrase does not open the file. */
        WRONG_PASSPHRASE,
        /** The integrity code does not match: the file was changed after it was exported. */
        TAMPERED,
        /** The file could not be read or written at all. */
        IO
    }

    private final Kind kind;
    private final String reason;
    private final transient TeamFileLocation location;

    TeamFileException(Kind kind, String reason, TeamFileLocation location, Throwable cause) {
        super(location == null || location.describe().isEmpty() ? reason : reason + " (at " + location.describe() + ")",
                cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = reason;
        this.location = location;
    }

    TeamFileException(Kind kind, String reason) {
        this(kind, reason, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The message without the location. */
    public String reason() {
        return reason;
    }

    /** Where in the file, when the problem has a place. */
    public Optional<TeamFileLocation> location() {
        return Optional.ofNullable(location);
    }
}
