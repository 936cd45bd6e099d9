package dev.keyport.app.ui.shell;

import static dev.keyport.app.testing.LocalServerApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.keyport.app.services.AppearancePreferences;
import dev.keyport.app.services.TerminalPreferences;
import dev.keyport.app.services.ThemeMode;
import dev.keyport.app.testing.LocalServerApp;
import dev.keyport.app.ui.terminal.TerminalTabViewModel;
import dev.keyport.terminal.UserPrompter.HostKeyAnswer;
import dev.keyport.terminal.testing.ScriptedPrompter;

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
}
