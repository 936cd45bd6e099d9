package dev.keyport.terminal;

/**
 * A server key seen for the first time, as a person should see it before trusting it. (A key for a
 * host that already has any trusted key is never asked about: it is a {@link HostKeyChange}.)
 *
 * @param host        host as typed by the person
 * @param port        port
 * @param keyType     SSH key type, e.g. {@code ssh-ed25519}
 * @param fingerprint OpenSSH-style fingerprint, e.g. {@code SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s}
 */
public record HostKeyInfo(String host, int port, String keyType, String fingerprint) {
}
