package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoPlaintextOnDiskTest {

    private static final String PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
            + "QyNTUxOQAAACBKnownPrivateKeyMaterialForTheScanTestOnlyAAAAAAAAAAAAAAAA\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";
    private static final String PASSWORD = "Hunter2-correct-horse-battery";
    private static final String PASSPHRASE = "passphrase-of-the-known-key-42";
    private static final String IDENTITY_PASSWORD = "identity-password-xyzzy-77";

    @TempDir
    Path dir;

    @Test
    void noSecretIsOnDiskInPlainTextBase64OrHexAfterLocking() throws Exception {
        // every log line the vault writes, at the most verbose level, is scanned too
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.keyport");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        ch.qos.logback.classic.Level before = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.TRACE);
        try (Vault vault = TestVaults.create(dir, "master password for the scan")) {
            Host host = Host.create("scan.example", "192.0.2.10", 22, "alice", new HostAuth.SavedPassword());
            vault.hosts().save(host);
            vault.hosts().savePassword(host.id(), PASSWORD.toCharArray());
            KeyEntry key = new KeyEntry(UUID.randomUUID(), "scan key", "ssh-ed25519", 256, "SHA256:abc",
                    "ssh-ed25519 AAAA scan", "scan", Instant.now());
            vault.keys().save(key, PRIVATE_KEY.getBytes(StandardCharsets.UTF_8), PASSPHRASE.toCharArray());
            Identity identity = Identity.create("ops", "ops", key.id());
            vault.identities().save(identity, IDENTITY_PASSWORD.toCharArray());
            // written and read back: the vault works, so the scan below is not vacuous
            assertThat(new String(vault.keys().privateKey(key.id()), StandardCharsets.UTF_8)).isEqualTo(PRIVATE_KEY);
            assertThat(vault.keys().passphrase(key.id())).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo(PASSPHRASE));
            assertThat(new String(vault.identities().password(identity.id()).orElseThrow())).isEqualTo(IDENTITY_PASSWORD);
            // a public, non-secret value is written too: the scanner must be able to find plaintext at all
            vault.settings().put("canary", "plain-canary-value");
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(before);
        }
        assertThat(logs.list).isNotEmpty();
        for (var event : logs.list) {
            for (String secret : List.of(PASSWORD, PASSPHRASE, IDENTITY_PASSWORD, "KnownPrivateKeyMaterial", "master password for the scan")) {
                assertThat(event.getFormattedMessage()).doesNotContain(secret);
            }
        }
        Map<String, byte[]> files = VaultLifecycleTest.snapshot(dir);
        assertThat(files).containsKeys("vault.mv.db", "vault.header");

        // what H2 itself would write as a trace file must not exist
        assertThat(files.keySet()).noneMatch(name -> name.endsWith(".trace.db"));
        List<String> secrets = List.of(PASSWORD, PASSPHRASE, IDENTITY_PASSWORD, "KnownPrivateKeyMaterialForTheScanTestOnly",
                "master password for the scan");
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            for (String secret : secrets) {
                for (byte[] needle : encodings(secret)) {
                    if (indexOf(file.getValue(), needle) >= 0) {
                        found.add(file.getKey() + " contains " + secret.substring(0, 6) + "...");
                    }
                }
            }
            // even the non-secret canary is encrypted by H2's file cipher
            assertThat(indexOf(file.getValue(), "plain-canary-value".getBytes(StandardCharsets.UTF_8))).isNegative();
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theScannerFindsPlaintextWhenItIsThere() {
        byte[] hay = ("xx" + Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8)) + "yy")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(encodings(PASSWORD).stream().anyMatch(n -> indexOf(hay, n) >= 0)).isTrue();
    }

    /** UTF-8, UTF-16 (H2 strings), base64 (three alignments) and hex (both cases) of the secret. */
    static List<byte[]> encodings(String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        List<byte[]> out = new ArrayList<>();
        out.add(utf8);
        out.add(secret.getBytes(StandardCharsets.UTF_16BE));
        out.add(secret.getBytes(StandardCharsets.UTF_16LE));
        out.add(HexFormat.of().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        out.add(HexFormat.of().withUpperCase().formatHex(utf8).getBytes(StandardCharsets.US_ASCII));
        for (int shift = 0; shift < 3; shift++) {
            byte[] padded = new byte[utf8.length + shift];
            System.arraycopy(utf8, 0, padded, shift, utf8.length);
            String b64 = Base64.getEncoder().encodeToString(padded);
            // drop the characters that depend on the unknown neighbours at both ends
            int skip = shift == 0 ? 0 : (shift * 4 + 2) / 3 + 1;
            String core = b64.substring(Math.min(skip, b64.length()), Math.max(skip, b64.length() - 4));
            if (core.length() >= 12) {
                out.add(core.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
