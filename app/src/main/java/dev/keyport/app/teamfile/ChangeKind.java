package dev.keyport.app.teamfile;

/** What importing one entity of a team file does. */
public enum ChangeKind {
    /** Not in the vault yet: added. */
    ADDED,
    /** The team changed it and you did not (your copy is what the last import of this file brought): updated. */
    CHANGED,
    /** Nothing to do: the same, or changed only by you since the file last brought it. */
    UNCHANGED,
    /** Both sides differ, or a different entity has its name: decided by {@link ConflictChoice}. */
    CONFLICT
}
