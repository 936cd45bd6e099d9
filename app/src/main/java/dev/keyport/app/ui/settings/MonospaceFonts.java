package dev.keyport.app.ui.settings;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * The monospace font families installed here: those where a narrow and a wide letter take the same
 * width. Measured once (a few milliseconds per family) and kept.
 */
final class MonospaceFonts {

    private static List<String> installed;

    private MonospaceFonts() {
    }

    static synchronized List<String> installed() {
        if (installed == null) {
            List<String> found = new ArrayList<>();
            for (String family : Font.getFamilies()) {
                if (monospace(family)) {
                    found.add(family);
                }
            }
            installed = List.copyOf(found);
        }
        return installed;
    }

    private static boolean monospace(String family) {
        Font font = Font.font(family, 20);
        if (!font.getFamily().equals(family)) {
            return false; // not really installed: JavaFX substituted another
        }
        double narrow = width("iiiiiiiiii", font);
        double wide = width("WWWWWWWWWW", font);
        return narrow > 0 && Math.abs(narrow - wide) < 0.5;
    }

    private static double width(String text, Font font) {
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
