package dev.keyport.app.ui.shell;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.AppearancePreferences;
import dev.keyport.app.services.TerminalOptions;
import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.app.services.ThemeMode;
import dev.keyport.app.services.WindowPreferences;
import dev.keyport.app.testing.LocalServerApp;
import dev.keyport.app.ui.terminal.TerminalTabViewModel;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;
import dev.keyport.vault.Host;

/** The main window's state without a window: theme and scrollback are saved, terminals are closed with it. */
class MainWindowViewModelTest {

    @TempDir
    Path dir;
    private LocalServerApp app;
    private MainWindowViewModel model;

    @BeforeEach
    void start() throws Exception {
        app = LocalServerApp.start(dir, new ScriptedPrompter(HostKeyAnswer.CANCEL, null));
        model = new MainWindowViewModel(app.context, MainWindowViewModel.load(app.context, Optional.empty()), Runnable::run);
    }

    @AfterEach
    void stop() throws Exception {
        app.close();
    }

    @Test
    void theThemeSwitchIsSavedAndComesBackNextTime() {
        assertThat(model.darkProperty().get()).isFalse();
        model.toggleTheme();
        assertThat(model.darkProperty().get()).isTrue();
        AppearancePreferences saved = app.context.appearance();
        await("the dark theme to be saved", Duration.ofSeconds(10), saved::dark, () -> "light");
        assertThat(MainWindowViewModel.load(app.context, Optional.empty()).settings().theme()).isEqualTo(ThemeMode.DARK);
    }

    @Test
    void aNewScrollbackIsForNewTabsAndSavedButTheCommandLineWinsForOneRun() {
        model.changeScrollback(2_500);
        assertThat(model.scrollbackLinesProperty().get()).isEqualTo(2_500);
        TerminalPreferences saved = app.context.terminalPreferences();
        await("the scrollback to be saved", Duration.ofSeconds(10), () -> saved.scrollbackLines() == 2_500,
                () -> String.valueOf(saved.scrollbackLines()));
        assertThat(MainWindowViewModel.load(app.context, Optional.of(500)).settings().terminal().scrollbackLines()).isEqualTo(500);
    }

    @Test
    void aSettingThatCannotBeSavedSaysSoAndStillApplies() {
        app.context.vault().lock();
        model.toggleTheme();
        await("a notice", Duration.ofSeconds(10), () -> !model.noticeProperty().get().isEmpty(), () -> "no notice");
        assertThat(model.noticeProperty().get()).startsWith("Keyport could not save the theme in the vault: The vault is locked")
                .contains("It applies until Keyport closes");
        assertThat(model.darkProperty().get()).isTrue();
        model.dismissNotice();
        assertThat(model.noticeProperty().get()).isEmpty();
    }

    @Test
    void closingTheWindowClosesEveryTerminalsConnection() {
        for (int i = 0; i < 3; i++) {
            model.newTerminal(app.keyHost).connect(() -> new TerminalTabViewModel.Size(80, 24));
        }
        await("three shells", Duration.ofSeconds(20), () -> model.terminals().stream()
                .allMatch(t -> t.phaseProperty().get() == TerminalTabViewModel.Phase.OPEN), () -> model.terminals().toString());
        assertThat(app.server.openSessions()).isEqualTo(3);

        model.closeAll();

        assertThat(model.terminals()).isEmpty();
        await("every connection to close", Duration.ofSeconds(10), () -> app.server.openSessions() == 0,
                () -> app.server.openSessions() + " open");
    }

