package dev.keyport.terminal.ssh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.session.ClientSession;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.UserPrompter;

/**
 * Keyboard-interactive: a lone hidden "Password:" prompt is answered with the host's password;
 * anything else (OTP codes, several prompts, echoed questions) goes to the person through
 * {@link UserPrompter#answerPrompts}, echo flags included.
 */
final class PromptingInteraction implements UserInteraction {

    private final ConnectionSpec spec;
    private final UserPrompter prompter;
    private final PasswordSource passwords;
    private final Set<String> tried;

    PromptingInteraction(ConnectionSpec spec, UserPrompter prompter, PasswordSource passwords, Set<String> tried) {
        this.spec = spec;
        this.prompter = prompter;
        this.passwords = passwords;
        this.tried = tried;
    }

    @Override
    public String[] interactive(ClientSession session, String name, String instruction, String lang, String[] prompt, boolean[] echo) {
        if (prompt == null || prompt.length == 0) {
            return new String[0];
        }
        tried.add("keyboard-interactive");
        if (prompt.length == 1 && !echo[0] && passwords.hasAny() && prompt[0].toLowerCase(Locale.ROOT).contains("password")) {
            Optional<String> password = passwords.get();
            return password.map(p -> new String[] {p}).orElse(null);
        }
        List<UserPrompter.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < prompt.length; i++) {
            prompts.add(new UserPrompter.Prompt(prompt[i], echo != null && i < echo.length && echo[i]));
        }
        String title = name == null || name.isBlank() ? "Login to " + spec.target() : name + " (" + spec.target() + ")";
        Optional<List<char[]>> answers = prompter.answerPrompts(title, instruction == null ? "" : instruction, prompts);
        if (answers.isEmpty() || answers.get().size() != prompt.length) {
            answers.ifPresent(list -> list.forEach(a -> Arrays.fill(a, '\0')));
            return null;
        }
        String[] result = new String[prompt.length];
        for (int i = 0; i < prompt.length; i++) {
            char[] answer = answers.get().get(i);
            result[i] = new String(answer);
            Arrays.fill(answer, '\0');
        }
        return result;
    }

    /** The password method asks here, once no stored password is left: ask the person (once per login). */
    @Override
    public String resolveAuthPasswordAttempt(ClientSession session) {
        if (!passwords.hasAny() || passwords.stored().isPresent()) {
            return null;
        }
        return passwords.get().orElse(null);
    }

    @Override
    public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
        return null;
    }
}
