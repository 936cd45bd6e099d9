package dev.keyport.app.teamfile;

/** What an import did, entity by entity (trusted host keys included). */
public record ImportReport(int added, int changed, int unchanged, int conflictsKeptMine, int conflictsTakenTheirs,
                           int conflictsKeptBoth) {

    /** How many conflicts there were. */
    public int conflicts() {
        return conflictsKeptMine + conflictsTakenTheirs + conflictsKeptBoth;
    }
}
