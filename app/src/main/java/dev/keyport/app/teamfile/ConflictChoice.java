package dev.keyport.app.teamfile;

/** What an import does with each conflict (see "Importing" in docs/team-file.md). */
public enum ConflictChoice {
    /** Keep the vault's version; the file's is not imported (references in the file point to yours). */
    MINE,
    /** Overwrite the vault's version with the file's, keeping the vault's id. */
    THEIRS,
    /** Keep yours and add the file's beside it, named with " (team)". A server key cannot be kept both ways: yours stays. */
    BOTH
}
