package dev.keyport.terminal.keys;

/** A key could not be read or written; the message says which and why, never the key or passphrase. */
public final class KeyCodecException extends Exception {

    public enum Reason { WRONG_PASSPHRASE, PASSPHRASE_NEEDED, UNREADABLE, UNSUPPORTED }

    private final Reason reason;

    public KeyCodecException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
