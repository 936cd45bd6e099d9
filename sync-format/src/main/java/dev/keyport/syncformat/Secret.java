package dev.keyport.syncformat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret value from or for a team file: a password, a passphrase or a private key's bytes. It
 * holds its own copy, hands out copies (the caller wipes them), never shows itself in
 * {@link #toString()}, and is overwritten by {@link #wipe()}. Two secrets are equal when their bytes
 * are (compared in constant time).
 */
public final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** A secret holding a copy of these bytes; the caller may wipe its array afterwards. */
    public static Secret ofBytes(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** A secret holding the UTF-8 of these characters; the caller may wipe its array afterwards. */
    public static Secret ofChars(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        wipe(encoded);
        return new Secret(bytes);
    }

    /** A copy of the bytes; wipe it when done. */
    public byte[] bytes() {
        return value.clone();
    }

    /**
     * A copy of the value as characters (UTF-8); wipe it when done. Bytes that are not UTF-8 (a binary
     * secret) become U+FFFD.
     */
    public char[] chars() {
        CharBuffer decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("UTF-8 decoding with replacement cannot fail", e);
        }
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        return chars;
    }

    /** How many bytes the value has. */
    public int length() {
        return value.length;
    }

    /** Overwrites the value with zeros. */
    public void wipe() {
        Arrays.fill(value, (byte) 0);
    }

    /** Whether these bytes equal the value, in constant time. */
    boolean matches(byte[] other) {
        return MessageDigest.isEqual(value, other);
    }

    /** The value itself, for the cipher only (no copy). */
    byte[] view() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && MessageDigest.isEqual(value, secret.value);
    }

    @Override
    public int hashCode() {
        return Secret.class.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }

    private static void wipe(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }
}
