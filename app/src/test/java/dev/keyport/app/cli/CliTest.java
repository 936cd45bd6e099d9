package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import dev.keyport.app.Main;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.vault.crypto.KdfParameters;

/** The command line against a real vault in a temp dir, passwords from files or stdin. */
class CliTest {

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {
    }

    private Path vaultDir() {
        return tmp.resolve("vault");
    }

    private Result run(Map<String, String> env, String stdin, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("KEYPORT_DATA_DIR", vaultDir().toString());
        return execute(all, stdin, args);
    }

    /** Runs {@code keyport args} with exactly this environment, passwords from it or {@code stdin}, and the KDF floor. */
    static Result execute(Map<String, String> all, String stdin, String... args) {
        MasterPasswordInput input = new MasterPasswordInput(all, null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        CommandLine cli = new CommandLine(new Main(new CliEnvironment(all, input, Optional.of(KdfParameters.FLOOR))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private Map<String, String> passwordFile(String password) throws Exception {
        Path file = Files.createTempFile(tmp, "pw", ".txt");
        Files.writeString(file, password + "\n");
        return Map.of(MasterPasswordInput.FILE_ENV, file.toString());
    }

    @Test
    void initAddListAndRemoveHostsWithThePasswordFromAFile() throws Exception {
        Map<String, String> env = passwordFile("cli master pw");
        Result init = run(env, "", "vault", "init");
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(init.out()).contains("Created a vault in " + vaultDir()).contains("Argon2id");

        assertThat(run(env, "", "vault", "init").err()).contains("There is already a vault");

        Result add = run(env, "", "host", "add", "db", "deploy@db.internal:2222", "--group", "Prod", "--tag", "sql");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("Saved db (deploy@db.internal:2222");
        assertThat(run(env, "", "host", "add", "web", "web.internal").exit()).isZero();

        Result list = run(env, "", "host", "list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("NAME").contains("deploy@db.internal:2222").contains("Prod").contains("sql")
                .contains("web.internal:22");

        assertThat(run(env, "", "host", "rm", "db").out()).contains("Removed db");
        Result missing = run(env, "", "host", "rm", "db");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("keyport: There is no host called db");
        assertThat(run(env, "", "host", "list").out()).doesNotContain("db.internal");
    }

    @Test
    void hostAddReadsTheAddressLikeSshAndItsOptionsWin() throws Exception {
        Map<String, String> env = passwordFile("cli master pw");
        assertThat(run(env, "", "vault", "init").exit()).isZero();

        Result v6 = run(env, "", "host", "add", "local6", "deploy@[::1]:2222");
        assertThat(v6.exit()).as(v6.err()).isZero();
        assertThat(v6.out()).startsWith("Saved local6 (deploy@[::1]:2222, id ");
        Result options = run(env, "", "host", "add", "db", "deploy@db.internal:2222", "-u", "admin", "-p", "2200");
        assertThat(options.out()).startsWith("Saved db (admin@db.internal:2200, id ");
        Result defaults = run(env, "", "host", "add", "web", "web.internal");
        assertThat(defaults.out()).startsWith("Saved web (" + System.getProperty("user.name", "root") + "@web.internal:22, id ");

        // bad input fails before the master password is asked (no password file, nothing on stdin)
        Result badPort = run(Map.of(), "", "host", "add", "x", "x.example:ssh");
        assertThat(badPort.exit()).isEqualTo(1);
        assertThat(badPort.err()).isEqualTo("keyport: Bad port in x.example:ssh: ssh" + System.lineSeparator());
        assertThat(run(Map.of(), "", "host", "add", "x", "[::1:22").err()).isEqualTo("keyport: Missing ']' in [::1:22" + System.lineSeparator());
        assertThat(run(Map.of(), "", "host", "add", "x", "deploy@").err()).contains("expected [user@]host[:port]");
        assertThat(run(env, "", "host", "list").out()).contains("deploy@[::1]:2222").contains("admin@db.internal:2200")
                .doesNotContain("x.example");
    }

    @Test
    void aWrongMasterPasswordFailsWithAReadableMessage() throws Exception {
        assertThat(run(passwordFile("right one"), "", "vault", "init").exit()).isZero();
        Result wrong = run(passwordFile("wrong one"), "", "host", "list");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("keyport: Wrong master password" + System.lineSeparator());
        Result none = run(Map.of(), "", "host", "list");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains(MasterPasswordInput.FILE_ENV);
    }

    @Test
    void thePasswordsCanComeFromStandardInputAndPasswdChangesItOnlyToAPasswordTheRuleAccepts() throws Exception {
        assertThat(run(Map.of(), "first pw\n", "vault", "init").exit()).isZero();
        assertThat(run(Map.of(), "first pw\n", "host", "add", "a", "a.example").exit()).isZero();
        Result oneCharacter = run(Map.of(), "first pw\nx\n", "vault", "passwd");
        assertThat(oneCharacter.exit()).isEqualTo(1);
        assertThat(oneCharacter.err()).startsWith("keyport: The new master password is too short: use at least 8 characters.")
                .contains("Nothing was changed");
        Result weak = run(Map.of(), "first pw\npassword1\n", "vault", "passwd");
        assertThat(weak.exit()).isEqualTo(1);
        assertThat(weak.err()).startsWith("keyport: The new master password is weak").contains("--allow-weak");
        assertThat(run(Map.of(), "first pw\n", "host", "list").out()).as("unchanged after the refusals").contains("a.example");
        Result passwd = run(Map.of(), "first pw\npassword1\n", "vault", "passwd", "--allow-weak");
        assertThat(passwd.exit()).as(passwd.err()).isZero();
        assertThat(passwd.out()).contains("Master password changed");
        assertThat(run(Map.of(), "first pw\n", "host", "list").err()).contains("Wrong master password");
        assertThat(run(Map.of(), "password1\n", "host", "list").out()).contains("a.example");
        assertThat(run(Map.of(), "", "vault", "lock").out()).contains("is locked");
    }

    @Test
    void generatedKeysAreListedShownAndExportedForSshKeygen() throws Exception {
        Map<String, String> env = new HashMap<>(passwordFile("pw for keys"));
        run(env, "", "vault", "init");
        Result gen = run(env, "", "key", "generate", "--comment", "alice@laptop", "--name", "laptop");
        assertThat(gen.exit()).as(gen.err()).isZero();
        assertThat(gen.out()).contains("Generated laptop (ssh-ed25519, 256 bits)").contains("Fingerprint: SHA256:");
        assertThat(run(env, "", "key", "generate", "-t", "ecdsa-384", "-n", "ec").exit()).isZero();
        assertThat(run(env, "", "key", "generate", "-t", "dsa").err()).contains("Unknown key type 'dsa'");

        Result list = run(env, "", "key", "list");
        assertThat(list.out()).contains("laptop").contains("ssh-ed25519").contains("ecdsa-sha2-nistp384").contains("384");
        String publicLine = run(env, "", "key", "public", "laptop").out().strip();
        assertThat(publicLine).startsWith("ssh-ed25519 AAAA").endsWith(" alice@laptop");

        Path passphrase = tmp.resolve("passphrase");
        Files.writeString(passphrase, "export phrase\n");
        env.put(KeyCommand.PASSPHRASE_FILE_ENV, passphrase.toString());
        Path exported = tmp.resolve("id_exported");
        Result export = run(env, "", "key", "export", "laptop", exported.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        String derived = sh("ssh-keygen", "-y", "-P", "export phrase", "-f", exported.toString());
        assertThat(derived.strip().split(" ")[1]).isEqualTo(publicLine.split(" ")[1]);
        assertThat(run(env, "", "key", "export", "laptop", exported.toString()).err()).contains("already exists");
    }

    @Test
    void keysMadeBySshKeygenAreImportedAndAWrongPassphraseSaysSo() throws Exception {
        Map<String, String> env = new HashMap<>(passwordFile("pw"));
        run(env, "", "vault", "init");
        Path key = tmp.resolve("id_rsa_pem");
        sh("ssh-keygen", "-q", "-t", "rsa", "-b", "3072", "-m", "PEM", "-N", "key phrase", "-C", "bob@server", "-f", key.toString());
        String fingerprint = sh("ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub").split(" ")[1];

        Path wrong = tmp.resolve("wrong");
        Files.writeString(wrong, "nope\n");
        env.put(KeyCommand.PASSPHRASE_FILE_ENV, wrong.toString());
        Result bad = run(env, "", "key", "import", key.toString());
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("Wrong passphrase for " + key);

        Path right = tmp.resolve("right");
        Files.writeString(right, "key phrase\n");
        env.put(KeyCommand.PASSPHRASE_FILE_ENV, right.toString());
        Result ok = run(env, "", "key", "import", key.toString(), "--name", "bob");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("Imported bob (ssh-rsa, 3072 bits)").contains(fingerprint);
        assertThat(run(env, "", "key", "list").out()).contains(fingerprint).contains("bob@server");

        Result notAKey = run(env, "", "key", "import", right.toString());
        assertThat(notAKey.exit()).isEqualTo(1);
        assertThat(notAKey.err()).contains("is not a private key Keyport can read");
        assertThat(run(env, "", "key", "import", tmp.resolve("absent").toString()).err()).contains("There is no file");

        // a host can log in with a vault key
        assertThat(run(env, "", "host", "add", "srv", "bob@srv.example", "--key", "bob").exit()).isZero();
        assertThat(run(env, "", "host", "list").out()).contains("key bob");
    }

    static String sh(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aScrollbackOutOfRangeIsRefusedBeforeAnyWindowOpens() {
        Result tooBig = run(Map.of(), "", "--scrollback", "250000");
        assertThat(tooBig.exit()).isEqualTo(2);
        assertThat(tooBig.err()).contains("--scrollback must be between 0 and 100000 lines, not 250000");
    }
}
