package dev.keyport.terminal.keys;

/**
 * What Keyport shows about a key.
 *
 * @param type          SSH key type, e.g. {@code ssh-ed25519}
 * @param bits          key size
 * @param fingerprint   {@code SHA256:...}
 * @param authorizedKey the public key as an {@code authorized_keys} line (with the comment, if any)
 * @param comment       the comment
 */
public record KeyInfo(String type, int bits, String fingerprint, String authorizedKey, String comment) {
}
