package dev.keyport.app.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

/**
 * The scaffolding the pages and side lists share (Keys, Identities, Known hosts, Tunnels): a title row
 * with the page's actions on the right, messages that take room only while they say something, and a
 * busy line. Nodes only; each page binds them to its own view model.
 */
public final class Pages {

    private Pages() {
    }

    /** The title on the left, {@code actions} on the right. */
    public static HBox header(String title, Node... actions) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, heading, spacer);
        header.getChildren().addAll(actions);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /**
     * A message in {@code style} ({@link Styles#SUCCESS}, {@link Styles#WARNING}, {@link Styles#DANGER}),
     * wrapped, never cut, shown only while {@code text} is not empty.
     */
    public static Label message(String id, String style, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        shownWhen(label, label.textProperty().isNotEmpty());
        return label;
    }

    /** A spinner and what is being done, shown only while {@code busy}. */
    public static HBox busyLine(String id, ObservableStringValue text, ObservableBooleanValue busy) {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        HBox line = new HBox(8, progress, label);
        line.setAlignment(Pos.CENTER_LEFT);
        shownWhen(line, busy);
        return line;
    }

    /** {@code node} is on the page (and takes room) only while {@code condition} holds. */
    public static void shownWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
