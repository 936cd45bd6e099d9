package dev.keyport.app.startup;

import java.util.Map;
import java.util.Optional;

/**
 * Whether the window can open at all, asked before the JavaFX toolkit starts: on Linux the toolkit
 * (GTK on X11, XWayland under Wayland) needs {@code DISPLAY}, and without one its start fails in a way
 * that left Keyport waiting forever. Other systems always have their window system; a toolkit chosen
 * with {@code glass.platform} (the tests' headless Monocle) needs no display.
 */
public final class DisplayCheck {

    private DisplayCheck() {
    }

    /** What to tell the person when there is no display to open the window on, or empty when there is one. */
    public static Optional<String> problem(String osName, Map<String, String> environment, String glassPlatform) {
        if (!osName.startsWith("Linux") || (glassPlatform != null && !glassPlatform.isBlank())) {
            return Optional.empty();
        }
        String display = environment.get("DISPLAY");
        if (display != null && !display.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("Keyport's window needs a graphical display, and DISPLAY is not set here (a terminal without a"
                + " desktop session, or over SSH without -X). Start Keyport from your desktop, or use its command line"
                + " here: keyport --help lists the commands (keyport ssh, keyport tunnel up, keyport host list, ...).");
    }

    /** {@link #problem(String, Map, String)} for this process. */
    public static Optional<String> problem() {
        return problem(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"));
    }

    /**
     * What to tell the person when the toolkit did not start although a display was named (it cannot be
     * reached, or refuses the connection).
     */
    public static String startFailed(Throwable failure, String display) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return "Keyport's window could not open: " + reason + (display == null || display.isBlank() ? "" : " (DISPLAY=" + display + ")")
                + ". Check that the display is running and that you may use it (xhost, XAUTHORITY), or use the command"
                + " line: keyport --help.";
    }
}
