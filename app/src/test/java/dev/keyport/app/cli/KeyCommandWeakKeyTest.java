package dev.keyport.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.KeyFixtures;
import dev.keyport.app.services.MasterPasswordInput;

/** {@code keyport key import} warns about an old key type or size, and {@code key list} marks it weak. */
class KeyCommandWeakKeyTest {

    @TempDir
    Path tmp;

    @Test
    void aDsaKeyAndAnRsa1024KeyImportWithAWarningAndAreListedAsWeak() throws Exception {
        Path password = tmp.resolve("pw");
        Files.writeString(password, "weak keys master pw\n");
        Map<String, String> env = new HashMap<>(Map.of(MasterPasswordInput.FILE_ENV, password.toString(),
                "KEYPORT_DATA_DIR", tmp.resolve("data").toString()));
        assertThat(CliTest.execute(env, "", "vault", "init").exit()).isZero();
        Path dsa = KeyFixtures.make(tmp.resolve("keys"), "dsa", "openssh", false);
        Path rsa = KeyFixtures.make(tmp.resolve("keys"), "rsa-1024", "pem", false);
        Path good = KeyFixtures.make(tmp.resolve("keys"), "ed25519", "openssh", false);

        CliTest.Result dsaImport = CliTest.execute(env, "", "key", "import", dsa.toString(), "--name", "old-dsa");
        CliTest.Result rsaImport = CliTest.execute(env, "", "key", "import", rsa.toString(), "--name", "old-rsa");
        CliTest.Result goodImport = CliTest.execute(env, "", "key", "import", good.toString(), "--name", "fine");

        assertThat(dsaImport.exit()).as(dsaImport.err()).isZero();
        assertThat(dsaImport.err()).contains("Warning: Weak: DSA keys are limited to 1024 bits and SHA-1");
        assertThat(rsaImport.exit()).as(rsaImport.err()).isZero();
        assertThat(rsaImport.err()).contains("Warning: Weak: RSA keys under 2048 bits (this one has 1024) can be broken.");
        assertThat(goodImport.err()).doesNotContain("Weak");
        String list = CliTest.execute(env, "", "key", "list").out();
        assertThat(list.lines().filter(l -> l.startsWith("old-dsa"))).singleElement().asString().contains("ssh-dss (weak)");
        assertThat(list.lines().filter(l -> l.startsWith("old-rsa"))).singleElement().asString().contains("ssh-rsa (weak)");
        assertThat(list.lines().filter(l -> l.startsWith("fine"))).singleElement().asString().doesNotContain("weak");
    }
}
