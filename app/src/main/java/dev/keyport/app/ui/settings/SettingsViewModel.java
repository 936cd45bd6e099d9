package dev.keyport.app.ui.settings;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keyport.app.KeyportContext;
import dev.keyport.app.services.AppearanceCopy;
import dev.keyport.app.services.AppearancePreferences;
import dev.keyport.app.services.AutoLock;
import dev.keyport.app.services.ConnectionPreferences;
import dev.keyport.app.services.LockPreferences;
import dev.keyport.app.services.SystemTheme;
import dev.keyport.app.services.TerminalBell;
import dev.keyport.app.services.TerminalOptions;
import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.app.services.ThemeMode;
import dev.keyport.vault.HostKeyPolicy;
import dev.keyport.vault.VaultException;

/**
 * The Settings page: theme (light, dark, follow the system), terminal font and size, scrollback, copy on
 * select, bell, auto-lock minutes and the default host-key policy. Every change is saved in the vault's
 * settings at once, in the background and in the order made; the theme applies at once ({@link
 * #darkProperty()}), the terminal options to the open tabs ({@link #terminalOptionsProperty()}: font, bell
 * and copy on select at once, the scrollback to new tabs and at a tab's Reconnect),
 * the auto-lock time at the lock's next check, the host-key policy to hosts created afterwards.
 */
public final class SettingsViewModel {

    /** What the page starts with, read off the UI thread by {@link #load}. */
    public record Saved(ThemeMode theme, boolean systemDark, TerminalOptions terminal, int autoLockMinutes, HostKeyPolicy hostKeyPolicy) {
    }

    private interface Save {
        void run() throws VaultException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final AppearancePreferences appearance;
    private final TerminalPreferences terminal;
    private final ConnectionPreferences connections;
    private final LockPreferences lock;
    private final SystemTheme systemTheme;
    private final Executor background;
    private final Executor ui;
    /** Saves run one after another, in the order the person made the changes. */
    private CompletableFuture<Void> saves = CompletableFuture.completedFuture(null);

    private final ObjectProperty<ThemeMode> theme;
    private final ReadOnlyBooleanWrapper systemDark;
    private final BooleanBinding dark;
    private final StringProperty fontFamily;
    private final ObservableList<String> fontFamilies = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> fontSize;
    private final StringProperty scrollback;
    private final ReadOnlyStringWrapper scrollbackProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper scrollbackLines;
    private final BooleanProperty copyOnSelect;
    private final ObjectProperty<TerminalBell> bell;
    private final ObjectProperty<Integer> autoLockMinutes;
    private final ObjectProperty<HostKeyPolicy> hostKeyPolicy;
    private final ObjectBinding<TerminalOptions> terminalOptions;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /**
     * Reads every setting and asks the desktop for its theme (waiting at most {@link AppearanceCopy#DESKTOP_BOUND}
     * for it: a later answer comes through {@link #systemDarkProperty()}); keeps the theme's plaintext copy for
     * the unlock dialog. Blocking (JDBC, a short command): call off the UI thread.
     */
    public static Saved load(KeyportContext context, SystemTheme systemTheme) {
        ThemeMode mode = context.appearance().mode();
        context.appearance().keepCopy(mode);
        return new Saved(mode, mode == ThemeMode.SYSTEM && systemTheme.prefersDark(AppearanceCopy.DESKTOP_BOUND),
                context.terminalPreferences().options(),
                context.lockPreferences().autoLockMinutes(), context.connectionPreferences().defaultHostKeyPolicy());
    }

