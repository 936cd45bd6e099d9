package dev.keyport.syncformat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON in and out for the team file: a bounded parser (Jackson), the canonical pretty form that
 * files are written in, the compact sorted form that the integrity code covers, and finding a
 * JSON path's line and column again in the bytes.
 */
final class Json {

    /** At most this many JSON tokens (about 100,000 hosts); the byte cap comes first. */
    static final long MAX_TOKENS = 6_000_000;
    /** At most this long for one string (a private key is a few KiB; notes are capped lower). */
    static final int MAX_STRING = 1024 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(TeamFile.MAX_NESTING)
                    .maxDocumentLength(TeamFile.MAX_FILE_BYTES)
                    .maxTokenCount(MAX_TOKENS)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(1024)
                    .maxNumberLength(32)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** The tree of these bytes, or where the JSON breaks (Jackson's line and column). */
    static JsonNode parse(byte[] bytes) throws TeamFileException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            TeamFileLocation location = at == null ? null : new TeamFileLocation("", at.getLineNr(), at.getColumnNr());
            throw new TeamFileException(TeamFileException.Kind.INVALID,
                    "The team file is not valid JSON: " + JsonPath.printable(firstLine(e.getOriginalMessage()), 300),
                    location, e);
        } catch (IOException e) {
            throw new TeamFileException(TeamFileException.Kind.IO, "The team file cannot be read: " + e.getMessage(), null, e);
        }
        if (root == null || root.isMissingNode()) {
            throw new TeamFileException(TeamFileException.Kind.INVALID, "The team file is empty.");
        }
        return root;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * The canonical file form: fields in the tree's order, two-space indent, {@code "name": value},
     * LF line ends, a final newline, UTF-8.
     */
    static byte[] pretty(JsonNode root) {
        StringBuilder out = new StringBuilder(1 << 16);
        pretty(root, 0, out);
        out.append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void pretty(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String separator = "\n";
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(separator);
                indent(depth + 1, out);
                string(field.getKey(), out);
                out.append(": ");
                pretty(field.getValue(), depth + 1, out);
                separator = ",\n";
            }
            out.append('\n');
            indent(depth, out);
            out.append('}');
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String separator = "\n";
            for (JsonNode element : node) {
                out.append(separator);
                indent(depth + 1, out);
                pretty(element, depth + 1, out);
                separator = ",\n";
            }
            out.append('\n');
            indent(depth, out);
            out.append(']');
        } else {
            scalar(node, out);
        }
    }

    private static void indent(int depth, StringBuilder out) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    /**
     * The bytes the integrity code covers: the whole tree except {@code /protection/mac}, without
     * whitespace, object fields sorted by name (UTF-16 code units, as RFC 8785), strings escaped as
     * in the file form, numbers as plain integers.
     *
     * @throws TeamFileException when a number is not an integer (team files hold none)
     */
    static byte[] canonical(JsonNode root) throws TeamFileException {
        StringBuilder out = new StringBuilder(1 << 16);
        canonical(root, JsonPath.ROOT, false, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void canonical(JsonNode node, JsonPath path, boolean macHolder, StringBuilder out)
            throws TeamFileException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            boolean first = true;
            for (String name : names) {
                if (macHolder && name.equals("mac")) {
                    continue;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(name, out);
                out.append(':');
                canonical(node.get(name), path.field(name), path == JsonPath.ROOT && name.equals("protection"), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                canonical(node.get(i), path.index(i), false, out);
            }
            out.append(']');
        } else if (node.isNumber() && !node.isIntegralNumber()) {
            throw new TeamFileException(TeamFileException.Kind.INVALID, "A number in a team file must be a whole number",
                    new TeamFileLocation(path.toString(), 0, 0), null);
        } else {
            scalar(node, out);
        }
    }

    private static void scalar(JsonNode node, StringBuilder out) {
        if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            out.append(node.asText());
        }
    }

    /** A JSON string: quote, backslash and control characters escaped; lone surrogates as \\u escapes. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        if (plain(text)) {
            out.append(text).append('"');
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (Character.isSurrogate(c) && !pairedSurrogate(text, i))) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Whether the text needs no escape at all (the common case). */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pairedSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /**
     * The line and column of each of these places, found by reading the bytes again (only done when
     * there is something to report). A place not found is left out.
     */
    static Map<String, TeamFileLocation> locate(byte[] bytes, Collection<JsonPath> places) {
        Map<String, JsonPath> wanted = new HashMap<>();
        for (JsonPath place : places) {
            wanted.put(place.pointer(), place);
        }
        Map<String, TeamFileLocation> found = new HashMap<>();
        Set<String> seen = new HashSet<>();
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null && found.size() < wanted.size()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    context = context.getParent();
                }
                String pointer = context.pathAsPointer().toString();
                JsonPath place = wanted.get(pointer);
                if (place != null && seen.add(pointer)) {
                    JsonLocation at = parser.currentTokenLocation();
                    found.put(place.toString(), new TeamFileLocation(place.toString(), at.getLineNr(), at.getColumnNr()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the places after a broken spot keep no line and column
        }
        return found;
    }
}
