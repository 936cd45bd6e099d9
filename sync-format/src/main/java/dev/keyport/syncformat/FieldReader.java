package dev.keyport.syncformat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.keyport.syncformat.TextRules.Rule;

/**
 * One JSON object of a team file being read: typed getters that say where a value breaks a rule,
 * and, when the object is done, which of its fields nobody asked for (unknown fields).
 */
final class FieldReader {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Where a reader reports to: errors, unknown fields and references. */
    interface Context {
        TeamFileException error(JsonPath path, String reason);

        void unknownField(JsonPath path, String name);

        void refer(JsonPath path, UUID target, References.Kind kind);
    }

    final JsonNode node;
    final JsonPath path;
    private final Context context;
    private final Set<String> read = new HashSet<>();

    FieldReader(JsonNode node, JsonPath path, String what, Context context) throws TeamFileException {
        if (node == null || !node.isObject()) {
            throw context.error(path, what + " must be a JSON object");
        }
        this.node = node;
        this.path = path;
        this.context = context;
    }

    /** A UUID at this place, or an error there. */
    static UUID uuid(JsonNode node, JsonPath path, Context context) throws TeamFileException {
        if (node == null || !node.isTextual() || !UUID_TEXT.matcher(node.textValue()).matches()) {
            throw context.error(path, "This must be an id (a UUID such as 0b6f3f1e-7f43-4c1b-9d55-5d2a8a0f8e11)");
        }
        return UUID.fromString(node.textValue());
    }

    /** The field's value; null when it is missing or JSON null (both mean absent). */
    JsonNode get(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(String name, String what) throws TeamFileException {
        JsonNode value = get(name);
        if (value == null) {
            throw context.error(path, "\"" + name + "\" is missing; " + what);
        }
        return value;
    }

    String text(String name, Rule rule) throws TeamFileException {
        return checkText(name, required(name, "it must be a string"), rule);
    }

    Optional<String> optionalText(String name, Rule rule) throws TeamFileException {
        JsonNode value = get(name);
        return value == null ? Optional.empty() : Optional.of(checkText(name, value, rule));
    }

    private String checkText(String name, JsonNode value, Rule rule) throws TeamFileException {
        if (!value.isTextual()) {
            throw context.error(path.field(name), "\"" + name + "\" must be a string");
        }
        String problem = rule.check(value.textValue());
        if (problem != null) {
            throw context.error(path.field(name), "\"" + name + "\" " + problem);
        }
        return value.textValue();
    }

    List<String> texts(String name, Rule rule) throws TeamFileException {
        List<JsonNode> items = array(name, TeamFile.MAX_NESTED_ITEMS);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonPath at = path.field(name).index(i);
            JsonNode item = items.get(i);
            if (!item.isTextual()) {
                throw context.error(at, "Each of \"" + name + "\" must be a string");
            }
            String problem = rule.check(item.textValue());
            if (problem != null) {
                throw context.error(at, "Each of \"" + name + "\" " + problem);
            }
            out.add(item.textValue());
        }
        return out;
    }

    int integer(String name, int min, int max) throws TeamFileException {
        return checkInteger(name, required(name, "it must be a whole number"), min, max);
    }

    int integer(String name, int min, int max, int absent) throws TeamFileException {
        JsonNode value = get(name);
        return value == null ? absent : checkInteger(name, value, min, max);
    }

    private int checkInteger(String name, JsonNode value, int min, int max) throws TeamFileException {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw context.error(path.field(name), "\"" + name + "\" must be a whole number from " + min + " to " + max
                    + (value.isValueNode() ? ", not " + JsonPath.printable(value.asText(), 40) : ""));
        }
        return value.intValue();
    }

    boolean bool(String name, boolean absent) throws TeamFileException {
        JsonNode value = get(name);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw context.error(path.field(name), "\"" + name + "\" must be true or false");
        }
        return value.booleanValue();
    }

    UUID id(String name) throws TeamFileException {
        return uuid(required(name, "it must be an id (a UUID)"), path.field(name), context);
    }

    UUID ref(String name, References.Kind kind) throws TeamFileException {
        UUID target = id(name);
        context.refer(path.field(name), target, kind);
        return target;
    }

    Optional<UUID> optionalRef(String name, References.Kind kind) throws TeamFileException {
        JsonNode value = get(name);
        if (value == null) {
            return Optional.empty();
        }
        UUID target = uuid(value, path.field(name), context);
        context.refer(path.field(name), target, kind);
        return Optional.of(target);
    }

    FieldReader object(String name) throws TeamFileException {
        return new FieldReader(required(name, "it must be an object"), path.field(name), "\"" + name + "\"", context);
    }

    Optional<FieldReader> optionalObject(String name) throws TeamFileException {
        JsonNode value = get(name);
        return value == null ? Optional.empty() : Optional.of(new FieldReader(value, path.field(name), "\"" + name + "\"", context));
    }

    List<JsonNode> array(String name, int max) throws TeamFileException {
        JsonNode value = get(name);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw context.error(path.field(name), "\"" + name + "\" must be a list");
        }
        if (value.size() > max) {
            throw context.error(path.field(name), "\"" + name + "\" has " + value.size() + " entries; at most " + max
                    + " are allowed");
        }
        List<JsonNode> out = new ArrayList<>(value.size());
        value.forEach(out::add);
        return out;
    }

    List<FieldReader> objects(String name, int max) throws TeamFileException {
        List<JsonNode> items = array(name, max);
        List<FieldReader> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new FieldReader(items.get(i), path.field(name).index(i), "Each of \"" + name + "\"", context));
        }
        return out;
    }

    byte[] bytes(String name, int minLength, int maxLength) throws TeamFileException {
        String text = text(name, TextRules.BASE64_RULE);
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length < minLength || bytes.length > maxLength) {
            throw context.error(path.field(name), "\"" + name + "\" must hold "
                    + (minLength == maxLength ? minLength : minLength + " to " + maxLength) + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    Sealed sealed(String name, int minLength, int maxLength) throws TeamFileException {
        FieldReader value = object(name);
        Sealed sealed = new Sealed(value.bytes("nonce", Sealed.NONCE_BYTES, Sealed.NONCE_BYTES),
                value.bytes("ciphertext", minLength, maxLength));
        value.finish();
        return sealed;
    }

    /** Reports the fields nobody asked for. */
    void finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                context.unknownField(path.field(name), name);
            }
        }
    }
}
