package dev.keyport.terminal;

/**
 * A server key as a person should see it before trusting it.
 *
 * @param host        host as typed by the person
 * @param port        port
 * @param keyType     SSH key type, e.g. {@code ssh-ed25519}
 * @param fingerprint OpenSSH-style fingerprint, e.g. {@code SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s}
 * @param otherTypesKnown true when keys of a different type are already trusted for this host
 */
public record HostKeyInfo(String host, int port, String keyType, String fingerprint, boolean otherTypesKnown) {
}
