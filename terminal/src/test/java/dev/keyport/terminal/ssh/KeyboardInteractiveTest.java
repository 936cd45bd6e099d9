package dev.keyport.terminal.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.keyport.terminal.ConnectionSpec;
import dev.keyport.terminal.Credential;
import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.UserPrompter;
import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.terminal.testing.MemoryHostKeyStore;

/** Keyboard-interactive rounds with several prompts and echo flags (OTP/2FA), against an in-process server. */
class KeyboardInteractiveTest {

    private static LocalSshServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LocalSshServer.start("ops", "hunter2", "123456");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Answers prompts from a list and records what it was shown. */
    static final class TwoFactorPrompter implements UserPrompter {
        final List<String> shown = new ArrayList<>();
        private final List<String> answers;

        TwoFactorPrompter(List<String> answers) {
            this.answers = answers;
        }

        @Override
        public HostKeyAnswer confirmUnknownHostKey(HostKeyInfo info) {
            return HostKeyAnswer.TRUST_ONCE;
        }

        @Override
        public Optional<char[]> askSecret(String title, String prompt) {
            return Optional.empty();
        }

        @Override
        public Optional<List<char[]>> answerPrompts(String title, String instruction, List<Prompt> prompts) {
            shown.add(title + " | " + instruction);
            prompts.forEach(p -> shown.add(p.text() + (p.echo() ? "(echo)" : "(hidden)")));
            List<char[]> result = new ArrayList<>();
            answers.forEach(a -> result.add(a.toCharArray()));
            return Optional.of(result);
        }
    }

    private static ConnectionSpec spec() {
        return new ConnectionSpec("2fa", "127.0.0.1", server.port(), "ops", List.of(Credential.Password.askWhenNeeded()));
    }

    @Test
    void severalPromptsWithTheirEchoFlagsReachThePrompterInOneRound() throws Exception {
        TwoFactorPrompter prompter = new TwoFactorPrompter(List.of("hunter2", "123456"));
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), prompter); SshConnection connection = ssh.connect(spec())) {
            assertThat(connection.isOpen()).isTrue();
        }
        assertThat(prompter.shown).containsExactly("Two-step login (ops@127.0.0.1:" + server.port() + ") | Log in with your password and the code from your authenticator app.",
                "Password: (hidden)", "Verification code: (echo)");
    }

    @Test
    void wrongAnswersEndInPermissionDeniedNamingKeyboardInteractive() throws Exception {
        TwoFactorPrompter prompter = new TwoFactorPrompter(List.of("hunter2", "000000"));
        try (SshConnector ssh = new SshConnector(new MemoryHostKeyStore(), prompter)) {
            assertThatThrownBy(() -> ssh.connect(spec())).isInstanceOf(SshFailure.class)
                    .hasMessageStartingWith("Permission denied for ops@127.0.0.1:" + server.port() + " (tried: keyboard-interactive)");
        }
    }
}
