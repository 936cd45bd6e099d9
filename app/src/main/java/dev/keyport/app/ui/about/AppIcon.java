package dev.keyport.app.ui.about;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Keyport's icon (rendered from {@code icons/keyport.svg} at build time) on every window: the main
 * window, its dialogs and alerts, the unlock dialog, so that the task bar and the window switcher
 * show it instead of the platform's default.
 */
public final class AppIcon {

    /** The sizes the jar carries, smallest first; the window system picks the one it needs. */
    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> images;
    private static boolean installed;

    private AppIcon() {
    }

    /** The icon in every size the jar carries. Call on the FX thread. */
    public static List<Image> images() {
        if (images == null) {
            List<Image> loaded = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcon.class.getResourceAsStream(resource(size))) {
                    if (in != null) {
                        loaded.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // a missing size is not worth failing for: the window system scales another one
                }
            }
            images = List.copyOf(loaded);
        }
        return images;
    }

    /** The largest size not above {@code pixels}, for showing the icon inside a window. */
    public static Image image(int pixels) {
        Image best = images().get(0);
        for (Image image : images()) {
            if (image.getWidth() <= pixels) {
                best = image;
            }
        }
        return best;
    }

    static String resource(int size) {
        return "/dev/keyport/app/icon/keyport-" + size + ".png";
    }

    /**
     * Gives every stage that opens from now on (and every one open now) the icon, unless it has its
     * own. Call once on the FX thread.
     */
    public static void installOnEveryWindow() {
        if (installed) {
            return;
        }
        installed = true;
        nameTheWindowClass();
        Window.getWindows().forEach(AppIcon::apply);
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(AppIcon::apply);
            }
        });
    }

    private static void apply(Window window) {
        if (window instanceof Stage stage && stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(images());
        }
    }

    /**
     * On Linux the windows' class (X11 WM_CLASS) is JavaFX's application name, "java" unless it is
     * set, and a desktop entry's StartupWMClass can only group a window with its launcher by that
     * class. JavaFX has no public API for it: this is its toolkit's own (Glass) application name,
     * set before any window is made. Without it the windows are merely grouped under "java".
     */
    private static void nameTheWindowClass() {
        try {
            com.sun.glass.ui.Application.GetApplication().setName("Keyport");
        } catch (RuntimeException | LinkageError e) {
            // another toolkit (headless tests) or a JavaFX without it: the class stays "java"
        }
    }
}
