package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void aWriterInAnotherProcessLocksOthersOutAndKilledWithSigkillLeavesAConsistentVaultWithEveryAcknowledgedWrite() throws Exception {
        TestVaults.create(dir, "crash pw").close();
        Path passwordFile = dir.resolve("pw.txt");
        Files.writeString(passwordFile, "crash pw");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(),
                dir.toString(), passwordFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<UUID> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            // a generous cap only: on a loaded machine the writes are slow, and the test waits for them
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(UUID.fromString(line.split(" ")[1]));
                    if (acknowledged.size() == 20) {
                        // another process holds it: a second Keyport gets a clear message, not a corrupted file
                        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestVaults.unlock(dir, "crash pw"))
                                .hasMessageContaining("already open in another Keyport window");
                    }
                    if (acknowledged.size() >= 200) {
                        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no H2 close
                        break;
                    }
                }
            }
            // killed here in any case: a writer left running would keep the pipe below open forever
            child.destroyForcibly();
            // lines already printed but not read yet were acknowledged as well
            child.waitFor(10, TimeUnit.SECONDS);
            try {
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ") && line.split(" ").length == 3) {
                        acknowledged.add(UUID.fromString(line.split(" ")[1]));
                    }
                }
            } catch (java.io.IOException closedAfterExit) {
                // the JDK may close the pipe once the process is reaped; the acks read so far suffice
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);

        try (Vault vault = TestVaults.unlock(dir, "crash pw")) {
            Map<UUID, Host> hosts = vault.hosts().list().stream().collect(Collectors.toMap(Host::id, Function.identity()));
            assertThat(hosts.keySet()).containsAll(acknowledged);
            for (UUID id : acknowledged) {
                String index = hosts.get(id).name().substring("crash-".length());
                assertThat(vault.hosts().password(id)).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("pw-" + index));
            }
            // and the vault still takes writes
            vault.hosts().save(Host.create("after", "192.0.2.1", 22, "root", new HostAuth.Password()));
        }
    }
}
