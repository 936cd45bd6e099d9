package dev.keyport.app.ui.prompts;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.DisplayText;
import dev.keyport.terminal.HostKeyInfo;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;

/**
 * "Do you trust this server?" with the key type and SHA256 fingerprint, as OpenSSH asks it. The
 * fingerprint and the explanation are shown whole at the dialog's default size (the dialog sizes to
 * its content; nothing is elided).
 */
final class HostKeyDialog {

    static final ButtonType TRUST = new ButtonType("Trust and connect", ButtonData.OK_DONE);
    static final ButtonType ONCE = new ButtonType("Connect once", ButtonData.OTHER);

    private HostKeyDialog() {
    }

    static HostKeyAnswer show(Window owner, HostKeyInfo info) {
        return build(owner, info).showAndWait().orElse(HostKeyAnswer.CANCEL);
    }

    static Dialog<HostKeyAnswer> build(Window owner, HostKeyInfo info) {
        Dialog<HostKeyAnswer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setResizable(true);
        dialog.setTitle("Unknown server");
        dialog.setHeaderText("First connection to " + DisplayText.line(info.host()) + ":" + info.port());
        FontIcon icon = new FontIcon(Feather.SHIELD);
        icon.getStyleClass().add(Styles.WARNING);
        icon.setIconSize(32);
        dialog.setGraphic(icon);

        Label explain = FingerprintLabel.wrapping("Keyport has never seen this server's key, so it cannot tell whether it is talking to"
                + " the real server. Compare the fingerprint with the one your administrator gave you"
                + " (on the server: ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(info.keyType()) + "_key.pub).", 480);
        explain.setId("host-key-explanation");

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, muted("Key type"), new Label(DisplayText.line(info.keyType())));
        Label fingerprint = FingerprintLabel.of(info.fingerprint());
        fingerprint.setId("host-key-fingerprint");
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("host-key-copy");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copy.setAccessibleText("Copy fingerprint");
        copy.setOnAction(e -> FingerprintLabel.copy(info.fingerprint()));
        HBox fingerprintRow = new HBox(6, fingerprint, copy);
        fingerprintRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        facts.addRow(1, muted("Fingerprint"), fingerprintRow);

        VBox content = new VBox(12, explain, facts);
        content.setPadding(new Insets(8, 20, 8, 20));
        dialog.getDialogPane().setContent(content);
        FingerprintLabel.style(dialog.getDialogPane());
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
        return dialog;
    }

    static String shortType(String type) {
        if (type.contains("ed25519")) {
            return "ed25519";
        }
        if (type.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return "rsa";
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }
}