    public SettingsViewModel(KeyportContext context, Saved saved, SystemTheme systemTheme, Executor ui) {
        this.appearance = context.appearance();
        this.terminal = context.terminalPreferences();
        this.lock = context.lockPreferences();
        this.connections = context.connectionPreferences();
        this.systemTheme = systemTheme;
        this.background = context.background();
        this.ui = ui;

        theme = new SimpleObjectProperty<>(saved.theme());
        systemDark = new ReadOnlyBooleanWrapper(saved.systemDark());
        dark = Bindings.createBooleanBinding(() -> theme.get().dark(systemDark.get()), theme, systemDark);
        TerminalOptions options = saved.terminal();
        fontFamily = new SimpleStringProperty(options.fontFamily());
        fontSize = new SimpleObjectProperty<>(options.fontSize());
        scrollback = new SimpleStringProperty(Integer.toString(options.scrollbackLines()));
        scrollbackLines = new ReadOnlyIntegerWrapper(options.scrollbackLines());
        copyOnSelect = new SimpleBooleanProperty(options.copyOnSelect());
        bell = new SimpleObjectProperty<>(options.bell());
        autoLockMinutes = new SimpleObjectProperty<>(saved.autoLockMinutes());
        hostKeyPolicy = new SimpleObjectProperty<>(saved.hostKeyPolicy());
        terminalOptions = Bindings.createObjectBinding(
                () -> new TerminalOptions(fontFamily.get(), fontSize.get(), scrollbackLines.get(), copyOnSelect.get(), bell.get()),
                fontFamily, fontSize, scrollbackLines, copyOnSelect, bell);

        if (saved.theme() == ThemeMode.SYSTEM) {
            askTheDesktop(); // the answer at start had a short bound; a slow desktop's answer still arrives
        }
        theme.addListener((obs, old, mode) -> {
            if (mode == null) {
                theme.set(old);
                return;
            }
            save("the theme", () -> appearance.setMode(mode));
            if (mode == ThemeMode.SYSTEM) {
                askTheDesktop();
            }
        });
        fontFamily.addListener((obs, old, family) -> save("the terminal font", () -> terminal.setFontFamily(family)));
        fontSize.addListener((obs, old, size) -> {
            if (size == null || !TerminalOptions.validFontSize(size)) {
                fontSize.set(old);
                return;
            }
            save("the font size", () -> terminal.setFontSize(size));
        });
        scrollback.addListener((obs, old, text) -> scrollbackTyped(text));
        copyOnSelect.addListener((obs, old, copy) -> save("copy on select", () -> terminal.setCopyOnSelect(copy)));
        bell.addListener((obs, old, ring) -> {
            if (ring == null) {
                bell.set(old);
                return;
            }
            save("the bell", () -> terminal.setBell(ring));
        });
        autoLockMinutes.addListener((obs, old, minutes) -> {
            if (minutes == null || !AutoLock.validMinutes(minutes)) {
                autoLockMinutes.set(old);
                return;
            }
            save("the auto-lock time", () -> lock.setAutoLockMinutes(minutes));
        });
        hostKeyPolicy.addListener((obs, old, policy) -> {
            if (policy == null) {
                hostKeyPolicy.set(old);
                return;
            }
            save("the host-key policy", () -> connections.setDefaultHostKeyPolicy(policy));
        });
    }

    /** Light, dark, or follow the system. Saved when changed. */
    public ObjectProperty<ThemeMode> themeProperty() {
        return theme;
    }

    /** What the desktop prefers, as last asked (when "Follow the system" was chosen, or at start). */
    public ReadOnlyBooleanProperty systemDarkProperty() {
        return systemDark.getReadOnlyProperty();
    }

    /** Whether the window is dark now: the mode, and for "Follow the system" the desktop's preference. */
    public BooleanBinding darkProperty() {
        return dark;
    }

    /** The light/dark switch: the opposite of what shows now, as an explicit choice (no longer following the system). */
    public void toggleTheme() {
        theme.set(dark.get() ? ThemeMode.LIGHT : ThemeMode.DARK);
    }

    /** The terminal font family; "" for Keyport's own choice. Saved when changed. */
    public StringProperty fontFamilyProperty() {
        return fontFamily;
    }

    /** The monospace font families installed here, for the view to fill (it measures them). */
    public ObservableList<String> fontFamilies() {
        return fontFamilies;
    }

    /** The terminal font size in points ({@value TerminalOptions#MIN_FONT_SIZE} to {@value TerminalOptions#MAX_FONT_SIZE}). */
    public ObjectProperty<Integer> fontSizeProperty() {
        return fontSize;
    }