    @Test
    void twoTabsOnOneHostAreNumberedAndTheHostIsMarkedWhileATabIsOpen() {
        TerminalTabViewModel first = model.newTerminal(app.keyHost);
        TerminalTabViewModel second = model.newTerminal(app.keyHost);
        TerminalTabViewModel other = model.newTerminal(app.passwordHost);
        assertThat(List.of(first.title(), second.title(), other.title()))
                .containsExactly(app.keyHost.name(), app.keyHost.name() + " (2)", app.passwordHost.name());
        assertThat(model.hostsWithTabs()).containsExactlyInAnyOrder(app.keyHost.id(), app.passwordHost.id());

        model.closed(first);
        assertThat(model.hostsWithTabs()).as("a tab is still open on it").contains(app.keyHost.id());
        assertThat(model.newTerminal(app.keyHost).title()).as("the lowest free number").isEqualTo(app.keyHost.name());
        model.closed(other);
        assertThat(model.hostsWithTabs()).doesNotContain(app.passwordHost.id());
        model.closeAll();
        assertThat(model.hostsWithTabs()).isEmpty();
    }

    @Test
    void quickConnectOpensATabOnAnUnsavedHostAndSavesItOnlyWhenAsked() throws Exception {
        int before = app.context.hosts().list().size();
        TerminalTabViewModel terminal = model.quickConnect(" deploy@db.example:2222 ");
        assertThat(terminal.host().username()).isEqualTo("deploy");
        assertThat(terminal.host().address()).isEqualTo("db.example");
        assertThat(terminal.host().port()).isEqualTo(2222);
        assertThat(terminal.title()).isEqualTo("db.example:2222");
        assertThat(terminal.unsavedProperty().get()).isTrue();
        assertThat(model.quickConnect("web").host().username()).as("no user: this computer's user, as ssh does")
                .isEqualTo(System.getProperty("user.name"));
        assertThat(app.context.hosts().list()).hasSize(before);

        model.saveQuickHost(terminal);
        assertThat(terminal.unsavedProperty().get()).isFalse();
        await("the host to be saved", Duration.ofSeconds(10), () -> {
            try {
                return app.context.hosts().list().stream().anyMatch(h -> h.id().equals(terminal.host().id()));
            } catch (Exception e) {
                return false;
            }
        }, () -> "not saved");
    }

    @Test
    void quickConnectAndANewHostTakeTheHostKeyPolicyChosenInSettings() throws Exception {
        assertThat(model.quickConnect("deploy@db.example").host().details().hostKeyPolicy()).isEqualTo(dev.keyport.vault.HostKeyPolicy.ASK);
        model.settings().hostKeyPolicyProperty().set(dev.keyport.vault.HostKeyPolicy.ACCEPT_NEW);
        assertThat(model.quickConnect("deploy@db.example").host().details().hostKeyPolicy())
                .isEqualTo(dev.keyport.vault.HostKeyPolicy.ACCEPT_NEW);
        java.util.concurrent.atomic.AtomicReference<dev.keyport.app.ui.hosts.HostEditorViewModel> editor = new java.util.concurrent.atomic.AtomicReference<>();
        model.hosts().edit(null, editor::set);
        await("the editor", Duration.ofSeconds(10), () -> editor.get() != null, () -> "no editor");
        assertThat(editor.get().hostKeyPolicyProperty().get()).isEqualTo(dev.keyport.vault.HostKeyPolicy.ACCEPT_NEW);

        // saved: the next window (next run) starts with it too
        await("the setting to be saved", Duration.ofSeconds(10),
                () -> app.context.connectionPreferences().defaultHostKeyPolicy() == dev.keyport.vault.HostKeyPolicy.ACCEPT_NEW, () -> "not saved");
        MainWindowViewModel next = new MainWindowViewModel(app.context, MainWindowViewModel.load(app.context, Optional.empty()), Runnable::run);
        assertThat(next.quickConnect("web").host().details().hostKeyPolicy()).isEqualTo(dev.keyport.vault.HostKeyPolicy.ACCEPT_NEW);
        Host existing = Host.create("old", "old.example", 22, "me", new dev.keyport.vault.HostAuth.Password());
        next.hosts().edit(existing, editor::set);
        await("the editor", Duration.ofSeconds(10), () -> editor.get().nameProperty().get().equals("old"), () -> "no editor");
        assertThat(editor.get().hostKeyPolicyProperty().get()).as("a saved host keeps its own").isEqualTo(dev.keyport.vault.HostKeyPolicy.ASK);
    }

