package dev.keyport.app.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

/** The bar on the left: the sections (Hosts, Tunnels), Settings, and the light/dark switch. */
final class Navigation extends VBox {

    /** A section button: selected while its section shows, and it shows its section when clicked. */
    private static ToggleButton section(MainWindowViewModel model, MainWindowViewModel.Section section, Feather icon, Shortcut shortcut,
            String id) {
        ToggleButton button = new ToggleButton(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(shortcut.tooltip()));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setSelected(model.sectionProperty().get() == section);
        model.sectionProperty().addListener((obs, old, now) -> button.setSelected(now == section));
        button.setOnAction(e -> {
            model.show(section);
            button.setSelected(true);
        });
        return button;
    }

    Navigation(MainWindowViewModel model, Runnable openSettings, Runnable importTeamFile, Runnable exportTeamFile) {
        ToggleButton hosts = section(model, MainWindowViewModel.Section.HOSTS, Feather.SERVER, Shortcut.SHOW_HOSTS, "nav-hosts");
        ToggleButton tunnels = section(model, MainWindowViewModel.Section.TUNNELS, Feather.SHUFFLE, Shortcut.SHOW_TUNNELS, "nav-tunnels");
        Button theme = new Button();
        theme.setId("theme-button");
        theme.setTooltip(new Tooltip(Shortcut.TOGGLE_THEME.tooltip()));
        theme.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        // the icon follows the theme however it was switched (button or shortcut)
        theme.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(model.darkProperty().get() ? Feather.SUN : Feather.MOON), model.darkProperty()));
        theme.setOnAction(e -> model.toggleTheme());
        Button settings = new Button(null, new FontIcon(Feather.SETTINGS));
        settings.setId("settings-button");
        settings.setTooltip(new Tooltip(Shortcut.SETTINGS.tooltip()));
        settings.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        settings.setOnAction(e -> openSettings.run());
        MenuItem importItem = new MenuItem("Import a team file…", new FontIcon(Feather.DOWNLOAD));
        importItem.setId("menu-import");
        importItem.setAccelerator(Shortcut.IMPORT_TEAM_FILE.keys());
        importItem.setOnAction(e -> importTeamFile.run());
        MenuItem exportItem = new MenuItem("Export a team file…", new FontIcon(Feather.UPLOAD));
        exportItem.setId("menu-export");
        exportItem.setAccelerator(Shortcut.EXPORT_TEAM_FILE.keys());
        exportItem.setOnAction(e -> exportTeamFile.run());
        MenuButton file = new MenuButton(null, new FontIcon(Feather.FOLDER), importItem, exportItem);
        file.setId("file-menu");
        file.setTooltip(new Tooltip("File: import or export a team file"));
        file.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "no-arrow");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(hosts, tunnels, spacer, file, settings, theme);
        setSpacing(6);
        setPadding(new Insets(10, 6, 10, 6));
        setAlignment(Pos.TOP_CENTER);
        getStyleClass().add("navigation");
    }
}