    /** The scrollback as typed (digits only: the view filters the rest); checked as typed, kept by {@link #commitScrollback()}. */
    public StringProperty scrollbackProperty() {
        return scrollback;
    }

    /** What is wrong with the typed scrollback, or "". */
    public ReadOnlyStringProperty scrollbackProblemProperty() {
        return scrollbackProblem.getReadOnlyProperty();
    }

    /** The scrollback new tabs keep: the last valid value committed. */
    public ReadOnlyIntegerProperty scrollbackLinesProperty() {
        return scrollbackLines.getReadOnlyProperty();
    }

    public BooleanProperty copyOnSelectProperty() {
        return copyOnSelect;
    }

    public ObjectProperty<TerminalBell> bellProperty() {
        return bell;
    }

    /** Minutes without activity before the vault locks; 0 never. */
    public ObjectProperty<Integer> autoLockMinutesProperty() {
        return autoLockMinutes;
    }

    /** What a new host (and a quick connect) does with a server key it does not know yet. */
    public ObjectProperty<HostKeyPolicy> hostKeyPolicyProperty() {
        return hostKeyPolicy;
    }

    /** A setting that could not be saved, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What a terminal tab opened now uses. */
    public TerminalOptions terminalOptions() {
        return terminalOptions.get();
    }

    /**
     * The terminal settings as they are now; changes whenever the person changes one (or zooms). Open
     * tabs follow it: font, bell and copy on select at once, the scrollback from their next Reconnect.
     */
    public ObservableObjectValue<TerminalOptions> terminalOptionsProperty() {
        return terminalOptions;
    }

    /**
     * Zoom (Ctrl+= / Ctrl+-): the terminal font size one point larger or smaller, within {@value
     * TerminalOptions#MIN_FONT_SIZE} to {@value TerminalOptions#MAX_FONT_SIZE}. Zoom is the Settings
     * font size itself, so it reaches every tab, shows on this page, and is saved like any setting.
     */
    public void zoom(int points) {
        int size = fontSize.get() + points;
        fontSize.set(Math.max(TerminalOptions.MIN_FONT_SIZE, Math.min(TerminalOptions.MAX_FONT_SIZE, size)));
    }

    /** Zoom back to Keyport's default size ({@value TerminalOptions#DEFAULT_FONT_SIZE} points; Ctrl+0). */
    public void zoomReset() {
        fontSize.set(TerminalOptions.DEFAULT_FONT_SIZE);
    }

    private void scrollbackTyped(String text) {
        scrollbackProblem.set(validateScrollback(text));
    }

    /**
     * The person finished typing the scrollback (Enter, leaving the field, an arrow of the spinner): a valid
     * value is what new tabs keep from now on, and is saved. Not on every keystroke, so typing 2500 does not
     * save 2, 25 and 250 on the way.
     */
    public void commitScrollback() {
        String text = scrollback.get();
        if (validateScrollback(text).isEmpty()) {
            int lines = Integer.parseInt(text.strip());
            if (lines != scrollbackLines.get()) {
                scrollbackLines.set(lines);
                save("the scrollback", () -> terminal.setScrollbackLines(lines));
            }
        }
    }

    static String validateScrollback(String text) {
        String t = text == null ? "" : text.strip();
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

    /** Completes once every change made so far is saved (or failed). For tests and an orderly close. */
    public synchronized CompletableFuture<Void> whenSaved() {
        return saves;
    }

    private void askTheDesktop() {
        CompletableFuture.supplyAsync(systemTheme::prefersDark, background)
                .thenAccept(prefersDark -> ui.execute(() -> systemDark.set(prefersDark)));
    }

    private synchronized void save(String what, Save save) {
        saves = saves.thenRunAsync(() -> {
            try {
                save.run();
                ui.execute(() -> problem.set(""));
            } catch (VaultException | RuntimeException e) {
                LOG.warn("Setting not saved: {}", e.getMessage());
                ui.execute(() -> problem.set("Keyport could not save " + what + " in the vault: " + e.getMessage()
                        + " It applies until Keyport closes; change it again to retry."));
            }
        }, background);
    }
}
