package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.cli.CliTest.Result;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.syncformat.openssh.KnownHostsWriter;

/** keyport export / import / import-ssh-config / export-ssh-config / known-hosts against real vaults in a temp dir. */
class TeamFileCommandsTest {

    private static final Path GOLDEN = Path.of("../sync-format/src/test/resources/golden");
    private static final String NL = System.lineSeparator();

    @TempDir
    Path tmp;

    private Result run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.putIfAbsent("KEYPORT_DATA_DIR", tmp.resolve("vault").toString());
        return CliTest.execute(all, stdin, args);
    }

    private Result ok(Map<String, String> env, String stdin, String... args) {
        Result result = run(env, stdin, args);
        assertThat(result.exit()).as(result.err()).isZero();
        return result;
    }

    private Map<String, String> vaultAt(String name) throws Exception {
        Path password = tmp.resolve(name + ".pw");
        Files.writeString(password, "master pw\n");
        Map<String, String> env = new HashMap<>();
        env.put(MasterPasswordInput.FILE_ENV, password.toString());
        env.put("KEYPORT_DATA_DIR", tmp.resolve(name).toString());
        ok(env, "", "vault", "init");
        return env;
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void exportThenImportIntoAnotherVaultWithAPreviewFirstAndNothingTwice() throws Exception {
        Map<String, String> lead = vaultAt("lead");
        ok(lead, "", "host", "add", "bastion", "ops@bastion.example", "--group", "Prod");
        ok(lead, "", "host", "add", "db", "postgres@db.internal:2222", "--group", "Prod", "--tag", "sql");
        Path team = tmp.resolve("team.keyport");
        Result export = ok(lead, "", "export", team.toString());
        assertThat(export.out()).isEqualTo("Exported to " + team + " (" + Files.size(team) + " bytes, no secrets):" + NL
                + "  2 hosts, 1 group, 0 identities, 0 keys, 0 tunnels, 0 trusted host keys" + NL);

        Map<String, String> colleague = vaultAt("colleague");
        Result dryRun = ok(colleague, "", "import", team.toString(), "--dry-run");
        assertThat(dryRun.out()).contains("Team file " + team + " (id ")
                .contains("                   ADDED  CHANGED  UNCHANGED  CONFLICT")
                .contains("groups             1      0        0          0")
                .contains("hosts              2      0        0          0")
                .endsWith("Dry run: nothing was imported." + NL);
        assertThat(ok(colleague, "", "host", "list").out()).contains("No hosts yet");

        Result imported = ok(colleague, "", "import", team.toString());
        assertThat(imported.out()).endsWith("Imported: 3 added, 0 changed, 0 unchanged." + NL);
        assertThat(ok(colleague, "", "host", "list").out()).contains("postgres@db.internal:2222").contains("Prod").contains("sql");
        assertThat(ok(colleague, "", "import", team.toString()).out())
                .endsWith("Nothing to import: your vault already has everything in " + team + "." + NL);

        // both change db: a conflict, shown with what differs, decided by --on-conflict
        ok(lead, "", "host", "rm", "db");
        ok(lead, "", "host", "add", "db", "postgres@db2.internal:2222");
        ok(lead, "", "export", team.toString());
        Result conflict = ok(colleague, "", "import", team.toString(), "--on-conflict", "both");
        assertThat(conflict.out()).contains("CONFLICT host db: your host db has the same name but another id: address db.internal → db2.internal")
                .contains("conflicts: 0 kept yours, 0 took the file's, 1 kept both.");
        assertThat(ok(colleague, "", "host", "list").out()).contains("db (team)").contains("db2.internal");

        Result badChoice = run(colleague, "", "import", team.toString(), "--on-conflict", "yours");
        assertThat(badChoice.exit()).isEqualTo(1);
        assertThat(badChoice.err()).isEqualTo("keyport: --on-conflict takes mine, theirs or both, not yours." + NL);
    }

    @Test
    void thePassphraseIsAskedOnlyForAFileWithSecretsFromAFileOrStandardInputAndAWrongOneFails() throws Exception {
        Map<String, String> env = vaultAt("v");
        Result plain = ok(env, "", "import", GOLDEN.resolve("team-1.0.keyport").toString(), "--dry-run");
        assertThat(plain.out()).contains("Server keys that become trusted:").contains("  bastion.acme.example:22 ssh-ed25519 SHA256:O44Y")
                .contains("Warning: 2 keys come without a private half");

        Path secrets = GOLDEN.resolve("team-1.0-secrets.keyport");
        Result none = run(env, "", "import", secrets.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("Nothing to read for \"Passphrase of the team file");
        Result wrong = run(env, "not it\n", "import", secrets.toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("keyport: The passphrase does not open this team file (or its protection settings were"
                + " changed). Nothing was imported." + NL);
        assertThat(ok(env, "", "host", "list").out()).contains("No hosts yet");

        Result fromStdin = ok(env, "correct horse battery staple\n", "import", secrets.toString());
        assertThat(fromStdin.out()).contains(", with secrets)").endsWith("Imported: 14 added, 0 changed, 0 unchanged." + NL);

        Path phrase = file("phrase", "export phrase\n");
        Path out = tmp.resolve("out.keyport");
        Result export = ok(env, "", "export", out.toString(), "--include-secrets", "--passphrase-file", phrase.toString());
        assertThat(export.out()).contains("secrets encrypted under the passphrase").contains("5 hosts, 3 groups, 1 identity, 2 keys");
        Result again = ok(env, "", "import", out.toString(), "--passphrase-file", phrase.toString(), "--dry-run");
        assertThat(again.out()).contains("hosts              0      0        5          0");

        Result misuse = run(env, "", "export", out.toString(), "--passphrase-file", phrase.toString());
        assertThat(misuse.err()).contains("--passphrase-file is for --include-secrets");
    }

    @Test
    void aBadFileFailsWithItsMessageAndPlaceAndChangesNothing() throws Exception {
        Map<String, String> env = vaultAt("v");
        Path broken = file("broken.keyport", Files.readString(GOLDEN.resolve("team-1.0.keyport")).replace("\"port\": 2222", "\"port\": 70000"));
        Result result = run(env, "", "import", broken.toString());
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("keyport: \"port\" must be a whole number from 1 to 65535, not 70000 (at $.hosts[0].port, line ");
        assertThat(run(env, "", "import", tmp.resolve("absent.keyport").toString()).err())
                .isEqualTo("keyport: There is no team file at " + tmp.resolve("absent.keyport") + "." + NL);
        assertThat(ok(env, "", "host", "list").out()).contains("No hosts yet");
    }

    @Test
    void anSshConfigWithIncludeProxyJumpAKeyAndForwardsImportsOnceAndExportsBack() throws Exception {
        Map<String, String> env = vaultAt("v");
        Path key = tmp.resolve("id_work");
        CliTest.sh("ssh-keygen", "-q", "-t", "ed25519", "-N", "key phrase", "-C", "me@work", "-f", key.toString());
        env.put(KeyCommand.PASSPHRASE_FILE_ENV, file("key.pw", "key phrase\n").toString());
        Path included = file("work.conf", """
                Host db
                    HostName 10.0.1.10
                    User postgres
                    ProxyJump bastion
                    LocalForward 5432 localhost:5432
                    ServerAliveInterval 1m
                Match host *.corp
                    User corp
                """);
        Path config = file("config", "Include " + included + "\n\n"
                + "Host bastion\n    HostName bastion.example\n    User ops\n    Port 2222\n    ForwardAgent yes\n"
                + "    IdentityFile " + key + "\n\n"
                + "Host legacy\n    ProxyCommand nc %h %p\n");

        Result first = ok(env, "", "import-ssh-config", config.toString());
        assertThat(first.out()).contains("added db (postgres@10.0.1.10:22)").contains("added bastion (ops@bastion.example:2222)")
                .contains("Warning: " + included + ":7: Match block skipped")
                .contains("ProxyCommand not imported")
                .endsWith("3 added, 0 updated, 0 unchanged; 1 key added, 1 tunnel." + NL);
        Result again = ok(env, "", "import-ssh-config", config.toString());
        assertThat(again.out()).contains("unchanged db").endsWith("0 added, 0 updated, 3 unchanged; 0 keys added, 1 tunnel." + NL);
        assertThat(ok(env, "", "host", "list").out().lines().filter(l -> l.startsWith("db ")).count()).isEqualTo(1);
        assertThat(ok(env, "", "key", "list").out()).contains("id_work").contains("me@work");
        assertThat(ok(env, "", "tunnel", "list").out()).contains("db forwards");

        Path dir = tmp.resolve("exported");
        Result export = ok(env, "", "export-ssh-config", dir.toString());
        assertThat(export.out()).startsWith("Wrote " + dir.resolve("config") + " (3 hosts) and " + dir.resolve("known_hosts") + " (0 keys).")
                .contains("Note: 1 host logs in with a key kept in the vault");
        String written = Files.readString(dir.resolve("config"));
        assertThat(written).contains("Host db\n    HostName 10.0.1.10\n    User postgres\n    ProxyJump bastion\n"
                + "    LocalForward 127.0.0.1:5432 localhost:5432\n    ServerAliveInterval 60\n");
        assertThat(written).contains("Host bastion\n    HostName bastion.example\n    User ops\n    Port 2222\n    ForwardAgent yes\n");
        assertThat(run(env, "", "export-ssh-config", dir.toString()).err()).contains("already exists; Keyport does not replace it");
    }

    @Test
    void knownHostsImportTrustsPlainLinesAndHashedOnesOnlyForSavedHosts() throws Exception {
        Map<String, String> env = vaultAt("v");
        ok(env, "", "host", "add", "db", "db.internal:2222");
        String ed = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
        String other = "AAAAC3NzaC1lZDI1NTE5AAAAIAavQZG8S9IK47yWbGnuvwsKbppW0KHYjs0/l9L0RVvc";
        Path knownHosts = file("known_hosts", String.join("\n", List.of(
                "web.example,10.0.0.8 ssh-ed25519 " + ed,
                "[git.example]:7999 ssh-ed25519 " + ed,
                KnownHostsWriter.line(new KnownHostsWriter.Pin("db.internal", 2222, "ssh-ed25519", other), true),
                KnownHostsWriter.line(new KnownHostsWriter.Pin("secret.example", 22, "ssh-ed25519", other), true),
                "*.corp ssh-ed25519 " + ed,
                "@revoked old.example ssh-ed25519 " + ed)) + "\n");

        Result imported = ok(env, "", "known-hosts", "import", knownHosts.toString());
        assertThat(imported.out()).contains("trusted db.internal:2222 ssh-ed25519 SHA256:O44YNOiQRJAItFcEeTSOJt6iZfXDEe/PikUgqYX8Hug")
                .contains("trusted git.example:7999 ssh-ed25519")
                .contains("Skipped: " + knownHosts + ":6:")
                .endsWith("4 keys newly trusted, 0 already trusted, 0 not imported (another key is trusted); skipped 1 hashed line"
                        + " that matches no saved host and 1 line with patterns only." + NL);
        assertThat(ok(env, "", "known-hosts", "import", knownHosts.toString()).out()).contains("0 keys newly trusted, 4 already trusted");
        Result list = ok(env, "", "known-hosts", "list");
        assertThat(list.out()).contains("HOST").contains("web.example").contains("10.0.0.8").contains("7999")
                .contains("imported from " + knownHosts);
    }
}
