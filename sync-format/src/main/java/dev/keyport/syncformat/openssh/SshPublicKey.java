package dev.keyport.syncformat.openssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An SSH public key as OpenSSH writes it ({@code authorized_keys}, {@code known_hosts},
 * {@code .pub}): a key type, the base64 of the key blob, and an optional comment. Parsing checks that
 * the base64 decodes and that the blob names the same key type; it does not check the key's
 * mathematics (that is the SSH library's job).
 *
 * @param type    e.g. {@code ssh-ed25519}
 * @param base64  the key blob, base64 with padding
 * @param comment free text, "" for none
 */
public record SshPublicKey(String type, String base64, String comment) {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9@._+-]{1,64}");
    private static final Pattern WHITESPACE = Pattern.compile("[ \t]+");

    public SshPublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(base64, "base64");
        comment = comment == null ? "" : comment;
    }

    /**
     * Reads {@code type base64 [comment]}.
     *
     * @throws IllegalArgumentException with a reason when the line is not such a key
     */
    public static SshPublicKey parse(String line) {
        String trimmed = line.strip();
        String[] parts = WHITESPACE.split(trimmed, 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("a public key line is \"type base64 [comment]\"");
        }
        SshPublicKey key = of(parts[0], parts[1]);
        return new SshPublicKey(key.type, key.base64, parts.length == 3 ? parts[2] : "");
    }

    /**
     * A key from its type and base64 blob.
     *
     * @throws IllegalArgumentException when the type is not a key type name, the base64 does not
     *                                  decode, or the blob names another type
     */
    public static SshPublicKey of(String type, String base64) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("'" + printable(type) + "' is not an SSH key type");
        }
        byte[] blob = decode(base64);
        String inner = blobType(blob);
        if (!inner.equals(type)) {
            throw new IllegalArgumentException("the key data is a " + printable(inner) + " key, not " + type);
        }
        return new SshPublicKey(type, base64, "");
    }

    /** The key blob. */
    public byte[] blob() {
        return decode(base64);
    }

    /** {@code SHA256:} and the unpadded base64 of the blob's SHA-256, as {@code ssh-keygen -l} shows. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code type base64 [comment]}. */
    public String line() {
        return comment.isEmpty() ? type + " " + base64 : type + " " + base64 + " " + comment;
    }

    private static byte[] decode(String base64) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key data is not base64");
        }
        if (blob.length < 8) {
            throw new IllegalArgumentException("the key data is too short to be a key");
        }
        return blob;
    }

    private static String blobType(byte[] blob) {
        long length = ((blob[0] & 0xffL) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        if (length < 1 || length > 64 || length > blob.length - 4) {
            throw new IllegalArgumentException("the key data does not start with a key type");
        }
        return new String(blob, 4, (int) length, StandardCharsets.ISO_8859_1);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c > 0x7e ? '?' : c);
        }
        return out.toString();
    }
}
