package dev.keyport.vault.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over one whole database record: its table's name and every column (name and value,
 * sorted by column name), under an HKDF subkey of the data key. H2's {@code CIPHER=AES} (XTS) does not
 * notice a changed byte; this does. A record copied to another table, or one column's value moved to
 * another, no longer matches either.
 */
public final class RecordMac {

    /** Length of a MAC in bytes. */
    public static final int LENGTH = 32;
    private static final byte[] DOMAIN = "keyport-record-v1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;
    private volatile boolean wiped;

    RecordMac(byte[] key) {
        this.key = key;
    }

    /**
     * The MAC of a record.
     *
     * @param table   the table's name (any case)
     * @param columns column name to value, as JDBC's {@code getObject} returns it; the MAC column itself is left out
     */
    public byte[] compute(String table, Map<String, Object> columns) {
        if (wiped) {
            throw new IllegalStateException("The vault is locked.");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(DOMAIN);
            field(mac, table.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> sorted = new TreeMap<>();
            columns.forEach((name, value) -> sorted.put(name.toLowerCase(Locale.ROOT), value));
            for (Map.Entry<String, Object> column : sorted.entrySet()) {
                field(mac, column.getKey().getBytes(StandardCharsets.UTF_8));
                value(mac, column.getValue());
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code stored} is the MAC of this record (constant time). */
    public boolean matches(String table, Map<String, Object> columns, byte[] stored) {
        return stored != null && stored.length == LENGTH && MessageDigest.isEqual(compute(table, columns), stored);
    }

    private static void value(Mac mac, Object value) {
        if (value == null) {
            mac.update((byte) 0);
            return;
        }
        if (value instanceof byte[] bytes) {
            mac.update((byte) 1);
            field(mac, bytes);
            return;
        }
        // Strings, numbers, booleans, UUIDs and times: their text, tagged with their kind so "1" and 1 differ.
        String kind = value instanceof String ? "s" : value.getClass().getSimpleName();
        mac.update((byte) 2);
        field(mac, kind.getBytes(StandardCharsets.UTF_8));
        field(mac, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void field(Mac mac, byte[] bytes) {
        int n = bytes.length;
        mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        mac.update(bytes);
    }

    void wipe() {
        wiped = true;
        Arrays.fill(key, (byte) 0);
    }

    /** A copy of this MAC's key for another holder (the database triggers' registry); wiped with {@link #wipe()} there. */
    public RecordMac copy() {
        return new RecordMac(key.clone());
    }

    /** Wipes this copy's key. */
    public void destroy() {
        wipe();
    }

    @Override
    public String toString() {
        return "RecordMac[" + (wiped ? "wiped" : "ready") + "]";
    }
}
