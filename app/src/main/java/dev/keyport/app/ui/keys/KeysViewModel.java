package dev.keyport.app.ui.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.keyport.app.services.HostService;
import dev.keyport.app.services.InUseException;
import dev.keyport.app.services.KeyService;
import dev.keyport.terminal.SshFailure;
import dev.keyport.terminal.keys.KeyAlgorithm;
import dev.keyport.terminal.keys.KeyCodecException;
import dev.keyport.vault.Fields;
import dev.keyport.vault.Host;
import dev.keyport.vault.VaultException;

/**
 * The Keys page's state: the keys with where each is used, and one piece of work at a time
 * (generate, import, export, delete, install on a host) done on {@code background} with its outcome
 * posted to {@code ui}. An encrypted key being imported waits for its passphrase
 * ({@link #passphraseRequestProperty()}); a wrong one is said so and asked again.
 */
public final class KeysViewModel {

    /** A key being imported that waits for its passphrase; its bytes are wiped when it is done or dropped. */
    private record Pending(byte[] material, String source, String name, String comment) {
        void wipe() {
            Arrays.fill(material, (byte) 0);
        }
    }

    private final KeyService keys;
    private final HostService hosts;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<KeyRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Host> hostChoices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper passphraseRequest = new ReadOnlyStringWrapper("");
    private Pending pending;

