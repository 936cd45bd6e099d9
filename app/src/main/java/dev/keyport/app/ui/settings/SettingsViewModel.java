package dev.keyport.app.ui.settings;

import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import dev.keyport.app.services.TerminalPreferences;

/** The Settings form: the scrollback as typed, what is wrong with it, and the value to keep. */
public final class SettingsViewModel {

    private final StringProperty scrollback;
    private final StringBinding problem;

    public SettingsViewModel(int scrollbackLines) {
        this.scrollback = new SimpleStringProperty(Integer.toString(scrollbackLines));
        this.problem = Bindings.createStringBinding(() -> validate(scrollback.get()), scrollback);
    }

    /** The scrollback as typed (digits only: the view filters the rest). */
    public StringProperty scrollbackProperty() {
        return scrollback;
    }

    /** What is wrong with the form, or "" when it can be saved. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** The scrollback to keep, when the form is valid. */
    public Optional<Integer> scrollbackLines() {
        return problem.get().isEmpty() ? Optional.of(Integer.parseInt(scrollback.get().strip())) : Optional.empty();
    }

    static String validate(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "Enter a number of lines.";
        }
        int lines;
        try {
            lines = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return "Enter a number of lines.";
        }
        if (!TerminalPreferences.validScrollback(lines)) {
            return "At most " + String.format("%,d", TerminalPreferences.MAX_SCROLLBACK) + " lines: each line of history costs"
                    + " memory in every open tab.";
        }
        return "";
    }
}
