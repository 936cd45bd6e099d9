package dev.keyport.syncformat;

/**
 * Where in a team file something is.
 *
 * @param path   the JSON path, e.g. {@code $.hosts[3].port}; empty when the JSON itself is broken
 *               before any value could be named
 * @param line   1-based line, 0 when unknown
 * @param column 1-based column (characters), 0 when unknown
 */
public record TeamFileLocation(String path, int line, int column) {

    public TeamFileLocation {
        path = path == null ? "" : path;
    }

    /** E.g. {@code $.hosts[3].port, line 40, column 15}. */
    public String describe() {
        StringBuilder text = new StringBuilder(path);
        if (line > 0) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append("line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
