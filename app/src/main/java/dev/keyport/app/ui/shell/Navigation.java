package dev.keyport.app.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import dev.keyport.app.ui.shell.MainWindowViewModel.Section;

/**
 * The sidebar: the sections (Hosts, Keys, Identities, Tunnels, Known hosts, Settings), each with its
 * shortcut in its tooltip, and at the bottom the team file menu, the light/dark switch and Lock.
 */
final class Navigation extends VBox {

    /** A section button: selected while its section shows, and it shows its section when clicked. */
    private static ToggleButton section(MainWindowViewModel model, Section section, Feather icon, Shortcut shortcut) {
        ToggleButton button = new ToggleButton(section.title(), new FontIcon(icon));
        button.setId("nav-" + section.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        button.setTooltip(new Tooltip(shortcut.tooltip()));
        button.getStyleClass().addAll(Styles.FLAT, "nav-section");
        button.setContentDisplay(ContentDisplay.LEFT);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setGraphicTextGap(10);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setFocusTraversable(false);
        button.setSelected(model.sectionProperty().get() == section);
        model.sectionProperty().addListener((obs, old, now) -> button.setSelected(now == section));
        button.setOnAction(e -> {
            model.show(section);
            button.setSelected(true);
        });
        return button;
    }

    private static Button iconButton(String id, Feather icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }

    Navigation(MainWindowViewModel model, Runnable importTeamFile, Runnable exportTeamFile, Runnable lock) {
        ToggleButton hosts = section(model, Section.HOSTS, Feather.SERVER, Shortcut.SHOW_HOSTS);
        ToggleButton keys = section(model, Section.KEYS, Feather.KEY, Shortcut.SHOW_KEYS);
        ToggleButton identities = section(model, Section.IDENTITIES, Feather.USER, Shortcut.SHOW_IDENTITIES);
        ToggleButton tunnels = section(model, Section.TUNNELS, Feather.SHUFFLE, Shortcut.SHOW_TUNNELS);
        ToggleButton knownHosts = section(model, Section.KNOWN_HOSTS, Feather.SHIELD, Shortcut.SHOW_KNOWN_HOSTS);
        ToggleButton settings = section(model, Section.SETTINGS, Feather.SETTINGS, Shortcut.SETTINGS);

        Button theme = iconButton("theme-button", Feather.MOON, Shortcut.TOGGLE_THEME.tooltip(), model::toggleTheme);
        // the icon follows the theme however it was switched (button or shortcut): a sun to go light, a moon to go dark
        theme.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(model.darkProperty().get() ? Feather.SUN : Feather.MOON), model.darkProperty()));
        Button lockButton = iconButton("lock-button", Feather.LOCK, Shortcut.LOCK.tooltip(), lock);
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
        file.setFocusTraversable(false);
        HBox tools = new HBox(4, file, theme, lockButton);
        tools.setAlignment(Pos.CENTER);

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(hosts, keys, identities, tunnels, knownHosts, settings, spacer, tools);
        setSpacing(2);
        setPadding(new Insets(10, 8, 10, 8));
        setMinWidth(Region.USE_PREF_SIZE);
        setPrefWidth(168);
        setId("sidebar");
        getStyleClass().add("navigation");
    }
}
