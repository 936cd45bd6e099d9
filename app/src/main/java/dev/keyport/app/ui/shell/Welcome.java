package dev.keyport.app.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

/** What the terminal area shows while no tab is open. */
final class Welcome extends VBox {

    Welcome() {
        FontIcon icon = new FontIcon(Feather.TERMINAL);
        icon.getStyleClass().addAll("status-icon", Styles.TEXT_MUTED);
        Label title = new Label("No open sessions");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Double-click a host, or select it and press Enter, to open a terminal.\n"
                + Shortcut.NEW_HOST.keys().getDisplayText() + " adds a host, " + Shortcut.SEARCH_HOSTS.keys().getDisplayText()
                + " searches, " + Shortcut.CLOSE_TAB.keys().getDisplayText() + " closes a tab.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        getChildren().addAll(icon, title, hint);
        setSpacing(10);
        setAlignment(Pos.CENTER);
        setMaxWidth(420);
    }
}