    public KeysViewModel(KeyService keys, HostService hosts, Executor background, Executor ui) {
        this.keys = keys;
        this.hosts = hosts;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<KeyRow> rows() {
        return rows;
    }

    /** The saved hosts, for "install on a host". */
    public ObservableList<Host> hosts() {
        return hostChoices;
    }

    /** True while a piece of work runs; the page shows {@link #busyTextProperty()} with a progress indicator. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True once the keys were read at least once (until then the list says nothing about being empty). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** What the last piece of work did ("Generated …", "Copied …"). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A warning about what was just done (a weak key imported). */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** What went wrong and what to do next. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Not empty while a key being imported waits for its passphrase: the question to show. */
    public ReadOnlyStringProperty passphraseRequestProperty() {
        return passphraseRequest.getReadOnlyProperty();
    }

    /** Reads the keys and the saved hosts in the background. */
    public void reload() {
        background.execute(() -> {
            try {
                List<KeyRow> read = keys.list().stream().map(KeyRow::of).toList();
                List<Host> saved = hosts.list();
                ui.execute(() -> {
                    rows.setAll(read);
                    hostChoices.setAll(saved);
                    loaded.set(true);
                });
            } catch (VaultException | RuntimeException e) {
                ui.execute(() -> problem.set(e.getMessage()));
            }
        });
    }

    /** A plain label for a key type in the generate form. */
    public static String label(KeyAlgorithm algorithm) {
        switch (algorithm) {
            case ED25519:
                return "ED25519 (recommended)";
            case RSA_3072:
                return "RSA 3072";
            case RSA_4096:
                return "RSA 4096 (slow to generate)";
            case ECDSA_P256:
                return "ECDSA P-256";
            case ECDSA_P384:
                return "ECDSA P-384";
            default:
                return algorithm.name();
        }
    }

    /**
     * Generates a key in the background. An empty name becomes the type's; a passphrase (optional)
     * must be typed twice alike. Both arrays are wiped.
     *
     * @return false when the input was refused (the problem says why)
     */
    public boolean generate(KeyAlgorithm algorithm, String name, char[] passphrase, char[] repeat) {
        char[] chosen = passphrase == null ? new char[0] : passphrase.clone();
        boolean same = Arrays.equals(chosen, repeat == null ? new char[0] : repeat);
        wipe(passphrase);
        wipe(repeat);
        String keyName = name == null || name.isBlank() ? algorithm.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') : name.strip();
        Optional<String> nameProblem = Fields.checkName("Key name", keyName);
        if (nameProblem.isPresent() || !same) {
            wipe(chosen);
            clearMessages();
            problem.set(nameProblem.orElse("The two passphrases differ. Type the same passphrase twice, or leave both empty."));
            return false;
        }
        String slow = algorithm == KeyAlgorithm.RSA_4096 ? " (RSA 4096 can take several seconds)" : "";
        work("Generating " + label(algorithm).replace(" (recommended)", "").replace(" (slow to generate)", "") + " key " + keyName + "…" + slow,
                () -> {
                    var entry = keys.generate(algorithm, keyName, chosen);
                    return "Generated " + entry.name() + " (" + KeyRow.kind(entry.type(), entry.bits()) + ")"
                            + (chosen.length > 0 ? ", kept under its passphrase." : ".");
                }, () -> wipe(chosen));
        return true;
    }

    /** Imports a private key file (picked or dropped). */
    public void importFile(Path file) {
        clearMessages();
        dropPending();
        busy(true, "Reading " + file.getFileName() + "…");
        background.execute(() -> {
            byte[] material;
            try {
                material = KeyService.readKeyFile(file);
            } catch (IOException e) {
                ui.execute(() -> fail(e.getMessage()));
                return;
            }
            String comment = file.getFileName().toString();
            importPending(new Pending(material, file.toString(), file.getFileName().toString(), comment), null);
        });
    }

    /** Imports a private key pasted from the clipboard. */
    public void importText(String text) {
        clearMessages();
        dropPending();
        if (text == null || text.isBlank()) {
            problem.set("The clipboard holds no text. Copy a private key (it starts with -----BEGIN or PuTTY-User-Key-File) and try again.");
            return;
        }
        busy(true, "Reading the pasted key…");
        byte[] material = text.strip().concat("\n").getBytes(StandardCharsets.UTF_8);
        background.execute(() -> importPending(new Pending(material, "The pasted key", "pasted key", "pasted key"), null));
    }

    /** Tries the key waiting for its passphrase with {@code passphrase} (wiped). */
    public void submitPassphrase(char[] passphrase) {
        Pending waiting = pending;
        if (waiting == null) {
            wipe(passphrase);
            return;
        }
        clearMessages();
        busy(true, "Opening " + waiting.name() + "…");
        background.execute(() -> importPending(waiting, passphrase));
    }

    /** Gives up importing the key waiting for its passphrase. */
    public void cancelPassphrase() {
        dropPending();
        passphraseRequest.set("");
        status.set("Import cancelled.");
    }

    /** Runs on the background executor. */
    private void importPending(Pending waiting, char[] passphrase) {
        try {
            KeyService.Imported imported = keys.importKey(waiting.material(), waiting.source(), waiting.name(), waiting.comment(), passphrase);
            waiting.wipe();
            List<KeyRow> read = keys.list().stream().map(KeyRow::of).toList();
            ui.execute(() -> {
                pending = null;
                passphraseRequest.set("");
                rows.setAll(read);
                busy(false, "");
                status.set("Imported " + imported.entry().name() + " (" + KeyRow.kind(imported.entry().type(), imported.entry().bits()) + ").");
                warning.set(imported.warning().orElse(""));
            });
        } catch (KeyCodecException e) {
            boolean ask = e.reason() == KeyCodecException.Reason.PASSPHRASE_NEEDED || e.reason() == KeyCodecException.Reason.WRONG_PASSPHRASE;
            if (!ask) {
                waiting.wipe();
            }
            String question = e.reason() == KeyCodecException.Reason.WRONG_PASSPHRASE
                    ? "Wrong passphrase for " + waiting.name() + ". Type it again, or cancel."
                    : waiting.source() + " is encrypted. Type its passphrase to import it.";
            ui.execute(() -> {
                busy(false, "");
                if (ask) {
                    pending = waiting;
                    passphraseRequest.set(question);
                    if (e.reason() == KeyCodecException.Reason.WRONG_PASSPHRASE) {
                        problem.set("Wrong passphrase for " + waiting.name() + ".");
                    }
                } else {
                    pending = null;
                    passphraseRequest.set("");
                    problem.set(e.getMessage());
                }
            });
        } catch (VaultException | RuntimeException e) {
            waiting.wipe();
            ui.execute(() -> {
                pending = null;
                passphraseRequest.set("");
                fail(e.getMessage());
            });
        }
    }

    /** The person copied a key's public half (the view puts it on the clipboard). */
    public void copied(KeyRow row) {
        clearMessages();
        status.set("Copied the public key of " + row.name() + " (one OpenSSH line).");
    }

    /** The person copied a key's fingerprint. */
    public void copiedFingerprint(KeyRow row) {
        clearMessages();
        status.set("Copied the fingerprint of " + row.name() + ".");
    }

    /**
     * Writes the private key to {@code file} under a passphrase typed twice (owner-only permissions).
     *
     * @return false when the input was refused (the problem says why)
     */
    public boolean exportPrivate(KeyRow row, Path file, char[] passphrase, char[] repeat) {
        boolean same = Arrays.equals(passphrase, repeat);
        boolean empty = passphrase == null || passphrase.length == 0;
        wipe(repeat);
        if (empty || !same) {
            wipe(passphrase);
            clearMessages();
            problem.set(empty ? "Choose a passphrase for the exported key: a private key file is never written unprotected."
                    : "The two passphrases differ. Type the same passphrase twice.");
            return false;
        }
        work("Writing " + file.getFileName() + "…", () -> {
            keys.exportPrivate(row.id(), file, passphrase);
            return "Exported the private key " + row.name() + " to " + file + " (readable by you only, under its passphrase).";
        }, () -> wipe(passphrase));
        return true;
    }

    /** Writes the public key line to {@code file}. */
    public void exportPublic(KeyRow row, Path file) {
        work("Writing " + file.getFileName() + "…", () -> {
            keys.exportPublic(row.id(), file);
            return "Exported the public key " + row.name() + " to " + file + ".";
        }, () -> { });
    }

    /** Deletes a key; one in use is refused, naming its hosts and identities. */
    public void delete(KeyRow row) {
        work("Deleting " + row.name() + "…", () -> {
            keys.delete(row.id());
            return "Deleted " + row.name() + ".";
        }, () -> { });
    }

    /** Installs the key's public half on a saved host (ssh-copy-id), logging in with the host's own login. */
    public void installOn(KeyRow row, Host host) {
        work("Installing " + row.name() + " on " + host.name() + " (logging in as it is saved)…", () -> {
            boolean added = keys.installOn(row.id(), host);
            return added ? "Installed " + row.name() + " on " + host.name() + ": it can now log in with this key."
                    : host.name() + " already had " + row.name() + " in its authorized keys; nothing changed.";
        }, () -> { });
    }

    @FunctionalInterface
    private interface Work {
        String run() throws VaultException, KeyCodecException, IOException, InUseException, SshFailure;
    }

    /** Runs {@code work} in the background with the page busy; its message (or its problem) shows, then the list reloads. */
    private void work(String doing, Work work, Runnable always) {
        clearMessages();
        busy(true, doing);
        background.execute(() -> {
            try {
                String done = work.run();
                List<KeyRow> read = keys.list().stream().map(KeyRow::of).toList();
                ui.execute(() -> {
                    rows.setAll(read);
                    busy(false, "");
                    status.set(done);
                });
            } catch (VaultException | KeyCodecException | IOException | InUseException | RuntimeException e) {
                ui.execute(() -> fail(e.getMessage()));
            } finally {
                always.run();
            }
        });
    }

    private void fail(String message) {
        busy(false, "");
        problem.set(message == null ? "Something went wrong; see the log." : message);
    }

    private void busy(boolean on, String text) {
        busy.set(on);
        busyText.set(text);
    }

    private void clearMessages() {
        status.set("");
        warning.set("");
        problem.set("");
    }

    private void dropPending() {
        if (pending != null) {
            pending.wipe();
            pending = null;
        }
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
