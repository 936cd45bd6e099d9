package dev.keyport.syncformat;

/**
 * Something in a team file that was read but ignored, e.g. a field written by a newer Keyport.
 *
 * @param message  a sentence for a person
 * @param location where it is
 */
public record TeamFileWarning(String message, TeamFileLocation location) {

    @Override
    public String toString() {
        return message + " (at " + location.describe() + ")";
    }
}
