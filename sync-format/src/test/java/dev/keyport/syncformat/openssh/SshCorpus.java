package dev.keyport.syncformat.openssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The committed ssh_config corpus, copied where a test wants it, and the real {@code ssh -G} to compare with. */
final class SshCorpus {

    static final List<String> FILES = List.of("config", "conf.d/10-early.conf", "conf.d/20-late.conf", "work/a.conf");

    private SshCorpus() {
    }

    /** Copies the corpus into {@code dir}, with @CORPUS@ replaced by that folder; returns the main file. */
    static Path copyTo(Path dir) throws IOException {
        for (String name : FILES) {
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.writeString(target, resource("/ssh-config/" + name).replace("@CORPUS@", dir.toAbsolutePath().toString()));
        }
        return dir.resolve("config");
    }

    static String resource(String name) {
        try (InputStream in = SshCorpus.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether an OpenSSH client is on the PATH. */
    static boolean sshAvailable() {
        try {
            Process process = new ProcessBuilder("ssh", "-V").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The lines {@code ssh -G -F config alias} prints. */
    static List<String> sshG(Path config, String alias) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ssh", "-G", "-F", config.toString(), alias)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ssh -G " + alias + " failed");
        }
        return new ArrayList<>(out.lines().toList());
    }
}
