package dev.keyport.syncformat;

import java.util.List;
import java.util.Objects;

/**
 * A team file that was read: its document and what was ignored in it. Closing it wipes the
 * document's secrets.
 */
public record ReadResult(TeamDocument document, List<TeamFileWarning> warnings) implements AutoCloseable {

    public ReadResult {
        Objects.requireNonNull(document, "document");
        warnings = List.copyOf(warnings);
    }

    @Override
    public void close() {
        document.wipeSecrets();
    }
}
