package dev.keyport.app.teamfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.keyport.syncformat.ReadResult;

/**
 * The preview of an import: what each entity of the file would do to the vault. Made by
 * {@link TeamFileService#plan}, carried out by {@link TeamFileService#apply}; nothing changes until then.
 * It holds the file's secrets (when it was read with its passphrase): {@link #close()} wipes them, and
 * {@link TeamFileService#apply} does once it has imported them.
 *
 * @param file         the team file
 * @param changes      every entity of the file, by kind and name
 * @param newlyTrusted the server keys that become trusted ({@code "db.internal:22 ssh-ed25519 SHA256:…"})
 * @param warnings     what was ignored in the file (with its place: JSON path, line, column) and what will
 *                     not work at once (keys without a private half, passwords to be asked)
 * @param contents     what the import needs (the file's document, the comparison); opaque
 */
public record ImportPlan(Path file, List<PlannedChange> changes, List<String> newlyTrusted, List<String> warnings, Contents contents)
        implements AutoCloseable {

    public ImportPlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contents, "contents");
        changes = List.copyOf(changes);
        newlyTrusted = List.copyOf(newlyTrusted);
        warnings = List.copyOf(warnings);
    }

    /** How many entities of this kind the import would treat this way. */
    public long count(EntityKind entity, ChangeKind change) {
        return changes.stream().filter(c -> c.entity() == entity && c.change() == change).count();
    }

    /** How many entities of any kind the import would treat this way. */
    public long count(ChangeKind change) {
        return changes.stream().filter(c -> c.change() == change).count();
    }

    public boolean hasConflicts() {
        return changes.stream().anyMatch(c -> c.change() == ChangeKind.CONFLICT);
    }

    /** Whether importing changes anything at all (something added, changed, or a conflict to decide). */
    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.change() != ChangeKind.UNCHANGED);
    }

    /** Whether the file carried secrets (it was read with its passphrase). */
    public boolean secretsIncluded() {
        return contents.secretsIncluded;
    }

    /** The team file's own id (the same across its exports). */
    public UUID fileId() {
        return contents.read.document().id();
    }

    /** Wipes the file's secrets held by this preview. Idempotent. */
    @Override
    public void close() {
        contents.close();
    }

    /** What {@link TeamFileService#apply} needs; nothing to look at. */
    public static final class Contents {
        final ReadResult read;
        final boolean secretsIncluded;
        final List<String> signature;
        private boolean closed;

        Contents(ReadResult read, boolean secretsIncluded, List<String> signature) {
            this.read = read;
            this.secretsIncluded = secretsIncluded;
            this.signature = List.copyOf(signature);
        }

        synchronized boolean closed() {
            return closed;
        }

        synchronized void close() {
            if (!closed) {
                closed = true;
                read.close();
            }
        }

        @Override
        public String toString() {
            return "Contents[" + signature.size() + " entities" + (secretsIncluded ? ", with secrets" : "") + "]";
        }
    }
}
