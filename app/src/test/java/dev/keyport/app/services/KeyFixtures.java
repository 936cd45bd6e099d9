package dev.keyport.app.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.keyport.terminal.testing.OpenSshServer;

/** Key files made by the real ssh-keygen and puttygen, for import tests. */
public final class KeyFixtures {

    public static final String PASSPHRASE = "right key passphrase";

    private KeyFixtures() {
    }

    /**
     * A private key file.
     *
     * @param type   "ed25519", "ecdsa", "rsa-2048", "rsa-1024", "dsa"
     * @param format "openssh", "pem", "pkcs8", "ppk"
     */
    public static Path make(Path dir, String type, String format, boolean encrypted) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String[] t = type.split("-");
        Path key = dir.resolve(type + "-" + format + (encrypted ? "-enc" : ""));
        if (format.equals("ppk")) {
            Path pass = dir.resolve(key.getFileName() + ".pass");
            Files.writeString(pass, encrypted ? PASSPHRASE + "\n" : "\n");
            List<String> cmd = new ArrayList<>(List.of("puttygen", "-t", t[0], "-o", key.toString(), "-C", key.getFileName().toString(),
                    "--new-passphrase", pass.toString()));
            if (t.length > 1) {
                cmd.addAll(List.of("-b", t[1]));
            }
            OpenSshServer.run(cmd.toArray(String[]::new));
            OpenSshServer.run("puttygen", key.toString(), "--old-passphrase", pass.toString(), "-O", "public-openssh", "-o", key + ".pub");
            return key;
        }
        List<String> cmd = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", t[0], "-N", encrypted ? PASSPHRASE : "",
                "-C", key.getFileName().toString(), "-f", key.toString()));
        if (t.length > 1) {
            cmd.addAll(List.of("-b", t[1]));
        }
        if (!format.equals("openssh")) {
            cmd.addAll(List.of("-m", format.equals("pem") ? "PEM" : "PKCS8"));
        }
        OpenSshServer.run(cmd.toArray(String[]::new));
        return key;
    }

    /** The SHA256 fingerprint ssh-keygen prints for a public key file. */
    public static String fingerprint(Path publicKey) throws IOException, InterruptedException {
        return OpenSshServer.run("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()).split(" ")[1];
    }
}
