package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import dev.keyport.app.Main;
import dev.keyport.app.services.MasterPasswordInput;
import dev.keyport.vault.Vault;
import dev.keyport.vault.crypto.KdfParameters;

/**
 * The command line as main() runs it (its own stdout/stderr writers, its error handler) against bad
 * input: every command answers with words, never a stack trace, an exception's class name, SQL
 * text or a raw control character; files without end are refused by size; the vault lock is
 * waited for and its holder named; backups are listed and restored.
 */
class CliHardeningTest {

    /** What must never reach a person's terminal. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |Caused by|SQL statement|\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\b(java|javax|org|com|sun)\\.[a-z]+\\.|\\[\\d{5}-\\d{3}]");
    private static final String ESC_NAME = "evil\u001b]0;pwned\u0007\u001b[2J";
    private static final List<String> CORPUS = List.of("", "a".repeat(10_000), ESC_NAME, "line\nforged row", "/dev/zero",
            "@h11", "u@[::1]:99999", "../../etc/passwd");

    @TempDir
    Path tmp;
    private Map<String, String> env;

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void vault() throws Exception {
        Path pw = tmp.resolve("pw.txt");
        Files.writeString(pw, "hardening pw\n");
        env = new HashMap<>(Map.of(MasterPasswordInput.FILE_ENV, pw.toString(), "KEYPORT_DATA_DIR", tmp.resolve("vault").toString()));
        assertThat(run(env, "vault", "init").exit()).isZero();
        assertThat(run(env, "host", "add", "web", "www@web.example").exit()).isZero();
    }

    /** Runs {@code keyport args} as main() builds it, with System.out and System.err captured too. */
    static Result run(Map<String, String> env, String... args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setOut(o);
        System.setErr(e);
        try {
            MasterPasswordInput input = new MasterPasswordInput(env, null, new ByteArrayInputStream(new byte[0]));
            CommandLine cli = Main.commandLine(new Main(new CliEnvironment(env, input, Optional.of(KdfParameters.FLOOR))),
                    new CommandLine.IFactory() {
                        @Override
                        public <K> K create(Class<K> cls) throws Exception {
                            if (cls == SshCommand.class) {
                                return cls.cast(new SshCommand(env, new ByteArrayInputStream(new byte[0]), o, e, null));
                            }
                            return CommandLine.defaultFactory().create(cls);
                        }
                    }, false);
            cli.setOut(Display.terminalWriter(o));
            cli.setErr(Display.terminalWriter(e));
            int exit = cli.execute(args);
            cli.getOut().flush();
            cli.getErr().flush();
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    private static void assertClean(Result result, List<String> args) {
        String shown = String.join(" ", args).replace("\u001b", "\\e").replace("\n", "\\n");
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        assertThat(INTERNALS.matcher(result.all()).find()).as("internals shown by keyport %s:%n%s", shown, result.all()).isFalse();
        assertThat(result.all()).as("raw control characters from keyport %s", shown).doesNotContain("\u001b").doesNotContain("\u0007");
        if (result.exit() != 0) {
            assertThat(result.err()).as("a failure of keyport %s says something", shown).isNotBlank();
        }
    }

    /** Every command that does not start the window, with its words ("host add"). */
    private static List<CommandSpec> leaves(CommandSpec spec) {
        List<CommandSpec> leaves = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            if (sub.getSubcommands().isEmpty()) {
                if (!leaves.contains(sub.getCommandSpec())) {
                    leaves.add(sub.getCommandSpec());
                }
            } else {
                leaves.addAll(leaves(sub.getCommandSpec()));
            }
        }
        return leaves;
    }

    private static List<String> words(CommandSpec spec) {
        List<String> words = new ArrayList<>(List.of(spec.qualifiedName(" ").split(" ")));
        words.remove(0);
        return words;
    }

    @Test
    void everyCommandAnswersBadInputWithWordsNeverInternals() {
        List<CommandSpec> commands = leaves(new CommandLine(new Main()).getCommandSpec());
        assertThat(commands).extracting(c -> c.qualifiedName(" ")).contains("keyport host add", "keyport key import",
                "keyport vault restore", "keyport ssh", "keyport tunnel up", "keyport import");
        int runs = 0;
        for (CommandSpec command : commands) {
            int positionals = command.positionalParameters().size();
            for (String bad : CORPUS) {
                List<String> args = new ArrayList<>(words(command));
                for (int i = 0; i < Math.max(1, positionals); i++) {
                    args.add(bad);
                }
                if (command.name().equals("ssh") || command.name().equals("connect")) {
                    args.addAll(List.of("--", "true"));
                }
                assertClean(run(env, args.toArray(String[]::new)), args);
                runs++;
            }
            for (OptionSpec option : command.options()) {
                if (option.usageHelp() || option.versionHelp() || option.arity().max() == 0) {
                    continue;
                }
                boolean file = option.paramLabel().contains("FILE") || option.paramLabel().equals("F") || option.paramLabel().equals("DIR");
                for (String bad : file ? List.of(ESC_NAME, "/dev/zero") : List.of(ESC_NAME)) {
                    List<String> args = new ArrayList<>(words(command));
                    args.add(option.longestName());
                    // a relative path would make files in the build's working directory: keep them in the temp folder
                    args.add(bad.startsWith("/") ? bad : tmp.resolve(bad).toString());
                    for (int i = 0; i < positionals; i++) {
                        args.add(command.name().equals("ssh") ? "127.0.0.1:1" : "web");
                    }
                    if (command.name().equals("ssh") || command.name().equals("connect")) {
                        args.addAll(List.of("--", "true"));
                    }
                    assertClean(run(env, args.toArray(String[]::new)), args);
                    runs++;
                }
            }
        }
        System.out.println("Ran " + runs + " bad command lines over " + commands.size() + " commands");
        // and with a secret file that never ends
        Map<String, String> endless = new HashMap<>(env);
        endless.put(MasterPasswordInput.FILE_ENV, "/dev/zero");
        for (CommandSpec command : commands) {
            List<String> args = words(command);
            assertClean(run(endless, args.toArray(String[]::new)), args);
        }
    }

    @Test
    void filesThatNeverEndAreRefusedBySizeWithTheLimitInTheMessage() throws Exception {
        Result key = run(env, "key", "import", "/dev/zero");
        assertThat(key.err()).isEqualTo("keyport: /dev/zero is too large for a key (limit 1 MiB)" + System.lineSeparator());

        Result identity = run(env, "ssh", "-i", "/dev/zero", "-o", "BatchMode=yes", "127.0.0.1:1", "--", "true");
        assertThat(identity.err()).contains("keyport: /dev/zero is too large for a key (limit 1 MiB)");

        Map<String, String> endless = new HashMap<>(env);
        endless.put(MasterPasswordInput.FILE_ENV, "/dev/zero");
        assertThat(run(endless, "host", "list").err()).contains("/dev/zero is too large for a password file (limit 64 KiB)");
        endless.put(SshCommand.PASSWORD_FILE_ENV, "/dev/zero");
        assertThat(run(endless, "ssh", "-o", "BatchMode=yes", "127.0.0.1:1", "--", "true").err())
                .contains("/dev/zero is too large for a password file (limit 64 KiB)");

        Result longName = run(env, "host", "add", "n".repeat(10_000), "web.example");
        assertThat(longName.err()).contains("Name is too long (10000 characters; the limit is 200)");
        assertClean(longName, List.of("host add"));
    }

    @Test
    void aHeaderAskingForMoreMemoryThanKeyportWritesIsRefusedBeforeDeriving() throws Exception {
        Path header = tmp.resolve("vault").resolve("vault.header");
        Files.writeString(header, Files.readString(header).replaceAll("memory-kib \\d+", "memory-kib 4194304"));
        Result result = run(env, "host", "list");
        assertThat(result.err()).contains("above what Keyport ever writes (at most 256 MiB, t=40, p=4)");
        assertClean(result, List.of("host list"));
    }

    /** An IPv6 address is printed in brackets, so that its port cannot be read as part of it, and reads back the same. */
    @Test
    void anIpv6TargetIsPrintedInBracketsAsItIsTyped() {
        Result added = run(env, "host", "add", "v6", "u@[::1]:2222");
        assertThat(added.out()).contains("Saved v6 (u@[::1]:2222, id ");
        assertThat(run(env, "host", "list").out()).contains("u@[::1]:2222").doesNotContain("u@::1:2222");
    }

    @Test
    void keyCommentsAndOtherOutsideTextAreShownWithControlCharactersVisible() throws Exception {
        Result generated = run(env, "key", "generate", "--comment", "alice\u001b]0;owned\u0007@laptop", "--name", "laptop");
        assertThat(generated.exit()).as(generated.err()).isZero();
        Result list = run(env, "key", "list");
        assertThat(list.out()).contains("alice\\e]0;owned^G@laptop").doesNotContain("\u001b");
        assertThat(run(env, "key", "public", "laptop").out()).contains("alice\\e]0;owned^G@laptop");
        // a name with control characters never gets in
        Result badName = run(env, "host", "add", "evil\u001b[2Jname", "web.example");
        assertThat(badName.exit()).isEqualTo(1);
        assertThat(badName.err()).contains("cannot contain control characters").doesNotContain("\u001b");
        // text from a file: a .pub comment that tries to set the window title
        Path key = tmp.resolve("id_test");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "bob\u001b]2;x\u0007", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertThat(keygen.waitFor()).isZero();
        Result imported = run(env, "key", "import", key.toString(), "--name", "bob");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(run(env, "key", "list").out()).contains("bob\\e]2;x^G").doesNotContain("\u001b");
    }

    @Test
    void aCommandWaitsForTheVaultThenSaysWhichProcessHoldsIt() throws Exception {
        try (Vault held = Vault.unlock(tmp.resolve("vault"), "hardening pw".toCharArray(), Duration.ZERO, "keyport tunnel up")) {
            Result result = run(env, "host", "list");
            assertThat(result.exit()).isEqualTo(1);
            assertThat(result.err()).contains("is in use by keyport tunnel up (process " + ProcessHandle.current().pid())
                    .contains("Waited 5 s");
        }
        assertThat(run(env, "host", "list").exit()).isZero();
    }

    @Test
    void backupsAreListedAndOneIsRestoredWithTheCurrentVaultKeptAside() throws Exception {
        Result backups = run(env, "vault", "backups");
        assertThat(backups.out()).contains("BACKUP").contains("first change of the day");
        String daily = backups.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0];
        assertThat(run(env, "host", "add", "later", "later.example").exit()).isZero();

        Result unconfirmed = run(env, "vault", "restore", daily);
        assertThat(unconfirmed.exit()).isEqualTo(1);
        assertThat(unconfirmed.err()).contains("Add --yes");

        Result restored = run(env, "vault", "restore", daily, "--yes");
        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("Restored " + daily).contains("is kept as backup").contains("before-restore");
        assertThat(run(env, "host", "list").out()).doesNotContain("later").doesNotContain("web.example");
        assertThat(run(env, "vault", "restore", "nope", "--yes").err()).contains("There is no backup nope");
    }

    @Test
    void aDataFolderWithTheDatabaseButNoHeaderSaysSo() throws Exception {
        Files.delete(tmp.resolve("vault").resolve("vault.header"));
        Result result = run(env, "host", "list");
        assertThat(result.err()).contains("holds a vault database").contains("header (vault.header) is missing")
                .doesNotContain("Create one with");
    }
}
