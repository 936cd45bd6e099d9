package dev.keyport.app.services;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.vault.SettingsRepository;
import dev.keyport.vault.VaultException;

/**
 * Where the main window was and how big, kept in the vault's settings table so that it comes back
 * there next time, and the rule that puts it on a screen that is really there. FX-free; reading and
 * saving are blocking (JDBC): call them off the FX thread.
 */
public final class WindowPreferences {

    public static final String PLACEMENT_SETTING = "window-placement";
    /** The size of the window the first time (or when the saved place is unusable). */
    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 760;
    /** How much of the window's top edge (its title bar) must lie on a screen for the saved place to be used. */
    static final double VISIBLE_TITLE_WIDTH = 120;
    static final double VISIBLE_TITLE_HEIGHT = 30;

    private static final Logger LOG = LoggerFactory.getLogger(WindowPreferences.class);

    /** A rectangle in screen coordinates. */
    public record Area(double x, double y, double width, double height) {

        double maxX() {
            return x + width;
        }

        double maxY() {
            return y + height;
        }
    }

    /** The window's place and size (the size it has when not maximised), and whether it is maximised. */
    public record Placement(Area bounds, boolean maximized) {

        String write() {
            return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", bounds.x(), bounds.y(), bounds.width(), bounds.height(),
                    maximized ? "maximized" : "normal");
        }

        static Optional<Placement> read(String text) {
            String[] parts = text.strip().split(",");
            if (parts.length != 5) {
                return Optional.empty();
            }
            try {
                Area area = new Area(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                        Double.parseDouble(parts[3]));
                if (!(area.width() > 0 && area.height() > 0) || !Double.isFinite(area.x()) || !Double.isFinite(area.y())) {
                    return Optional.empty();
                }
                return Optional.of(new Placement(area, parts[4].equals("maximized")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final SettingsRepository settings;

    public WindowPreferences(SettingsRepository settings) {
        this.settings = settings;
    }

    /** The saved placement; empty when nothing (or something unreadable) is saved. */
    public Optional<Placement> placement() {
        try {
            return settings.get(PLACEMENT_SETTING).flatMap(Placement::read);
        } catch (VaultException e) {
            LOG.warn("Saved window placement unreadable ({}); using the default", e.getMessage());
            return Optional.empty();
        }
    }

    public void setPlacement(Placement placement) throws VaultException {
        settings.put(PLACEMENT_SETTING, placement.write());
    }

    /**
     * Where to put the window on the screens there are now ({@code screens}: their usable areas,
     * without task bars; the first is the primary). The saved place is kept when the window's title
     * bar lies on one of them, with its size cut to that screen; otherwise (no saved place, a screen
     * that is gone, a title bar above the top of the screen) the window is centred on the primary
     * screen at the default size, or smaller if the screen is smaller.
     */
    public static Placement fit(Optional<Placement> saved, List<Area> screens, double minWidth, double minHeight) {
        if (screens.isEmpty()) {
            return saved.orElse(new Placement(new Area(0, 0, DEFAULT_WIDTH, DEFAULT_HEIGHT), false));
        }
        if (saved.isPresent()) {
            Area bounds = saved.get().bounds();
            for (Area screen : screens) {
                if (titleBarOn(bounds, screen)) {
                    double width = Math.max(minWidth, Math.min(bounds.width(), screen.width()));
                    double height = Math.max(minHeight, Math.min(bounds.height(), screen.height()));
                    // pulled back inside the screen where it overhangs (it keeps its size)
                    double x = Math.max(screen.x(), Math.min(bounds.x(), screen.maxX() - width));
                    double y = Math.max(screen.y(), Math.min(bounds.y(), screen.maxY() - height));
                    return new Placement(new Area(x, y, width, height), saved.get().maximized());
                }
            }
        }
        Area primary = screens.get(0);
        double width = Math.max(minWidth, Math.min(DEFAULT_WIDTH, primary.width()));
        double height = Math.max(minHeight, Math.min(DEFAULT_HEIGHT, primary.height()));
        return new Placement(new Area(primary.x() + (primary.width() - width) / 2, primary.y() + (primary.height() - height) / 2,
                width, height), saved.map(Placement::maximized).orElse(false));
    }

    /** The top strip of the window (its title bar) overlaps the screen by at least a grabbable piece. */
    private static boolean titleBarOn(Area window, Area screen) {
        double left = Math.max(window.x(), screen.x());
        double right = Math.min(window.maxX(), screen.maxX());
        return window.y() >= screen.y() && window.y() + VISIBLE_TITLE_HEIGHT <= screen.maxY()
                && right - left >= Math.min(VISIBLE_TITLE_WIDTH, window.width());
    }
}
