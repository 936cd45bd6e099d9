package dev.keyport.app.ui;

import javafx.scene.Node;
import javafx.scene.control.ListCell;

/**
 * A list cell as wide as its list and never wider, so the list never scrolls sideways: long text in it wraps
 * (and a control at its right end stays in view). Each item is drawn by {@link #draw} as a node of its own;
 * an empty cell shows nothing.
 */
public abstract class WideCell<T> extends ListCell<T> {

    protected WideCell() {
        setPrefWidth(0);
    }

    @Override
    protected final void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        setGraphic(empty || item == null ? null : draw(item));
    }

    /** The node that shows {@code item}. */
    protected abstract Node draw(T item);
}
