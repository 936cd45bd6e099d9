package dev.keyport.vault;

/** The master password did not open the vault. Nothing was changed. */
public final class WrongMasterPasswordException extends VaultException {

    public WrongMasterPasswordException() {
        super("Wrong master password");
    }
}
