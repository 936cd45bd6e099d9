package dev.keyport.vault;

import java.util.Objects;

import java.util.UUID;

/** How a host authenticates. Secrets are never held here; they live encrypted in their own fields. */
public sealed interface HostAuth permits HostAuth.Password, HostAuth.SavedPassword, HostAuth.KeyFile, HostAuth.VaultKey,
        HostAuth.Managed, HostAuth.Agent {

    /** Stable name stored in the database. */
    String kind();

    /** Password authentication; the password is asked for when connecting. */
    record Password() implements HostAuth {
        @Override
        public String kind() {
            return "password";
        }
    }

    /**
     * A password saved in the vault (encrypted per field); read it with
     * {@link HostRepository#password(UUID)} when connecting.
     */
    record SavedPassword() implements HostAuth {
        @Override
        public String kind() {
            return "saved-password";
        }
    }

    /** A private key kept in the vault, by id ({@link KeyRepository}). */
    record VaultKey(UUID keyId) implements HostAuth {
        public VaultKey {
            Objects.requireNonNull(keyId, "keyId");
        }

        @Override
        public String kind() {
            return "vault-key";
        }
    }

    /** A private key file on this machine, read when connecting. */
    record KeyFile(String path) implements HostAuth {
        public KeyFile {
            Objects.requireNonNull(path, "path");
            if (path.isBlank()) {
                throw new IllegalArgumentException("Key file must not be empty");
            }
        }

        @Override
        public String kind() {
            return "key-file";
        }
    }

    /** Only the keys of the ssh-agent ({@code SSH_AUTH_SOCK}): no password is asked, no other key tried. */
    record Agent() implements HostAuth {
        @Override
        public String kind() {
            return "agent";
        }
    }

    /** A credential the application provides itself (the demo's generated key), by reference. */
    record Managed(String reference) implements HostAuth {
        @Override
        public String kind() {
            return "managed";
        }
    }
}
