package dev.keyport.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.keyport.app.services.KeyService;
import dev.keyport.app.services.BoundedFile;
import dev.keyport.app.services.KeyStorage;
import dev.keyport.terminal.keys.DecodedKey;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodec;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.vault.KeyEntry;
import dev.keyport.vault.Vault;
import dev.keyport.vault.VaultException;

/** {@code keyport key generate|import|list|public|export}. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Generate, import, list and show SSH keys kept in the vault.",
        subcommands = {KeyCommand.Generate.class, KeyCommand.Import.class, KeyCommand.ListKeys.class, KeyCommand.Public.class,
                KeyCommand.Export.class})
public final class KeyCommand {

    /** Where a key passphrase comes from when not typed. */
    public static final String PASSPHRASE_FILE_ENV = "KEYPORT_KEY_PASSPHRASE_FILE";

    @Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate a key pair and keep it in the vault.")
    static final class Generate extends VaultBoundCommand {
        @Option(names = {"-t", "--type"}, defaultValue = "ed25519",
                description = "ed25519 (default), ecdsa-256, ecdsa-384, rsa-3072 or rsa-4096")
        String type;
        @Option(names = {"-C", "--comment"}, description = "Comment kept with the public key")
        String comment;
        @Option(names = {"-n", "--name"}, description = "What you call the key (default: the comment or the type)")
        String name;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                KeyAlgorithm algorithm = KeyAlgorithm.parse(type);
                return Cli.withVault(spec, env, common, (vault, out) -> {
                    DecodedKey key = KeyCodec.generate(algorithm, comment);
                    KeyEntry entry = store(vault, key, name != null ? name : comment != null ? comment : type.toLowerCase(Locale.ROOT));
                    print(out, "Generated", entry);
                    return 0;
                });
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a private key file (OpenSSH, PEM PKCS#1, PKCS#8, PuTTY PPK; encrypted too)."
            + " A passphrase comes from the file in " + PASSPHRASE_FILE_ENV + ", the terminal, or standard input.")
    static final class Import extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "The private key file")
        Path file;
        @Option(names = {"-n", "--name"}, description = "What you call the key (default: the file name)")
        String name;
        @Option(names = {"-C", "--comment"}, description = "Comment (default: from FILE.pub if there, else the file name)")
        String comment;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                byte[] material;
                try {
                    material = BoundedFile.read(file, BoundedFile.KEY);
                } catch (NoSuchFileException e) {
                    throw new IOException("There is no file " + file + ".");
                }
                String keyComment = comment != null ? comment : commentFromPublicKeyFile(file);
                try {
                    return Cli.withVault(spec, env, common, (vault, out) -> {
                        DecodedKey key = KeyCodec.read(material, file.toString(), keyComment, source -> {
                            try {
                                return env.passwords().secret(PASSPHRASE_FILE_ENV, "Passphrase for " + source, false);
                            } catch (IOException e) {
                                return null;
                            }
                        });
                        KeyEntry entry = store(vault, key, name != null ? name : file.getFileName().toString());
                        print(out, "Imported", entry);
                        KeyService.weakness(entry.type(), entry.bits()).ifPresent(w -> spec.commandLine().getErr().println("Warning: " + w));
                        return 0;
                    });
                } finally {
                    Arrays.fill(material, (byte) 0);
                }
            });
        }

        private static String commentFromPublicKeyFile(Path file) {
            try {
                Path pub = file.resolveSibling(file.getFileName() + ".pub");
                String[] parts = new String(BoundedFile.read(pub, BoundedFile.KEY), java.nio.charset.StandardCharsets.UTF_8)
                        .strip().split(" ", 3);
                return parts.length == 3 ? parts[2] : file.getFileName().toString();
            } catch (IOException e) {
                return file.getFileName().toString();
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys in the vault: type (weak keys marked), bits, SHA256 fingerprint, comment.")
    static final class ListKeys extends VaultBoundCommand {

        @Override
        public Integer call() {
            return Cli.withVault(spec, common, (vault, out) -> {
                Table.list(out, vault.keys().list(), "No keys yet. Make one with: keyport key generate",
                        new String[] {"NAME", "TYPE", "BITS", "FINGERPRINT", "COMMENT"}, k -> new String[] {k.name(),
                                k.type() + (KeyService.weakness(k.type(), k.bits()).isPresent() ? " (weak)" : ""),
                                String.valueOf(k.bits()), k.fingerprint(), k.comment().isEmpty() ? "-" : k.comment()});
                return 0;
            });
        }
    }

    @Command(name = "public", mixinStandardHelpOptions = true, description = "Print a key's public half as an authorized_keys line.")
    static final class Public extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "KEY", description = "Name or id")
        String which;

        @Override
        public Integer call() {
            return Cli.withVault(spec, common, (vault, out) -> {
                out.println(Display.escape(findKey(vault, which).publicKey()));
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a key's private half as an OpenSSH file under a passphrase"
            + " (from " + PASSPHRASE_FILE_ENV + ", the terminal, or standard input).")
    static final class Export extends VaultBoundCommand {
        @Parameters(index = "0", paramLabel = "KEY", description = "Name or id")
        String which;
        @Parameters(index = "1", paramLabel = "FILE", description = "Where to write it (must not exist)")
        Path file;

        @Override
        public Integer call() {
            return Cli.run(spec, env -> {
                if (Files.exists(file)) {
                    throw new IOException(file + " already exists; Keyport does not overwrite key files.");
                }
                return Cli.withVault(spec, env, common, (vault, out) -> {
                    KeyEntry entry = findKey(vault, which);
                    byte[] stored = vault.keys().privateKey(entry.id());
                    char[] passphrase = env.passwords().secret(PASSPHRASE_FILE_ENV, "Passphrase for the exported key", true);
                    try {
                        DecodedKey key = KeyCodec.read(stored, entry.name(), entry.comment(), KeyCodec.NO_PASSPHRASE);
                        byte[] written = KeyCodec.writeOpenSsh(key, passphrase);
                        Files.write(file, written, java.nio.file.StandardOpenOption.CREATE_NEW);
                        try {
                            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                        } catch (UnsupportedOperationException ignored) {
                            // not a POSIX file system
                        }
                        Arrays.fill(written, (byte) 0);
                    } finally {
                        Arrays.fill(stored, (byte) 0);
                        Arrays.fill(passphrase, '\0');
                    }
                    out.println(Display.escape("Exported " + entry.name() + " to " + file));
                    return 0;
                });
            });
        }
    }

    /** Stores a key as an unencrypted OpenSSH file (the vault encrypts it per field). */
    static KeyEntry store(Vault vault, DecodedKey key, String name) throws VaultException, KeyCodecException {
        return KeyStorage.store(vault.keys(), key, name);
    }

    static KeyEntry findKey(Vault vault, String which) throws VaultException {
        List<KeyEntry> keys = vault.keys().list();
        for (KeyEntry k : keys) {
            if (k.id().toString().equalsIgnoreCase(which)) {
                return k;
            }
        }
        List<KeyEntry> named = keys.stream().filter(k -> k.name().equalsIgnoreCase(which)).toList();
        if (named.isEmpty()) {
            throw new VaultException("There is no key called " + which + ". See: keyport key list");
        }
        if (named.size() > 1) {
            throw new VaultException(named.size() + " keys are called " + which + "; name one by id: "
                    + named.stream().map(k -> k.id().toString()).collect(Collectors.joining(", ")));
        }
        return named.get(0);
    }

    private static void print(PrintWriter out, String verb, KeyEntry entry) {
        out.println(Display.escape(verb + " " + entry.name() + " (" + entry.type() + ", " + entry.bits() + " bits)"));
        out.println("Fingerprint: " + Display.escape(entry.fingerprint()));
        out.println("Public key:  " + Display.escape(entry.publicKey()));
    }
}
