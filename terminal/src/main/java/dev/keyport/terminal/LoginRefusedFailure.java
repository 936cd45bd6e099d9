package dev.keyport.terminal;

import java.util.List;

/**
 * Refused before anything was tried: the server takes only login methods Keyport had nothing for
 * (a server that accepts only public keys, and no key was set for the host). {@link #getMessage()}
 * tells the desktop app's person what to do; {@link #facts()} lets another front end (the command
 * line) give its own advice after the same facts.
 */
public final class LoginRefusedFailure extends SshFailure {

    /** What Keyport lacked for the methods the server accepts. */
    public enum Lacking {
        /** The server takes public keys only, and Keyport had no key. */
        KEY,
        /** The server takes passwords (or keyboard-interactive) only, and Keyport had no password. */
        PASSWORD,
        /** The server takes keys and passwords, and Keyport had neither. */
        KEY_OR_PASSWORD,
        /** The server takes none of the methods Keyport speaks (publickey, password, keyboard-interactive). */
        SUPPORTED_METHOD
    }

    private final List<String> serverMethods;
    private final Lacking lacking;
    private final String facts;

    public LoginRefusedFailure(String target, List<String> serverMethods, Lacking lacking) {
        this(target, serverMethods, lacking, facts(target, serverMethods, lacking));
    }

    private LoginRefusedFailure(String target, List<String> serverMethods, Lacking lacking, String facts) {
        super(Kind.AUTH_FAILED, facts + appAdvice(lacking));
        this.serverMethods = List.copyOf(serverMethods);
        this.lacking = lacking;
        this.facts = facts;
    }

    /** The methods the server said it accepts, as it named them ({@code publickey}, {@code password}, ...). */
    public List<String> serverMethods() {
        return serverMethods;
    }

    public Lacking lacking() {
        return lacking;
    }

    /**
     * "Permission denied for tester@db:22. The server accepts only: publickey. Keyport had no key to offer for
     * this host": the message without the advice, which follows after a colon.
     */
    public String facts() {
        return facts;
    }

    private static String facts(String target, List<String> serverMethods, Lacking lacking) {
        String had = switch (lacking) {
            case KEY -> "Keyport had no key to offer for this host";
            case PASSWORD -> "Keyport had no password to offer for this host";
            case KEY_OR_PASSWORD -> "Keyport had no key or password to offer for this host";
            case SUPPORTED_METHOD -> "Keyport logs in with publickey, password or keyboard-interactive only";
        };
        return "Permission denied for " + target + ". The server accepts only: " + String.join(", ", serverMethods) + ". " + had;
    }

    private static String appAdvice(Lacking lacking) {
        return switch (lacking) {
            case KEY -> ": choose a key or identity in the host's settings (or add your key to an SSH agent).";
            case PASSWORD -> ": set a password, or choose an identity that has one, in the host's settings.";
            case KEY_OR_PASSWORD -> ": choose a key, identity or password in the host's settings (or add your key to an SSH agent).";
            case SUPPORTED_METHOD -> ": ask the server's administrator to allow one of them for this account.";
        };
    }
}
