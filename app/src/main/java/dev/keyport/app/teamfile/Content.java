package dev.keyport.app.teamfile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an entity says, field by field, in a form both sides of an import share: the file's entity
 * (its references already turned into vault ids) and the vault's copy. Two contents are the same when
 * their fields and the secrets the file carries are the same.
 *
 * <p>{@link #parts()} is what the vault remembers of an import ({@code ImportedEntity.fingerprint}):
 * a SHA-256 of the fields and one of each secret the file carried (kept inside the encrypted vault,
 * next to the encrypted secrets themselves). Secrets never appear in {@link #fields()} or in a detail.
 */
final class Content {

    /** A secret the vault has no value for. */
    static final String NONE = "none";
    private static final String FIELDS = "fields";

    /**
     * One field.
     *
     * @param label what people call it ("address")
     * @param value what is compared (ids for references)
     * @param shown what people see (names for references)
     */
    record Field(String label, String value, String shown) {
        Field {
            Objects.requireNonNull(label, "label");
            value = value == null ? "" : value;
            shown = shown == null ? value : shown;
        }

        static Field of(String label, Object value) {
            String text = value == null ? "" : value.toString();
            return new Field(label, text, text);
        }
    }

    private final List<Field> fields;
    private final Map<String, String> secrets;

    /** @param secrets the digest of each secret, by its field name ({@link #secretDigest}) or {@link #NONE} */
    Content(List<Field> fields, Map<String, String> secrets) {
        this.fields = List.copyOf(fields);
        this.secrets = new TreeMap<>(secrets);
    }

    List<Field> fields() {
        return fields;
    }

    /** The same fields with another name (a copy's name in the vault stands for the file's name). */
    Content withName(String name) {
        List<Field> renamed = new ArrayList<>();
        for (Field f : fields) {
            renamed.add(f.label().equals("name") ? Field.of("name", name) : f);
        }
        return new Content(renamed, secrets);
    }

    /** The digest of the fields and of each secret: what an import of it is remembered by. */
    Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put(FIELDS, fieldsDigest());
        parts.putAll(secrets);
        return parts;
    }

    /** The secrets' names this content speaks about. */
    java.util.Set<String> secretNames() {
        return secrets.keySet();
    }

    private String fieldsDigest() {
        MessageDigest sha = sha256();
        for (Field f : fields) {
            update(sha, f.label());
            update(sha, f.value());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** What differs, this content first: {@code "address db1 → db2, port 22 → 2222"}; secrets by name only. */
    String differences(Content other) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < fields.size() && i < other.fields.size(); i++) {
            Field mine = fields.get(i);
            Field theirs = other.fields.get(i);
            if (!mine.value().equals(theirs.value())) {
                out.add(mine.label().equals("notes") ? "notes changed" : mine.label() + " " + shown(mine) + " → " + shown(theirs));
            }
        }
        for (Map.Entry<String, String> secret : other.secrets.entrySet()) {
            String ours = secrets.getOrDefault(secret.getKey(), NONE);
            if (!ours.equals(secret.getValue())) {
                out.add(ours.equals(NONE) ? secret.getKey() + " added" : secret.getKey() + " changed");
            }
        }
        return String.join(", ", out);
    }

    private static String shown(Field f) {
        String text = f.shown().isEmpty() ? "(none)" : f.shown();
        return text.length() > 60 ? text.substring(0, 57) + "…" : text;
    }

    /** A secret's digest for its field; {@code value} is not kept. */
    static String secretDigest(String field, byte[] value) {
        MessageDigest sha = sha256();
        update(sha, "keyport-team-import-secret|" + field);
        sha.update(value);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** {@link #parts()} as stored: {@code fields=…;password=…}. */
    static String format(Map<String, String> parts) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parts).forEach((k, v) -> text.append(text.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return text.toString();
    }

    static Map<String, String> parse(String stored) {
        Map<String, String> parts = new TreeMap<>();
        for (String part : stored.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return parts;
    }

    /**
     * Whether {@code parts} agree with a remembered import on everything {@code file} speaks about (its
     * fields and the secrets it carries); a secret the import did not carry counts as none.
     */
    static boolean agree(Map<String, String> parts, Map<String, String> remembered, Content file) {
        if (!Objects.equals(parts.get(FIELDS), remembered.get(FIELDS))) {
            return false;
        }
        for (String secret : file.secretNames()) {
            if (!parts.getOrDefault(secret, NONE).equals(remembered.getOrDefault(secret, NONE))) {
                return false;
            }
        }
        return true;
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (bytes.length >>> 24));
        sha.update((byte) (bytes.length >>> 16));
        sha.update((byte) (bytes.length >>> 8));
        sha.update((byte) bytes.length);
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Content" + fields;
    }
}
