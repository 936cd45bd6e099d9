package dev.keyport.terminal.ssh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.UserPrompter;

/**
 * The password for one login attempt: the stored one, or asked once and reused for both the
 * keyboard-interactive "Password:" prompt and the password method. Wiped when the login ends.
 */
final class PasswordSource {

    private final ConnectionSpec spec;
    private final UserPrompter prompter;
    private final List<Credential.Password> passwords = new ArrayList<>();
    private char[] asked;
    private boolean cancelled;

    PasswordSource(ConnectionSpec spec, UserPrompter prompter) {
        this.spec = spec;
        this.prompter = prompter;
    }

    void add(Credential.Password password) {
        passwords.add(password);
    }

    boolean hasAny() {
        return !passwords.isEmpty();
    }

    /** The password as the library needs it (a String, unavoidably), or empty when none or cancelled. */
    synchronized Optional<String> get() {
        for (Credential.Password password : passwords) {
            if (password.password() != null) {
                return Optional.of(new String(password.password()));
            }
        }
        if (passwords.isEmpty() || cancelled) {
            return Optional.empty();
        }
        if (asked == null) {
            Optional<char[]> answer = prompter.askSecret("Password for " + spec.displayName(), "Password for " + spec.target() + ":");
            if (answer.isEmpty()) {
                cancelled = true;
                return Optional.empty();
            }
            asked = answer.get();
        }
        return Optional.of(new String(asked));
    }

    /** The stored password, if one was given; never asks. */
    synchronized Optional<String> stored() {
        for (Credential.Password password : passwords) {
            if (password.password() != null) {
                return Optional.of(new String(password.password()));
            }
        }
        return Optional.empty();
    }

    /** The person was asked for the password and cancelled. */
    synchronized boolean cancelled() {
        return cancelled;
    }

    synchronized void wipe() {
        if (asked != null) {
            Arrays.fill(asked, '\0');
            asked = null;
        }
    }
}
