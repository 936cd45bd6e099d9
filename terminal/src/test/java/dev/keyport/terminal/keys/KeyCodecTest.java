package dev.keyport.terminal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Against the real OpenSSH {@code ssh-keygen}. */
class KeyCodecTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"ED25519", "ECDSA_P256", "ECDSA_P384", "RSA_3072"})
    void keysWrittenByKeyportUnderAPassphraseAreReadBySshKeygen(KeyAlgorithm algorithm) throws Exception {
        DecodedKey key = KeyCodec.generate(algorithm, "alice@laptop");
        Path file = dir.resolve("id");
        Files.write(file, KeyCodec.writeOpenSsh(key, "pass phrase 1".toCharArray()));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        String publicKey = run("ssh-keygen", "-y", "-P", "pass phrase 1", "-f", file.toString());
        assertThat(publicKey.strip()).startsWith(key.info().authorizedKey().split(" ")[0] + " " + key.info().authorizedKey().split(" ")[1]);
        assertThat(key.info().fingerprint()).startsWith("SHA256:");
        assertThat(key.info().bits()).isEqualTo(algorithm.bits);
        // and the fingerprint is the one ssh-keygen computes
        Files.writeString(dir.resolve("id.pub"), key.info().authorizedKey() + "\n");
        assertThat(run("ssh-keygen", "-l", "-E", "sha256", "-f", dir.resolve("id.pub").toString())).contains(key.info().fingerprint());
    }

    @Test
    void anUnencryptedKeyWrittenByKeyportIsReadBySshKeygenAndReadBack() throws Exception {
        DecodedKey key = KeyCodec.generate(KeyAlgorithm.ED25519, "plain");
        byte[] bytes = KeyCodec.writeOpenSsh(key, null);
        Path file = dir.resolve("plain");
        Files.write(file, bytes);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(run("ssh-keygen", "-y", "-f", file.toString())).contains(key.info().authorizedKey().split(" ")[1]);
        assertThat(KeyCodec.read(bytes, "plain", "plain", KeyCodec.NO_PASSPHRASE).info().fingerprint()).isEqualTo(key.info().fingerprint());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ed25519,,", "ecdsa,256,", "rsa,3072,", "rsa,2048,PEM", "rsa,2048,PKCS8", "ecdsa,384,PKCS8"})
    void keysMadeBySshKeygenAreImportedWithTheirPassphrase(String type, String bits, String format) throws Exception {
        Path file = dir.resolve("k");
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "secret words", "-C", "made-by-ssh-keygen", "-f", file.toString()));
        if (bits != null) {
            cmd.addAll(List.of("-b", bits));
        }
        if (format != null) {
            cmd.addAll(List.of("-m", format));
        }
        run(cmd.toArray(String[]::new));
        String expected = run("ssh-keygen", "-l", "-E", "sha256", "-f", file + ".pub").split(" ")[1];
        byte[] material = Files.readAllBytes(file);

        DecodedKey key = KeyCodec.read(material, "k", "made-by-ssh-keygen", source -> "secret words".toCharArray());
        assertThat(key.info().fingerprint()).isEqualTo(expected);

        assertThatThrownBy(() -> KeyCodec.read(material, "k", "", source -> "not the passphrase".toCharArray()))
                .isInstanceOfSatisfying(KeyCodecException.class, e -> assertThat(e.reason()).isEqualTo(KeyCodecException.Reason.WRONG_PASSPHRASE))
                .hasMessage("Wrong passphrase for k.");
        assertThatThrownBy(() -> KeyCodec.read(material, "k", "", KeyCodec.NO_PASSPHRASE))
                .isInstanceOfSatisfying(KeyCodecException.class, e -> assertThat(e.reason()).isEqualTo(KeyCodecException.Reason.PASSPHRASE_NEEDED));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ed25519,2", "ed25519,3", "rsa,3", "ecdsa,3"})
    void puttyKeysMadeByPuttygenAreImportedWithTheirPassphrase(String type, int version) throws Exception {
        Path ppk = dir.resolve("k.ppk");
        Path pass = dir.resolve("pass");
        Files.writeString(pass, "putty phrase\n");
        List<String> gen = new ArrayList<>(List.of("puttygen", "-t", type, "-C", "putty-key", "-o", ppk.toString(),
                "--new-passphrase", pass.toString(), "--ppk-param", "version=" + version));
        if (type.equals("rsa")) {
            gen.addAll(List.of("-b", "2048"));
        }
        run(gen.toArray(String[]::new));
        Path openSshPub = dir.resolve("k.pub");
        run("puttygen", ppk.toString(), "--old-passphrase", pass.toString(), "-O", "public-openssh", "-o", openSshPub.toString());
        String expected = run("ssh-keygen", "-l", "-E", "sha256", "-f", openSshPub.toString()).split(" ")[1];
        byte[] material = Files.readAllBytes(ppk);

        assertThat(KeyCodec.read(material, "k.ppk", "putty-key", s -> "putty phrase".toCharArray()).info().fingerprint()).isEqualTo(expected);
        assertThatThrownBy(() -> KeyCodec.read(material, "k.ppk", "", s -> "wrong".toCharArray()))
                .isInstanceOfSatisfying(KeyCodecException.class, e -> assertThat(e.reason()).isEqualTo(KeyCodecException.Reason.WRONG_PASSPHRASE));
    }

    @Test
    void somethingThatIsNotAKeySaysSo() {
        assertThatThrownBy(() -> KeyCodec.read("hello".getBytes(StandardCharsets.UTF_8), "notes.txt", "", KeyCodec.NO_PASSPHRASE))
                .isInstanceOfSatisfying(KeyCodecException.class, e -> assertThat(e.reason()).isEqualTo(KeyCodecException.Reason.UNREADABLE))
                .hasMessageContaining("notes.txt is not a private key Keyport can read");
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
