package dev.keyport.syncformat.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ssh_config reader against the committed corpus: what it resolves for each alias is what the
 * real {@code ssh -G} prints, for every option both define.
 */
class SshConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void everyAliasResolvesAsSshGResolvesIt() throws Exception {
        assumeTrue(SshCorpus.sshAvailable(), "ssh (Debian openssh-client) is not installed: the ssh -G comparison"
                + " is skipped; .ci/run installs it");
        Path config = SshCorpus.copyTo(dir);
        SshConfig read = SshConfigReader.read(config, dir);
        assertThat(read.hosts()).extracting(SshHostConfig::alias).containsExactly("early", "bastion", "late-1",
                "db-primary", "db-replica", "deep", "quoted", "plain", "MixedCase", "web-1", "web-2", "web-3", "legacy",
                "nojump", "work", "tabbed");
        List<SshHostConfig> compared = new ArrayList<>(read.hosts());
        // names the file does not list resolve the same way too
        for (String other : List.of("db-in-work", "web-9", "unknown.example", "late-2", "mixedcase")) {
            compared.add(read.resolve(other));
        }
        for (SshHostConfig host : compared) {
            assertThat(ours(host)).as("ssh -G %s", host.alias()).isEqualTo(theirs(SshCorpus.sshG(config, host.alias()), host));
        }
    }

    /** The options both sides define, in ssh -G's words. */
    private static List<String> ours(SshHostConfig host) {
        List<String> lines = new ArrayList<>();
        lines.add("hostname " + host.hostNameOrAlias());
        host.user().ifPresent(user -> lines.add("user " + user));
        lines.add("port " + host.portOrDefault());
        host.identityFiles().forEach(file -> lines.add("identityfile " + file));
        if (!host.proxyJump().isEmpty()) {
            lines.add("proxyjump " + String.join(",", host.proxyJump()));
        }
        host.forwards().stream().map(SshForward::describe).sorted().forEach(lines::add);
        lines.add("serveraliveinterval " + host.serverAliveInterval().orElse(0));
        lines.add("forwardagent " + (host.forwardAgent().orElse(false) ? "yes" : "no"));
        lines.add("proxycommand " + host.proxyCommandSkipped());
        return lines;
    }

    private static List<String> theirs(List<String> ssh, SshHostConfig host) {
        List<String> lines = new ArrayList<>();
        lines.add(first(ssh, "hostname"));
        if (host.user().isPresent()) {
            lines.add(first(ssh, "user"));
        }
        lines.add(first(ssh, "port"));
        if (!host.identityFiles().isEmpty()) {
            ssh.stream().filter(l -> l.startsWith("identityfile ")).forEach(lines::add);
        }
        ssh.stream().filter(l -> l.startsWith("proxyjump ")).forEach(lines::add);
        ssh.stream().filter(l -> l.matches("(local|remote|dynamic)forward .*")).sorted().forEach(lines::add);
        lines.add(first(ssh, "serveraliveinterval"));
        lines.add(first(ssh, "forwardagent"));
        lines.add("proxycommand " + ssh.stream().anyMatch(l -> l.startsWith("proxycommand ")));
        return lines;
    }

    private static String first(List<String> ssh, String option) {
        return ssh.stream().filter(l -> l.startsWith(option + " ")).findFirst().orElse(option + " <none>");
    }

    @Test
    void resolvedValuesFollowFirstValueWinsIncludesAndPatterns() throws Exception {
        SshConfig read = SshConfigReader.read(SshCorpus.copyTo(dir), dir);
        SshHostConfig bastion = read.host("bastion").orElseThrow();
        assertThat(bastion.user()).contains("early-user");
        assertThat(bastion.identityFiles()).containsExactly("~/.ssh/id_ed25519");
        assertThat(bastion.forwardAgent()).contains(true);
        SshHostConfig deep = read.host("deep").orElseThrow();
        assertThat(deep.proxyJump()).containsExactly("bastion", "db-primary", "ops@hop3.example:2200");
        assertThat(deep.forwards()).containsExactly(
                new SshForward(SshForward.Kind.REMOTE, Optional.empty(), 9000, Optional.of("localhost"), Optional.of(3000)),
                new SshForward(SshForward.Kind.REMOTE, Optional.of("0.0.0.0"), 9001, Optional.of("localhost"), Optional.of(3001)),
                new SshForward(SshForward.Kind.DYNAMIC, Optional.empty(), 1080, Optional.empty(), Optional.empty()),
                new SshForward(SshForward.Kind.DYNAMIC, Optional.of("127.0.0.1"), 1081, Optional.empty(), Optional.empty()),
                new SshForward(SshForward.Kind.LOCAL, Optional.of("*"), 8443, Optional.of("intranet.example"), Optional.of(443)));
        assertThat(read.host("db-primary").orElseThrow().forwards()).hasSize(2);
        assertThat(read.host("web-3").orElseThrow().hostName()).contains("web3.acme.example");
        assertThat(read.host("web-3").orElseThrow().port()).isEmpty();
        assertThat(read.host("legacy").orElseThrow().proxyCommandSkipped()).isTrue();
        assertThat(read.host("legacy").orElseThrow().proxyJump()).isEmpty();
        assertThat(read.host("nojump").orElseThrow().proxyJump()).isEmpty();
        assertThat(read.host("work").orElseThrow().user()).contains("default-user");
        assertThat(read.host("db-in-work")).as("its Host line only applies inside 'Host work'").isEmpty();
        assertThat(read.host("quoted").orElseThrow().serverAliveInterval()).contains(90);
    }

    @Test
    void matchProxyCommandAndLocalCommandAreSkippedWithWarningsNamingFileAndLine() throws Exception {
        Path config = SshCorpus.copyTo(dir);
        List<String> lines = Files.readAllLines(config);
        SshConfig read = SshConfigReader.read(config, dir);
        assertThat(read.warnings()).extracting(OpenSshWarning::toString).containsExactly(
                config + ":" + lineOf(lines, "Match user") + ": Match block skipped: Keyport does not evaluate Match, so"
                        + " its settings are not imported",
                config + ":" + lineOf(lines, "ProxyCommand nc") + ": ProxyCommand not imported: Keyport never runs a"
                        + " program from an imported file",
                config + ":" + lineOf(lines, "LocalCommand") + ": LocalCommand not imported: Keyport never runs a program"
                        + " from an imported file");
        assertThat(read.host("web-1").orElseThrow().hostName()).contains("web-1.acme.example");
    }

    @Test
    void relativeIncludesAreTakenFromTheSshFolderOfTheHomeGiven() throws Exception {
        Path ssh = Files.createDirectories(dir.resolve(".ssh/config.d"));
        Files.writeString(ssh.resolve("one"), "Host one\n  HostName one.example\n");
        Files.writeString(ssh.resolve("two"), "Host two\n  HostName two.example\n");
        Files.writeString(ssh.resolve(".hidden"), "Host hidden\n");
        Path config = Files.writeString(dir.resolve(".ssh/config"), "Include config.d/*\nInclude ~/.ssh/missing/*\n");
        SshConfig read = SshConfigReader.read(config, dir);
        assertThat(read.hosts()).extracting(SshHostConfig::alias).containsExactly("one", "two");
        assertThat(read.warnings()).extracting(OpenSshWarning::message)
                .containsExactly("Include ~/.ssh/missing/* matches no file");
    }

    @Test
    void valuesOpenSshWouldRejectAreSkippedWithAWarning() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), String.join("\n",
                "Host a",
                "  Port 70000",
                "  Port 2200",
                "  LocalForward 8080",
                "  LocalForward /tmp/socket host:80",
                "  RemoteForward 9000",
                "  ServerAliveInterval soon",
                "  HostName \"unterminated",
                "  ForwardAgent $SSH_AUTH_SOCK",
                "Host b",
                "  Include b.conf",
                ""));
        Files.writeString(Files.createDirectories(dir.resolve(".ssh")).resolve("b.conf"), "Include b.conf\nHostName b.example\n");
        SshConfig read = SshConfigReader.read(config, dir);
        assertThat(read.host("a").orElseThrow().port()).contains(2200);
        assertThat(read.host("a").orElseThrow().forwardAgent()).contains(true);
        assertThat(read.warnings()).extracting(w -> w.line() + " " + w.message()).containsExactly(
                "2 Port \"70000\" is not a port number; the line is skipped",
                "4 LocalForward needs a target; the line is skipped",
                "5 LocalForward /tmp/socket host:80: Unix socket forwards are not supported; the line is skipped",
                "6 RemoteForward without a target (a remote SOCKS proxy) is not imported",
                "7 ServerAliveInterval \"soon\" is not a time; the line is skipped",
                "8 unbalanced quotes; the line is skipped",
                "9 ForwardAgent names an agent socket ($SSH_AUTH_SOCK); imported as yes",
                "1 Include b.conf includes " + dir.resolve(".ssh/b.conf") + " again, in a loop; ssh stops after 16 levels");
        assertThat(read.host("b").orElseThrow().hostName()).contains("b.example");
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}
