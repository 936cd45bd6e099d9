package dev.keyport.app.ui.prompts;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;

/**
 * A key fingerprint as people compare it: monospace, never elided (the label is never narrower than
 * its text, and wraps rather than cut when its container insists), copyable from its context menu.
 */
public final class FingerprintLabel {

    private FingerprintLabel() {
    }

    public static Label of(String fingerprint) {
        Label label = new Label(fingerprint);
        label.getStyleClass().addAll("monospace", "fingerprint");
        label.setWrapText(true);
        label.setTextOverrun(OverrunStyle.CLIP);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        MenuItem copy = new MenuItem("Copy fingerprint");
        copy.setOnAction(e -> copy(fingerprint));
        label.setContextMenu(new ContextMenu(copy));
        label.setTooltip(new Tooltip("Right-click to copy"));
        return label;
    }

    /** Puts the text on the system clipboard. */
    public static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** A label that wraps and is never cut vertically (explanations in dialogs). */
    static Label wrapping(String text, double maxWidth) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(maxWidth);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** Keyport's stylesheet on a dialog's own scene (monospace and the theme's extras). */
    static void style(javafx.scene.control.DialogPane pane) {
        java.net.URL css = FingerprintLabel.class.getResource("/dev/keyport/app/keyport.css");
        if (css != null) {
            pane.getStylesheets().add(css.toExternalForm());
        }
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setMinWidth(Region.USE_PREF_SIZE);
    }
}
