package dev.keyport.syncformat.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh_config written for hosts reads back to the same hosts, in Keyport's reader and in ssh -G. */
class SshConfigWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesAHostBlockPerAliasInAFixedOrder() {
        SshHostConfig db = new SshHostConfig("db", Optional.of("10.0.1.10"), Optional.of("postgres"), Optional.of(2222),
                List.of("~/.ssh/id_ed25519", "~/keys/with space"), List.of("bastion"),
                List.of(new SshForward(SshForward.Kind.LOCAL, Optional.of("127.0.0.1"), 5432, Optional.of("::1"), Optional.of(5432)),
                        new SshForward(SshForward.Kind.DYNAMIC, Optional.empty(), 1080, Optional.empty(), Optional.empty())),
                Optional.of(30), Optional.of(false), false);
        assertThat(SshConfigWriter.write(List.of(SshHostConfig.of("bastion", "bastion.acme.example"), db))).isEqualTo("""
                # Written by Keyport

                Host bastion
                    HostName bastion.acme.example

                Host db
                    HostName 10.0.1.10
                    User postgres
                    Port 2222
                    IdentityFile ~/.ssh/id_ed25519
                    IdentityFile "~/keys/with space"
                    ProxyJump bastion
                    LocalForward 127.0.0.1:5432 [::1]:5432
                    DynamicForward 1080
                    ServerAliveInterval 30
                    ForwardAgent no
                """);
    }

    @Test
    void theCorpusWrittenAgainReadsBackToTheSameHostsHereAndInSshG() throws Exception {
        Path corpus = SshCorpus.copyTo(Files.createDirectories(dir.resolve("corpus")));
        List<SshHostConfig> hosts = SshConfigReader.read(corpus, dir).hosts().stream()
                .filter(h -> !h.proxyCommandSkipped()).toList();
        Path written = Files.writeString(dir.resolve("written"), SshConfigWriter.write(hosts));
        SshConfig again = SshConfigReader.read(written, dir);
        assertThat(again.warnings()).isEmpty();
        assertThat(again.hosts()).isEqualTo(hosts);

        assumeTrue(SshCorpus.sshAvailable(), "ssh (Debian openssh-client) is not installed");
        for (SshHostConfig host : hosts) {
            List<String> ssh = SshCorpus.sshG(written, host.alias());
            assertThat(ssh).as(host.alias()).contains("hostname " + host.hostNameOrAlias(), "port " + host.portOrDefault());
            host.user().ifPresent(user -> assertThat(ssh).contains("user " + user));
            assertThat(ssh.stream().filter(l -> l.matches("(local|remote|dynamic)forward .*")).sorted().toList())
                    .isEqualTo(host.forwards().stream().map(SshForward::describe).sorted().toList());
        }
    }

    @Test
    void quotesAndPercentSignsSurviveTheRoundTrip() throws Exception {
        SshHostConfig odd = new SshHostConfig("odd", Optional.of("fe80::1%eth0"), Optional.of("DOMAIN\\user"), Optional.empty(),
                List.of("C:\\keys\\my \"key\"", "#not-a-comment"), List.of(), List.of(), Optional.empty(), Optional.empty(),
                false);
        Path written = Files.writeString(dir.resolve("odd"), SshConfigWriter.write(List.of(odd)));
        assertThat(Files.readString(written)).contains("HostName fe80::1%%eth0");
        assertThat(SshConfigReader.read(written, dir).host("odd")).contains(odd);
    }

    @Test
    void aliasesAndValuesThatCannotStandInTheFileAreRefused() {
        assertThatThrownBy(() -> SshConfigWriter.write(List.of(SshHostConfig.of("web *", "x")))).hasMessageContaining("alias");
        assertThatThrownBy(() -> SshConfigWriter.write(List.of(SshHostConfig.of("web", "x\nProxyCommand evil"))))
                .hasMessageContaining("line break");
    }
}
