package dev.keyport.vault;

/**
 * A record of the vault whose MAC does not match what is stored: the file was changed outside
 * Keyport (or damaged). The message names the record (its table and key, never a secret) and says
 * what to do; nothing was written.
 */
public class TamperedRecordException extends VaultException {

    public TamperedRecordException(String message) {
        super(message);
    }
}
