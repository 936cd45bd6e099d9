package dev.keyport.app.ui.prompts;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.DisplayText;
import dev.keyport.terminal.HostKeyChange;

/**
 * The server's key changed: both fingerprints in full (the trusted one and the one offered now), what
 * that may mean, and a way to replace the trusted key that needs two deliberate steps: ticking "I
 * checked the new fingerprint", then the red "Replace" button. Cancel is the default (Enter, Escape,
 * closing the window); nothing is replaced automatically.
 */
public final class ChangedKeyDialog {

    public static final ButtonType REPLACE = new ButtonType("Replace the trusted key and connect", ButtonData.OTHER);

    private ChangedKeyDialog() {
    }

    /** Shows the dialog; true only when the person confirmed replacing the trusted key with the offered one. */
    public static boolean confirm(Window owner, HostKeyChange change) {
        return build(owner, change).showAndWait().orElse(false);
    }

    static Dialog<Boolean> build(Window owner, HostKeyChange change) {
        Dialog<Boolean> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setResizable(true);
        dialog.setTitle("Server key changed");
        dialog.setHeaderText("The key of " + DisplayText.line(change.hostAndPort()) + " has changed");
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add(Styles.DANGER);
        icon.setIconSize(32);
        dialog.setGraphic(icon);

        Label risk = FingerprintLabel.wrapping("The server offered a key that does not match the key Keyport trusts for "
                + change.hostAndPort() + ". Either the server was reinstalled or its keys were replaced, or someone is"
                + " intercepting the connection and would see everything you send, passwords included. Keyport sent nothing.", 520);
        risk.setId("changed-key-risk");
        Label check = FingerprintLabel.wrapping("Replace the trusted key only if the server's administrator confirms the new"
                + " fingerprint (on the server: ssh-keygen -lf /etc/ssh/ssh_host_" + HostKeyDialog.shortType(change.offeredType())
                + "_key.pub). Trusted keys belong to the address and port, not to the saved host: deleting and re-adding the"
                + " host does not forget them.", 520);

        GridPane keys = new GridPane();
        keys.setHgap(12);
        keys.setVgap(6);
        int row = 0;
        int i = 0;
        for (HostKeyChange.Trusted trusted : change.trusted()) {
            Label fingerprint = FingerprintLabel.of(trusted.fingerprint());
            fingerprint.setId("changed-key-trusted-" + i++);
            keys.addRow(row++, HostKeyDialog.muted("Trusted (old)"), keyText(trusted.keyType(), fingerprint, "in " + trusted.where()));
        }
        Label offered = FingerprintLabel.of(change.offeredFingerprint());
        offered.setId("changed-key-offered");
        offered.getStyleClass().add(Styles.DANGER);
        keys.addRow(row, HostKeyDialog.muted("Offered (new)"), keyText(change.offeredType(), offered, "offered by the server just now"));

        CheckBox checked = new CheckBox("I checked the new fingerprint with the server's administrator");
        checked.setId("changed-key-checked");
        checked.setWrapText(true);

        VBox content = new VBox(12, risk, keys, check, checked);
        content.setPadding(new Insets(8, 20, 8, 20));
        dialog.getDialogPane().setContent(content);
        FingerprintLabel.style(dialog.getDialogPane());
        dialog.getDialogPane().getButtonTypes().setAll(REPLACE, ButtonType.CANCEL);
        Button replace = (Button) dialog.getDialogPane().lookupButton(REPLACE);
        replace.setId("changed-key-replace");
        replace.getStyleClass().add(Styles.DANGER);
        replace.setDefaultButton(false);
        replace.disableProperty().bind(checked.selectedProperty().not());
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setDefaultButton(true);
        cancel.setCancelButton(true);
        dialog.setOnShown(e -> cancel.requestFocus());
        dialog.setResultConverter(button -> button == REPLACE && checked.isSelected());
        return dialog;
    }

    private static Node keyText(String type, Label fingerprint, String where) {
        Label typeLabel = new Label(type);
        typeLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label whereLabel = new Label(where);
        whereLabel.getStyleClass().add(Styles.TEXT_MUTED);
        whereLabel.setWrapText(true);
        whereLabel.setMaxWidth(520);
        whereLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(2, typeLabel, fingerprint, whereLabel);
    }
}
