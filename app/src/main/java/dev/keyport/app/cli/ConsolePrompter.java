package dev.keyport.app.cli;

import java.io.Console;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.UserPrompter;

/**
 * Asks on the terminal, like the OpenSSH client. With BatchMode (or without a terminal) it never
 * asks: host keys are not trusted and no secret is given, and it says so on stderr.
 */
final class ConsolePrompter implements UserPrompter {

    private final Console console;
    private final PrintStream err;
    private final boolean batch;

    ConsolePrompter(Console console, PrintStream err, boolean batch) {
        this.console = console;
        this.err = err;
        this.batch = batch;
    }

    private boolean canAsk() {
        return !batch && console != null;
    }

    @Override
    public HostKeyAnswer confirmUnknownHostKey(HostKeyInfo info) {
        String host = info.port() == 22 ? info.host() : "[" + info.host() + "]:" + info.port();
        if (!canAsk()) {
            err.println("Host key for " + host + " is not known (" + info.keyType() + " " + info.fingerprint() + ") and "
                    + (batch ? "BatchMode is on" : "there is no terminal to ask on") + ".");
            return HostKeyAnswer.CANCEL;
        }
        console.printf("The authenticity of host '%s' can't be established.%n%s key fingerprint is %s.%n", host, info.keyType(), info.fingerprint());
        while (true) {
            String answer = console.readLine("Are you sure you want to continue connecting (yes/once/no/[fingerprint])? ");
            if (answer == null) {
                return HostKeyAnswer.CANCEL;
            }
            String a = answer.strip();
            switch (a.toLowerCase(Locale.ROOT)) {
                case "yes":
                    return HostKeyAnswer.TRUST_AND_SAVE;
                case "once":
                    return HostKeyAnswer.TRUST_ONCE;
                case "no":
                    return HostKeyAnswer.CANCEL;
                default:
                    if (a.equals(info.fingerprint())) {
                        return HostKeyAnswer.TRUST_AND_SAVE;
                    }
                    console.printf("Please type 'yes', 'once', 'no' or the fingerprint: ");
            }
        }
    }

    @Override
    public Optional<char[]> askSecret(String title, String prompt) {
        if (!canAsk()) {
            return Optional.empty();
        }
        return Optional.ofNullable(console.readPassword("%s ", prompt));
    }

    @Override
    public Optional<List<char[]>> answerPrompts(String title, String instruction, List<Prompt> prompts) {
        if (!canAsk()) {
            return Optional.empty();
        }
        // the server chose these words: shown with their control characters visible
        console.printf("%s%n", Display.escape(title));
        if (instruction != null && !instruction.isBlank()) {
            console.printf("%s%n", Display.escapeLines(instruction.strip()));
        }
        List<char[]> answers = new ArrayList<>();
        for (Prompt prompt : prompts) {
            char[] answer = prompt.echo() ? Optional.ofNullable(console.readLine("%s", Display.escape(prompt.text())))
                    .map(String::toCharArray).orElse(null)
                    : console.readPassword("%s", Display.escape(prompt.text()));
            if (answer == null) {
                answers.forEach(x -> Arrays.fill(x, '\0'));
                return Optional.empty();
            }
            answers.add(answer);
        }
        return Optional.of(answers);
    }
}
