package dev.keyport.vault;

import java.util.Objects;

/** How a host authenticates. Secrets are never held here; they live in their own vault records. */
public sealed interface HostAuth permits HostAuth.Password, HostAuth.KeyFile, HostAuth.Managed {

    /** Stable name stored in the database. */
    String kind();

    /** Password authentication; the password is asked for when connecting. */
    record Password() implements HostAuth {
        @Override
        public String kind() {
            return "password";
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

    /** A credential the application provides itself (the demo's generated key), by reference. */
    record Managed(String reference) implements HostAuth {
        @Override
        public String kind() {
            return "managed";
        }
    }
}
