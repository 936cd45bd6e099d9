package dev.keyport.terminal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** One keyboard-interactive prompt; {@code echo} false means the answer is secret (hide it while typed). */
    record Prompt(String text, boolean echo) {
    }

    /**
     * Keyboard-interactive round (OTP, 2FA, "Password:"): answers to all {@code prompts}, in order;
     * empty when the person cancels. The default asks each prompt with {@link #askSecret}.
     *
     * @param title       e.g. "Login to deploy@db.internal"
     * @param instruction the server's instruction text, may be empty
     */
    default Optional<List<char[]>> answerPrompts(String title, String instruction, List<Prompt> prompts) {
        List<char[]> answers = new ArrayList<>();
        for (Prompt prompt : prompts) {
            String text = instruction == null || instruction.isBlank() ? prompt.text() : instruction.strip() + "\n" + prompt.text();
            Optional<char[]> answer = askSecret(title, text);
            if (answer.isEmpty()) {
                answers.forEach(a -> Arrays.fill(a, '\0'));
                return Optional.empty();
            }
            answers.add(answer.get());
        }
        return Optional.of(answers);
    }

    /** Asks for a password ({@code prompt} says for what); empty when the person cancels. */
    Optional<char[]> askSecret(String title, String prompt);
}
