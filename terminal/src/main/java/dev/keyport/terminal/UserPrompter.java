package dev.keyport.terminal;

import java.util.Optional;

/**
 * Questions the session layer must ask a person. Called from SSH threads; implementations block
 * until the person answers (or give up after a timeout) and must never be called on a UI thread.
 */
public interface UserPrompter {

    /** The answer to "do you trust this server key?". */
    enum HostKeyAnswer { TRUST_AND_SAVE, TRUST_ONCE, CANCEL }

    /** Asks whether to trust a key seen for the first time. */
    HostKeyAnswer confirmUnknownHostKey(HostKeyInfo info);

    /** Asks for a password ({@code prompt} says for what); empty when the person cancels. */
    Optional<char[]> askSecret(String title, String prompt);
}
