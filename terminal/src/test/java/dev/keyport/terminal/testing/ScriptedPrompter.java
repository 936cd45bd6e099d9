package dev.keyport.terminal.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.UserPrompter;

/** A prompter with answers fixed in advance; it records what it was asked. */
public final class ScriptedPrompter implements UserPrompter {

    private final HostKeyAnswer hostKeyAnswer;
    private final String secret;
    public final List<HostKeyInfo> hostKeyQuestions = new ArrayList<>();
    public final List<String> secretQuestions = new ArrayList<>();

    public ScriptedPrompter(HostKeyAnswer hostKeyAnswer, String secret) {
        this.hostKeyAnswer = hostKeyAnswer;
        this.secret = secret;
    }

    @Override
    public synchronized HostKeyAnswer confirmUnknownHostKey(HostKeyInfo info) {
        hostKeyQuestions.add(info);
        return hostKeyAnswer;
    }

    @Override
    public synchronized Optional<char[]> askSecret(String title, String prompt) {
        secretQuestions.add(prompt);
        return secret == null ? Optional.empty() : Optional.of(secret.toCharArray());
    }
}
