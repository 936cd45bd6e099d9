package dev.keyport.app.ui;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * What a person would see cut: a label, button or check box whose text is shown elided ("…") or whose
 * height is less than its text needs (letters clipped). Call on the FX thread after layout.
 */
public final class TextFit {

    private TextFit() {
    }

    /** A line per cut text: "#id 'text' shown as 'shown'" or "... is 12.0 high, needs 16.0"; empty when all fit. */
    public static List<String> cutTexts(Parent root) {
        List<String> cut = new ArrayList<>();
        root.applyCss();
        root.layout();
        collect(root, cut);
        return cut;
    }

    private static void collect(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String name = (labeled.getId() == null ? labeled.getClass().getSimpleName() : "#" + labeled.getId()) + " '" + labeled.getText() + "'";
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text shown && child.getClass().getSimpleName().equals("LabeledText")
                        && !shown.getText().equals(labeled.getText())) {
                    cut.add(name + " shown as '" + shown.getText() + "'");
                }
            }
            double needs = labeled.prefHeight(labeled.getWidth());
            if (labeled.getHeight() + 0.5 < needs) {
                cut.add(name + " is " + labeled.getHeight() + " high, needs " + needs);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, cut);
            }
        }
    }
}
