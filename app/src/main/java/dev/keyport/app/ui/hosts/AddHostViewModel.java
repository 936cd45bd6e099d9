package dev.keyport.app.ui.hosts;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.keyport.vault.Host;
import dev.keyport.vault.HostAuth;

/**
 * The "New host" form: what is typed, what is wrong with it, and the host it makes. The name
 * follows the address until the person types a name of their own. Saves nothing itself.
 */
public final class AddHostViewModel {

    /** The form's answer: the host and, when the person chose to save it, the password (the receiver wipes it). */
    public record NewHost(Host host, char[] password) {
        @Override
        public String toString() {
            return "NewHost[" + host + (password == null ? "" : ", password saved") + "]";
        }
    }

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final BooleanProperty keyLogin = new SimpleBooleanProperty(true);
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final BooleanProperty savePassword = new SimpleBooleanProperty(true);
    private final StringBinding problem;

    /**
     * @param defaultUser    the user name offered (the local one)
     * @param defaultKeyFile the key file offered, "" for none
     */
    public AddHostViewModel(String defaultUser, String defaultKeyFile) {
        user.set(defaultUser);
        keyFile.set(defaultKeyFile);
        address.addListener((obs, old, text) -> {
            if (name.get().isEmpty() || name.get().equals(old)) {
                name.set(text);
            }
        });
        problem = Bindings.createStringBinding(() -> validate(address.get(), port.get(), user.get(), keyLogin.get(), keyFile.get()),
                address, port, user, keyLogin, keyFile);
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** True: log in with a private key file; false: with a password. */
    public BooleanProperty keyLoginProperty() {
        return keyLogin;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public BooleanProperty savePasswordProperty() {
        return savePassword;
    }

    /** What is wrong with the form, or "" when it can be saved. */
    public StringBinding problemProperty() {
        return problem;
    }

    /**
     * The host the form describes, when it is valid. {@code password} is what was typed (may be empty);
     * it is kept (copied) only when the person logs in with a password and chose to save it.
     */
    public Optional<NewHost> result(char[] password) {
        if (!problem.get().isEmpty()) {
            return Optional.empty();
        }
        boolean keep = !keyLogin.get() && savePassword.get() && password != null && password.length > 0;
        HostAuth auth = keyLogin.get() ? new HostAuth.KeyFile(keyFile.get().strip())
                : keep ? new HostAuth.SavedPassword() : new HostAuth.Password();
        String hostName = name.get().isBlank() ? address.get().strip() : name.get();
        Host host = Host.create(hostName, address.get().strip(), Integer.parseInt(port.get().strip()), user.get().strip(), auth);
        return Optional.of(new NewHost(host, keep ? password.clone() : null));
    }

    static String validate(String address, String port, String user, boolean keyAuth, String keyFile) {
        if (address == null || address.isBlank()) {
            return "Enter the server's address.";
        }
        if (address.strip().contains(" ")) {
            return "The address cannot contain spaces.";
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port == null ? "" : port.strip());
        } catch (NumberFormatException e) {
            return "The port must be a number (usually 22).";
        }
        if (portNumber < 1 || portNumber > 65535) {
            return "The port must be between 1 and 65535.";
        }
        if (user == null || user.isBlank()) {
            return "Enter the user name to log in as.";
        }
        if (keyAuth && (keyFile == null || keyFile.isBlank())) {
            return "Choose a private key file, or log in with a password.";
        }
        return "";
    }
}
