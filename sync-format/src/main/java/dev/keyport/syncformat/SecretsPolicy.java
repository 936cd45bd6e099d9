package dev.keyport.syncformat;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a written team file carries secrets (saved passwords, private keys, key passphrases).
 * By default it does not ({@link #omit()}). With {@link #include(char[])} every secret is encrypted
 * on its own under a key from the export passphrase, and the whole file gets an integrity code.
 *
 * <p>The policy keeps a reference to the caller's passphrase, not a copy: the caller wipes it after
 * the write. {@link #toString()} never shows it.
 */
public final class SecretsPolicy {

    private static final SecretsPolicy OMIT = new SecretsPolicy(null, null);

    private final char[] passphrase;
    private final KdfParameters kdf;

    private SecretsPolicy(char[] passphrase, KdfParameters kdf) {
        this.passphrase = passphrase;
        this.kdf = kdf;
    }

    /** No secrets, no passphrase, no integrity code: the file is plain JSON (the default). */
    public static SecretsPolicy omit() {
        return OMIT;
    }

    /** Secrets included, protected by this passphrase with {@link KdfParameters#DEFAULT}. */
    public static SecretsPolicy include(char[] passphrase) {
        return include(passphrase, KdfParameters.DEFAULT);
    }

    /**
     * Secrets included, protected by this passphrase with these Argon2id parameters.
     *
     * @throws IllegalArgumentException when the passphrase is empty or the parameters are outside the
     *                                  accepted range (a reader would refuse the file)
     */
    public static SecretsPolicy include(char[] passphrase, KdfParameters kdf) {
        Objects.requireNonNull(passphrase, "passphrase");
        Objects.requireNonNull(kdf, "kdf");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("An export passphrase must not be empty");
        }
        if (!kdf.acceptable()) {
            throw new IllegalArgumentException("Key-derivation settings " + kdf + " are outside the accepted range ("
                    + KdfParameters.FLOOR + " to " + KdfParameters.CEILING + ")");
        }
        return new SecretsPolicy(passphrase, kdf);
    }

    /** Whether secrets are written. */
    public boolean includesSecrets() {
        return passphrase != null;
    }

    Optional<char[]> passphrase() {
        return Optional.ofNullable(passphrase);
    }

    Optional<KdfParameters> kdf() {
        return Optional.ofNullable(kdf);
    }

    @Override
    public String toString() {
        return passphrase == null ? "SecretsPolicy[omit]" : "SecretsPolicy[include, " + kdf + "]";
    }
}
