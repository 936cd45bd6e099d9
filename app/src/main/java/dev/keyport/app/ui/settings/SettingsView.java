package dev.keyport.app.ui.settings;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;

import dev.keyport.app.services.AutoLock;
import dev.keyport.app.services.ConnectionPreferences;
import dev.keyport.app.services.TerminalBell;
import dev.keyport.app.services.TerminalOptions;
import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.app.services.ThemeMode;
import dev.keyport.app.ui.terminal.TerminalSettings;
import dev.keyport.vault.HostKeyPolicy;

/**
 * The Settings page, a view over a {@link SettingsViewModel}: a node for the main window's content
 * area. Sections Appearance, Terminal, Security and Connections; every change is saved at once (no
 * Save button). All text wraps and no label is ever narrower than its text, so nothing is cut.
 */
public final class SettingsView extends StackPane {

    private static final double NAME_COLUMN_WIDTH = 140;
    private static final String SAMPLE = "The quick brown fox 0O 1lI {} => $ ls -la";

    private final SettingsViewModel model;

    public SettingsView(SettingsViewModel model) {
        this.model = model;
        setId("settings-view");
        getStyleClass().add("settings-view");

        Label title = label("Settings");
        title.getStyleClass().add(Styles.TITLE_2);
        Label saved = wrapping("Changes are saved in your vault as you make them.");
        saved.getStyleClass().add(Styles.TEXT_MUTED);
        Label problem = wrapping("");
        problem.setId("settings-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(problem.textProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        VBox page = new VBox(18, new VBox(4, title, saved, problem), appearance(), terminal(), security(), connections());
        page.setPadding(new Insets(24, 32, 32, 32));
        page.setMaxWidth(760);
        page.setFillWidth(true);
        StackPane centred = new StackPane(page);
        StackPane.setAlignment(page, Pos.TOP_LEFT);
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        getChildren().add(scroll);
        model.fontFamilies().setAll(MonospaceFonts.installed());
    }

    public SettingsViewModel model() {
        return model;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label hint(String text) {
        Label hint = wrapping(text);
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return hint;
    }

    /** A titled section: a two-column grid of name and control, each control with its hint below it. */
    private static final class Section {
        private final GridPane grid = new GridPane();
        private final VBox box;
        private int row;

        Section(String name) {
            Label heading = label(name);
            heading.getStyleClass().add(Styles.TITLE_4);
            grid.setHgap(16);
            grid.setVgap(6);
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(Region.USE_PREF_SIZE);
            names.setPrefWidth(NAME_COLUMN_WIDTH); // the same in every section, so the controls line up
            names.setHalignment(javafx.geometry.HPos.LEFT);
            ColumnConstraints controls = new ColumnConstraints();
            controls.setHgrow(Priority.ALWAYS);
            controls.setFillWidth(true);
            controls.setMinWidth(200);
            grid.getColumnConstraints().addAll(names, controls);
            box = new VBox(8, heading, grid);
            box.getStyleClass().add("settings-section");
        }

        Section add(String name, Node control, String hintText) {
            Label label = label(name);
            label.setLabelFor(control);
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            label.setPadding(new Insets(4, 0, 0, 0));
            VBox right = new VBox(4, control);
            if (hintText != null) {
                right.getChildren().add(hint(hintText));
            }
            grid.addRow(row++, label, right);
            return this;
        }

        VBox node() {
            return box;
        }
    }

    private Node appearance() {
        ToggleGroup group = new ToggleGroup();
        VBox choices = new VBox(6);
        for (ThemeMode mode : ThemeMode.values()) {
            RadioButton choice = new RadioButton(mode.label());
            choice.setId("theme-" + mode.stored());
            choice.setToggleGroup(group);
            choice.setUserData(mode);
            choice.setMinWidth(Region.USE_PREF_SIZE);
            choice.setMinHeight(Region.USE_PREF_SIZE);
            choice.setSelected(model.themeProperty().get() == mode);
            choices.getChildren().add(choice);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.themeProperty().set((ThemeMode) now.getUserData());
            }
        });
        model.themeProperty().addListener((obs, old, mode) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == mode).findFirst().ifPresent(t -> t.setSelected(true)));
        Label system = hint("");
        system.setId("theme-system-now");
        system.textProperty().bind(Bindings.createStringBinding(() -> "Follow the system: dark when your desktop asks for a dark look"
                + " (GNOME's colour scheme or a dark GTK theme on Linux, Dark mode on macOS and Windows), otherwise light."
                + (model.themeProperty().get() == ThemeMode.SYSTEM
                        ? " Your desktop asks for " + (model.systemDarkProperty().get() ? "dark" : "light (or did not say)") + "."
                        : ""), model.themeProperty(), model.systemDarkProperty()));
        return new Section("Appearance").add("Theme", new VBox(6, choices, system), null).node();
    }

    private Node terminal() {
        ComboBox<String> family = new ComboBox<>();
        family.setId("terminal-font-family");
        family.setMaxWidth(Double.MAX_VALUE);
        String automatic = TerminalSettings.fontFamily("");
        family.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.isEmpty() ? "Automatic (" + automatic + ")" : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        Runnable fill = () -> {
            List<String> names = new java.util.ArrayList<>();
            names.add("");
            names.addAll(model.fontFamilies());
            String current = model.fontFamilyProperty().get();
            if (!names.contains(current)) {
                names.add(current);
            }
            family.getItems().setAll(names);
            family.getSelectionModel().select(current);
        };
        fill.run();
        model.fontFamilies().addListener((javafx.collections.ListChangeListener<String>) c -> fill.run());
        family.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.fontFamilyProperty().set(now);
            }
        });

        Spinner<Integer> size = new Spinner<>(TerminalOptions.MIN_FONT_SIZE, TerminalOptions.MAX_FONT_SIZE, model.fontSizeProperty().get());
        size.setId("terminal-font-size");
        size.setEditable(true);
        numbersOnly(size, 2);
        size.setPrefWidth(110);
        size.getValueFactory().valueProperty().bindBidirectional(model.fontSizeProperty());

        Label sample = new Label(SAMPLE);
        sample.setId("terminal-font-sample");
        sample.setWrapText(true);
        sample.setMinHeight(Region.USE_PREF_SIZE);
        sample.getStyleClass().add("terminal-font-sample");
        sample.fontProperty().bind(Bindings.createObjectBinding(
                () -> Font.font(TerminalSettings.fontFamily(model.fontFamilyProperty().get()), model.fontSizeProperty().get()),
                model.fontFamilyProperty(), model.fontSizeProperty()));

        Spinner<Integer> scrollback = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(
                TerminalPreferences.MIN_SCROLLBACK, TerminalPreferences.MAX_SCROLLBACK, model.scrollbackLinesProperty().get(), 1_000));
        scrollback.setId("scrollback-lines");
        scrollback.setEditable(true);
        numbersOnly(scrollback, 6);
        scrollback.setPrefWidth(140);
        scrollback.getEditor().textProperty().bindBidirectional(model.scrollbackProperty());
        scrollback.getEditor().setOnAction(e -> model.commitScrollback());
        scrollback.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                model.commitScrollback();
            }
        });
        scrollback.valueProperty().addListener((obs, old, now) -> {
            if (!scrollback.getEditor().isFocused()) {
                model.commitScrollback(); // an arrow of the spinner
            }
        });
        Label scrollbackProblem = wrapping("");
        scrollbackProblem.setId("scrollback-problem");
        scrollbackProblem.getStyleClass().add(Styles.DANGER);
        scrollbackProblem.textProperty().bind(model.scrollbackProblemProperty());
        scrollbackProblem.visibleProperty().bind(Bindings.isNotEmpty(scrollbackProblem.textProperty()));
        scrollbackProblem.managedProperty().bind(scrollbackProblem.visibleProperty());

        CheckBox copy = new CheckBox("Copy text to the clipboard when I select it");
        copy.setId("copy-on-select");
        copy.setWrapText(true);
        copy.setMinHeight(Region.USE_PREF_SIZE);
        copy.selectedProperty().bindBidirectional(model.copyOnSelectProperty());

        ToggleGroup bells = new ToggleGroup();
        VBox bellChoices = new VBox(6);
        for (TerminalBell ring : TerminalBell.values()) {
            RadioButton choice = new RadioButton(ring.label());
            choice.setId("bell-" + ring.stored());
            choice.setToggleGroup(bells);
            choice.setUserData(ring);
            choice.setMinWidth(Region.USE_PREF_SIZE);
            choice.setSelected(model.bellProperty().get() == ring);
            bellChoices.getChildren().add(choice);
        }
        bells.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.bellProperty().set((TerminalBell) now.getUserData());
            }
        });

        return new Section("Terminal")
                .add("Font", new VBox(6, family, sample), "Monospace fonts installed on this computer.")
                .add("Font size", size, "In points, " + TerminalOptions.MIN_FONT_SIZE + " to " + TerminalOptions.MAX_FONT_SIZE
                        + ". Ctrl+= and Ctrl+- in a terminal change it here too; Ctrl+0 goes back to " + TerminalOptions.DEFAULT_FONT_SIZE + ".")
                .add("Scrollback", new VBox(2, scrollback, scrollbackProblem), "Lines of history each terminal keeps, "
                        + TerminalPreferences.MIN_SCROLLBACK + " to " + String.format("%,d", TerminalPreferences.MAX_SCROLLBACK) + ".")
                .add("Selection", copy, null)
                .add("Bell", bellChoices, "What a terminal does when a program rings the bell (Ctrl+G).")
                .add("", hint("Font, selection and bell apply to the open tabs at once; the scrollback to new tabs and to a tab's Reconnect."), null)
                .node();
    }

    private Node security() {
        Spinner<Integer> minutes = new Spinner<>(0, AutoLock.MAX_MINUTES, model.autoLockMinutesProperty().get(), 5);
        minutes.setId("auto-lock-minutes");
        minutes.setEditable(true);
        numbersOnly(minutes, 4);
        minutes.setPrefWidth(110);
        minutes.getValueFactory().valueProperty().bindBidirectional(model.autoLockMinutesProperty());
        return new Section("Security")
                .add("Auto-lock after", new VBox(4, new javafx.scene.layout.HBox(8, minutes, label("minutes without activity"))),
                        "0 never locks by itself. Locked, Keyport asks for the master password again; open connections stay up.")
                .node();
    }

    private Node connections() {
        ComboBox<HostKeyPolicy> policy = new ComboBox<>();
        policy.setId("default-host-key-policy");
        policy.getItems().setAll(HostKeyPolicy.values());
        policy.setMaxWidth(Double.MAX_VALUE);
        policy.setConverter(new StringConverter<>() {
            @Override
            public String toString(HostKeyPolicy p) {
                return p == null ? "" : ConnectionPreferences.describe(p);
            }

            @Override
            public HostKeyPolicy fromString(String text) {
                return null;
            }
        });
        policy.valueProperty().bindBidirectional(model.hostKeyPolicyProperty());
        return new Section("Connections")
                .add("New server keys", policy, "For new hosts and quick connect; each saved host keeps its own policy."
                        + " A changed key is always refused.")
                .node();
    }

    /** Typing in a spinner: digits only, at most {@code digits}; the value is committed as typed. */
    private static void numbersOnly(Spinner<Integer> spinner, int digits) {
        spinner.getEditor().setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0," + digits + "}") ? change : null));
        spinner.getEditor().textProperty().addListener((obs, old, text) -> {
            if (text.isEmpty()) {
                return;
            }
            SpinnerValueFactory<Integer> factory = spinner.getValueFactory();
            if (factory instanceof SpinnerValueFactory.IntegerSpinnerValueFactory ints) {
                int value = Integer.parseInt(text);
                if (value >= ints.getMin() && value <= ints.getMax() && !Integer.valueOf(value).equals(factory.getValue())) {
                    factory.setValue(value);
                }
            }
        });
        spinner.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                spinner.getEditor().setText(String.valueOf(spinner.getValue()));
            }
        });
    }
}
