package dev.keyport.terminal;

import java.util.Arrays;

/** A way to prove who we are to a server. Secrets are kept as arrays so they can be wiped. */
public sealed interface Credential permits Credential.Password, Credential.PrivateKey, Credential.Agent {

    /** Wipes any secret held in memory. */
    void wipe();

    /**
     * Password authentication.
     *
     * @param password the stored password, or {@code null} to ask the person when the server wants it
     */
    record Password(char[] password) implements Credential {
        public static Password askWhenNeeded() {
            return new Password(null);
        }

        @Override
        public void wipe() {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }

        @Override
        public String toString() {
            return "Password[" + (password == null ? "ask" : "stored") + "]";
        }
    }

    /**
     * Public-key authentication with private key material held in memory (file content, any
     * format Keyport reads: OpenSSH incl. bcrypt-encrypted, PEM PKCS#1, PKCS#8 incl. encrypted, PuTTY PPK v2/v3).
     *
     * @param label    how the person knows this key ("id_ed25519", "work laptop"); shown in messages
     * @param material the private key file's bytes
     */
    record PrivateKey(String label, byte[] material) implements Credential {
        @Override
        public void wipe() {
            Arrays.fill(material, (byte) 0);
        }

        @Override
        public String toString() {
            return "PrivateKey[" + label + "]";
        }
    }

    /**
     * Only the keys of the ssh-agent at {@code SSH_AUTH_SOCK}: no password, no other key. Connecting
     * fails before anything is sent when no agent runs or it holds no key, saying which.
     */
    record Agent() implements Credential {
        @Override
        public void wipe() {
            // nothing secret is held: the agent keeps its keys
        }

        @Override
        public String toString() {
            return "Agent";
        }
    }
}
