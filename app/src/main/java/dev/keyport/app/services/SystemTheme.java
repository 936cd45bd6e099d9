package dev.keyport.app.services;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the desktop prefers a dark look, for the theme "Follow the system". JavaFX 21 has no API for
 * it (that comes with JavaFX 22's {@code Platform.Preferences}), so this asks the desktop the way its own
 * tools do, and says light whenever the answer is missing or unclear:
 * <ul>
 * <li>Linux and other Unix desktops: {@code GTK_THEME} when set (a name ending in {@code :dark} or
 * containing "dark"); else {@code gsettings get org.gnome.desktop.interface color-scheme}
 * ({@code 'prefer-dark'} is dark, {@code 'prefer-light'} light); else the GTK theme's name from
 * {@code gsettings get org.gnome.desktop.interface gtk-theme} (dark when it contains "dark", as
 * "Adwaita-dark" does). GNOME, Cinnamon, Budgie and most GTK desktops keep these; KDE mirrors its
 * colour scheme into the GTK theme name when its GTK settings module runs.</li>
 * <li>macOS: {@code defaults read -g AppleInterfaceStyle} says "Dark" in dark mode.</li>
 * <li>Windows: {@code AppsUseLightTheme} under
 * {@code HKCU\Software\Microsoft\Windows\CurrentVersion\Themes\Personalize} is 0 in dark mode.</li>
 * </ul>
 * The desktop is asked when Keyport starts and when the person chooses "Follow the system". Blocking
 * (runs a short command, at most {@link #COMMAND_TIMEOUT_SECONDS} seconds): call off the UI thread.
 */
public final class SystemTheme {

    /** Runs a command and returns what it printed, or empty when it failed or is not there. */
    @FunctionalInterface
    public interface Commands {
        Optional<String> run(List<String> command);
    }

    static final int COMMAND_TIMEOUT_SECONDS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(SystemTheme.class);

    private final String osName;
    private final Map<String, String> env;
    private final Commands commands;

    public SystemTheme(String osName, Map<String, String> env, Commands commands) {
        this.osName = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        this.env = env;
        this.commands = commands;
    }

    /** This computer's desktop, asked through real commands. */
    public static SystemTheme ofThisComputer() {
        return new SystemTheme(System.getProperty("os.name"), System.getenv(), SystemTheme::runCommand);
    }

    /**
     * {@link #prefersDark()}, waiting at most {@code bound} for the answer (light when it is not in
     * by then). The commands run on a thread of their own, which ends by itself (each command has
     * {@value #COMMAND_TIMEOUT_SECONDS} seconds). For start-up, which must not wait long on the desktop.
     */
    public boolean prefersDark(java.time.Duration bound) {
        java.util.concurrent.CompletableFuture<Boolean> answer = new java.util.concurrent.CompletableFuture<>();
        Thread asking = new Thread(() -> answer.complete(prefersDark()), "keyport-system-theme");
        asking.setDaemon(true);
        asking.start();
        try {
            return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            LOG.debug("The desktop did not say its theme within {} ms: light for now", bound.toMillis());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True when the desktop prefers dark; false (light) when it prefers light or cannot tell. */
    public boolean prefersDark() {
        try {
            if (osName.startsWith("mac")) {
                return commands.run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                        .map(out -> out.strip().equalsIgnoreCase("dark")).orElse(false);
            }
            if (osName.startsWith("windows")) {
                return commands.run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                        "/v", "AppsUseLightTheme")).map(SystemTheme::windowsSaysDark).orElse(false);
            }
            return gtkPrefersDark();
        } catch (RuntimeException e) {
            LOG.debug("Could not ask the desktop for its theme: {}", e.toString());
            return false;
        }
    }

    private boolean gtkPrefersDark() {
        String gtkTheme = env.get("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return gtkTheme.toLowerCase(Locale.ROOT).contains("dark");
        }
        Optional<String> scheme = commands.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent()) {
            String value = unquote(scheme.get());
            if (value.equals("prefer-dark")) {
                return true;
            }
            if (value.equals("prefer-light")) {
                return false;
            }
        }
        return commands.run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(name -> unquote(name).toLowerCase(Locale.ROOT).contains("dark")).orElse(false);
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    static boolean windowsSaysDark(String regOutput) {
        for (String line : regOutput.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 3 && words[0].equals("AppsUseLightTheme")) {
                return words[2].equalsIgnoreCase("0x0");
            }
        }
        return false;
    }

    private static Optional<String> runCommand(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return Optional.empty(); // not installed
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readNBytes(4096), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
