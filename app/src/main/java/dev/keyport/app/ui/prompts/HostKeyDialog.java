package dev.keyport.app.ui.prompts;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;

/** "Do you trust this server?" with the key type and SHA256 fingerprint, as OpenSSH asks it. */
final class HostKeyDialog {

    static final ButtonType TRUST = new ButtonType("Trust and connect", ButtonData.OK_DONE);
    static final ButtonType ONCE = new ButtonType("Connect once", ButtonData.OTHER);

    private HostKeyDialog() {
    }

    static HostKeyAnswer show(Window owner, HostKeyInfo info) {
        Dialog<HostKeyAnswer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Unknown server");
        dialog.setHeaderText("First connection to " + info.host() + ":" + info.port());
        FontIcon icon = new FontIcon(Feather.SHIELD);
        icon.getStyleClass().add(Styles.WARNING);
        icon.setIconSize(32);
        dialog.setGraphic(icon);

        Label explain = new Label("Keyport has never seen this server's key, so it cannot tell whether it is talking to"
                + " the real server. Compare the fingerprint with the one your administrator gave you"
                + " (on the server: ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(info.keyType()) + "_key.pub).");
        explain.setWrapText(true);
        explain.setMaxWidth(460);

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, muted("Key type"), new Label(info.keyType()));
        TextField fingerprint = new TextField(info.fingerprint());
        fingerprint.setEditable(false);
        fingerprint.setId("host-key-fingerprint");
        fingerprint.setPrefColumnCount(44);
        fingerprint.getStyleClass().add("monospace");
        facts.addRow(1, muted("Fingerprint"), fingerprint);

        VBox content = new VBox(12, explain, facts);
        if (info.otherTypesKnown()) {
            Label other = new Label("Keys of a different type are already known for this host.");
            other.getStyleClass().add(Styles.WARNING);
            content.getChildren().add(other);
        }
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(TRUST, ONCE, ButtonType.CANCEL);
        dialog.setResultConverter(button -> {
            if (button == TRUST) {
                return HostKeyAnswer.TRUST_AND_SAVE;
            }
            if (button == ONCE) {
                return HostKeyAnswer.TRUST_ONCE;
            }
            return HostKeyAnswer.CANCEL;
        });
        return dialog.showAndWait().orElse(HostKeyAnswer.CANCEL);
    }

    private static String shortType(String type) {
        if (type.contains("ed25519")) {
            return "ed25519";
        }
        if (type.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return "rsa";
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
