package dev.keyport.syncformat;

import java.util.regex.Pattern;

/**
 * A place in a JSON document, shown as a JSON path ({@code $.hosts[3].port}) and found again in the
 * bytes through its JSON Pointer ({@code /hosts/3/port}).
 */
final class JsonPath {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    JsonPath field(String fieldName) {
        return new JsonPath(this, fieldName, -1);
    }

    JsonPath index(int position) {
        return new JsonPath(this, null, position);
    }

    /** The JSON Pointer (RFC 6901) of this place, "" for the root. */
    String pointer() {
        if (parent == null) {
            return "";
        }
        String segment = name != null ? name.replace("~", "~0").replace("/", "~1") : Integer.toString(index);
        return parent.pointer() + "/" + segment;
    }

    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        if (name == null) {
            return parent + "[" + index + "]";
        }
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "['" + printable(name, 64).replace("'", "\\'") + "']";
    }

    /** The text with control characters escaped and at most {@code max} characters, for messages. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= max && text.length() > max) {
            out.setLength(max);
            out.append('…');
        }
        return out.toString();
    }
}
