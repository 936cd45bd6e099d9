package dev.keyport.app.ui.keys;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the Keys page asks for a file to read or write; the system's file chooser unless a test puts its own. */
public interface FilePicker {

    Optional<Path> open(Window owner, String title);

    Optional<Path> save(Window owner, String title, String suggestedName);

    /** The system's file chooser, starting in {@code ~/.ssh} when there is one. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Optional<Path> open(Window owner, String title) {
                FileChooser chooser = chooser(title);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> save(Window owner, String title, String suggestedName) {
                FileChooser chooser = chooser(title);
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                File ssh = new File(System.getProperty("user.home"), ".ssh");
                if (ssh.isDirectory()) {
                    chooser.setInitialDirectory(ssh);
                }
                return chooser;
            }
        };
    }
}
