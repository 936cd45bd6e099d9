package dev.keyport.syncformat;

/**
 * The team file's fixed facts: its identifier, the version this Keyport writes and reads, its file
 * name extension and media type, and the limits a reader enforces. The format is specified in
 * {@code docs/team-file.md}; its JSON Schema ships in this jar as {@link #SCHEMA_RESOURCE}.
 */
public final class TeamFile {

    /** The value of the {@code "format"} field. */
    public static final String FORMAT = "keyport-team";

    /** The major version this Keyport reads (any minor) and writes. */
    public static final int MAJOR = 1;

    /** The minor version this Keyport writes; newer minors are read, their unknown fields reported. */
    public static final int MINOR = 0;

    /** The value of the {@code "version"} field that this Keyport writes. */
    public static final String VERSION = MAJOR + "." + MINOR;

    /** The file name extension, with its dot; installers register it. */
    public static final String EXTENSION = ".keyport";

    /** The media type installers and web servers use. */
    public static final String MEDIA_TYPE = "application/vnd.keyport.team+json";

    /** Files larger than this are refused before anything is read: 64 MiB. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    /** At most this many entries in each top-level list (hosts, groups, ...). */
    public static final int MAX_ENTITIES = 100_000;

    /** At most this many entries in a list inside an entity (tags, jump chain, forwards). */
    public static final int MAX_NESTED_ITEMS = 256;

    /** At most this deep (objects and arrays inside each other). */
    public static final int MAX_NESTING = 32;

    /** The JSON Schema of version 1.0, as a class-path resource. */
    public static final String SCHEMA_RESOURCE = "/dev/keyport/syncformat/team-file.schema.json";

    private TeamFile() {
    }
}
