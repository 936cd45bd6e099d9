package dev.keyport.vault;

/** A vault problem with a message a person can act on; never contains a secret. */
public class VaultException extends Exception {

    public VaultException(String message) {
        super(message);
    }

    public VaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
