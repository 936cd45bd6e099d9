package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

import dev.keyport.terminal.demo.LocalSshServer;
import dev.keyport.terminal.ssh.Fingerprints;

/**
 * Issue: known_hosts trusts an ECDSA key for {@code [127.0.0.1]:PORT}, the server shows only ed25519.
 * {@code keyport ssh -o StrictHostKeyChecking=accept-new} used to append the new key, send the password
 * and run the command. Like OpenSSH it must refuse, under every policy, with both fingerprints, before
 * any authentication, leaving the file as it was.
 */
class SshCommandHostKeyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"accept-new", "ask", "yes"})
    void aKeyOfAnotherTypeThanTheKnownOneIsRefusedBeforeThePasswordIsSent(String policy) throws Exception {
        try (LocalSshServer server = LocalSshServer.start("tester", "correct horse")) {
            PublicKey ecdsa = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256).getPublic();
            Path knownHosts = dir.resolve("kh");
            Files.writeString(knownHosts, "[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(ecdsa) + "\n");
            String before = Files.readString(knownHosts);
            Path passwordFile = dir.resolve("password");
            Files.writeString(passwordFile, "correct horse\n");

            List<String> args = new ArrayList<>(List.of("ssh", "-p", String.valueOf(server.port()),
                    "-o", "StrictHostKeyChecking=" + policy, "-o", "UserKnownHostsFile=" + knownHosts, "-o", "BatchMode=yes",
                    "tester@127.0.0.1", "--", "echo ran"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            CommandLine cli = new CommandLine(new dev.keyport.app.Main(), new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> cls) throws Exception {
                    if (cls == SshCommand.class) {
                        return cls.cast(new SshCommand(Map.of(SshCommand.PASSWORD_FILE_ENV, passwordFile.toString()),
                                new java.io.ByteArrayInputStream(new byte[0]), o, e, null));
                    }
                    return CommandLine.defaultFactory().create(cls);
                }
            });
            cli.setErr(new java.io.PrintWriter(e, true));
            int status = cli.execute(args.toArray(String[]::new));

            String stderr = err.toString(StandardCharsets.UTF_8);
            assertThat(status).isEqualTo(255);
            assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("ran");
            assertThat(stderr).contains("host key for 127.0.0.1:" + server.port() + " has changed")
                    .contains("Trusted key: ecdsa-sha2-nistp256 " + Fingerprints.sha256(ecdsa))
                    .contains("Offered key: ssh-ed25519 " + Fingerprints.sha256(server.hostKey()))
                    .contains("ssh-keygen -f " + knownHosts + " -R '[127.0.0.1]:" + server.port() + "'");
            assertThat(server.authAttempts()).isZero();
            assertThat(Files.readString(knownHosts)).isEqualTo(before);
        }
    }
}
