package dev.keyport.app.ui.prompts;

import dev.keyport.app.ui.KeyportHarness;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import dev.keyport.terminal.UserPrompter.Prompt;

/** Keyboard-interactive questions asked from an SSH thread appear in one dialog and come back in order. */
@ExtendWith(ApplicationExtension.class)
class PromptsDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        KeyportHarness.showDialogOwner(stage);
    }

    @Test
    void hiddenAndShownQuestionsAreAnsweredInOrder(FxRobot robot) throws Exception {
        FxUserPrompter prompter = new FxUserPrompter(() -> stage);
        CompletableFuture<Optional<List<char[]>>> answers = CompletableFuture.supplyAsync(() -> prompter.answerPrompts(
                "Two-step login", "Use your authenticator app.", List.of(new Prompt("Password: ", false), new Prompt("Code: ", true))));

        Node password = KeyportHarness.awaitShowing(robot, "#prompt-field-0");
        Node code = robot.lookup("#prompt-field-1").query();
        assertThat(password).isInstanceOf(PasswordField.class);
        assertThat(code).isInstanceOf(TextField.class).isNotInstanceOf(PasswordField.class);
        robot.clickOn(password).write("s3cret");
        robot.clickOn(code).write("424242").type(KeyCode.ENTER);

        List<char[]> got = answers.get(20, TimeUnit.SECONDS).orElseThrow();
        assertThat(got).extracting(String::new).containsExactly("s3cret", "424242");
    }

    @Test
    void whatTheServerAsksIsShownWithItsControlCharactersVisible(FxRobot robot) throws Exception {
        FxUserPrompter prompter = new FxUserPrompter(() -> stage);
        CompletableFuture<Optional<List<char[]>>> answers = CompletableFuture.supplyAsync(() -> prompter.answerPrompts(
                "\u001b]0;owned\u0007Login", "Line one\n\u001b[2JLine two \u202Egnp.exe",
                List.of(new Prompt("Code\u001b[8m: ", true))));

        Node field = KeyportHarness.awaitShowing(robot, "#prompt-field-0");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Line one\n\\e[2JLine two \\u202Egnp.exe");
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class)).extracting(javafx.scene.control.Label::getText)
                .contains("Code\\e[8m:");
        assertThat(((Stage) pane.getScene().getWindow()).getTitle()).isEqualTo("\\e]0;owned^GLogin");
        robot.clickOn(field).write("1").type(KeyCode.ENTER);
        assertThat(answers.get(20, TimeUnit.SECONDS)).isPresent();
    }
}