    @Test
    void quickConnectSaysWhatIsWrongWithWhatWasTyped() {
        assertThatThrownBy(() -> model.quickConnect("  ")).hasMessage("Type a destination: user@host or user@host:port");
        assertThatThrownBy(() -> model.quickConnect("deploy@db:99999")).hasMessage("Bad port in deploy@db:99999: 99999");
        assertThatThrownBy(() -> model.quickConnect("@db")).hasMessageStartingWith("Cannot read the destination @db");
        assertThat(model.terminals()).isEmpty();
    }

    @Test
    void zoomStaysWithinReadableSizesAndResetsToTheDefault() {
        assertThat(model.fontSizeProperty().get()).isEqualTo(TerminalOptions.DEFAULT_FONT_SIZE);
        model.zoomIn();
        assertThat(model.fontSizeProperty().get()).isEqualTo(TerminalOptions.DEFAULT_FONT_SIZE + 1);
        for (int i = 0; i < 100; i++) {
            model.zoomOut();
        }
        assertThat(model.fontSizeProperty().get()).isEqualTo(TerminalOptions.MIN_FONT_SIZE);
        for (int i = 0; i < 100; i++) {
            model.zoomIn();
        }
        assertThat(model.fontSizeProperty().get()).isEqualTo(TerminalOptions.MAX_FONT_SIZE);
        model.zoomReset();
        assertThat(model.fontSizeProperty().get()).isEqualTo(TerminalOptions.DEFAULT_FONT_SIZE);
    }

    @Test
    void zoomIsTheSettingsFontSizeAndSurvivesARestart() {
        model.settings().fontSizeProperty().set(18);
        model.zoomIn();
        model.zoomIn();
        assertThat(model.settings().fontSizeProperty().get()).as("the Settings page shows the zoomed size").isEqualTo(20);
        assertThat(model.settings().terminalOptions().fontSize()).as("what tabs draw with").isEqualTo(20);
        model.settings().whenSaved().join();
        MainWindowViewModel nextRun = new MainWindowViewModel(app.context, MainWindowViewModel.load(app.context, Optional.empty()),
                Runnable::run);
        assertThat(nextRun.fontSizeProperty().get()).as("the zoom after a restart").isEqualTo(20);
        nextRun.zoomReset();
        nextRun.settings().whenSaved().join();
        assertThat(app.context.terminalPreferences().options().fontSize()).isEqualTo(TerminalOptions.DEFAULT_FONT_SIZE);
    }

    @Test
    void aWidePageGivesWayToTheListThatWasBesideTheTerminals() {
        model.show(MainWindowViewModel.Section.TUNNELS);
        model.show(MainWindowViewModel.Section.KEYS);
        model.showTerminals();
        assertThat(model.sectionProperty().get()).isEqualTo(MainWindowViewModel.Section.TUNNELS);
        model.showTerminals();
        assertThat(model.sectionProperty().get()).as("already beside the terminals").isEqualTo(MainWindowViewModel.Section.TUNNELS);
        assertThat(java.util.Arrays.stream(MainWindowViewModel.Section.values()).filter(MainWindowViewModel.Section::wide))
                .containsExactly(MainWindowViewModel.Section.KEYS, MainWindowViewModel.Section.IDENTITIES,
                        MainWindowViewModel.Section.KNOWN_HOSTS, MainWindowViewModel.Section.SETTINGS);
    }

    @Test
    void theWindowsPlaceIsSavedAndComesBackNextTime() {
        WindowPreferences.Placement placement = new WindowPreferences.Placement(new WindowPreferences.Area(40, 50, 1000, 700), false);
        model.placementChanged(placement);
        await("the place to be saved", Duration.ofSeconds(10), () -> app.context.window().placement().isPresent(), () -> "nothing");
        assertThat(MainWindowViewModel.load(app.context, Optional.empty()).placement()).contains(placement);
    }
}
