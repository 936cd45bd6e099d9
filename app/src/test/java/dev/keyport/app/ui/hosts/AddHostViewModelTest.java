package dev.keyport.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.keyport.vault.HostAuth;

/** The New-host form without a window. */
class AddHostViewModelTest {

    private final AddHostViewModel model = new AddHostViewModel("alice", "/home/alice/.ssh/id_ed25519");

    @Test
    void eachMissingOrWrongFieldSaysWhatToDo() {
        assertThat(model.problemProperty().get()).isEqualTo("Enter the server's address.");
        model.addressProperty().set("db example");
        assertThat(model.problemProperty().get()).isEqualTo("The address cannot contain spaces.");
        model.addressProperty().set("db.example");
        model.portProperty().set("22x");
        assertThat(model.problemProperty().get()).isEqualTo("The port must be a number (usually 22).");
        model.portProperty().set("70000");
        assertThat(model.problemProperty().get()).isEqualTo("The port must be between 1 and 65535.");
        model.portProperty().set("2222");
        model.userProperty().set(" ");
        assertThat(model.problemProperty().get()).isEqualTo("Enter the user name to log in as.");
        model.userProperty().set("deploy");
        model.keyFileProperty().set("");
        assertThat(model.problemProperty().get()).isEqualTo("Choose a private key file, or log in with a password.");
        model.keyLoginProperty().set(false);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.result(new char[0])).isPresent();
    }

    @Test
    void theNameFollowsTheAddressUntilThePersonTypesOne() {
        model.addressProperty().set("db.example");
        assertThat(model.nameProperty().get()).isEqualTo("db.example");
        model.nameProperty().set("Production DB");
        model.addressProperty().set("db2.example");
        assertThat(model.nameProperty().get()).isEqualTo("Production DB");
    }

    @Test
    void aKeyLoginMakesAKeyFileHost() {
        model.addressProperty().set("db.example");
        AddHostViewModel.NewHost answer = model.result("ignored".toCharArray()).orElseThrow();
        assertThat(answer.host().auth()).isEqualTo(new HostAuth.KeyFile("/home/alice/.ssh/id_ed25519"));
        assertThat(answer.host().username()).isEqualTo("alice");
        assertThat(answer.host().port()).isEqualTo(22);
        assertThat(answer.password()).isNull();
    }

    @Test
    void aPasswordIsKeptOnlyWhenThePersonChoseToSaveIt() {
        model.addressProperty().set("db.example");
        model.keyLoginProperty().set(false);
        AddHostViewModel.NewHost saved = model.result("s3cret".toCharArray()).orElseThrow();
        assertThat(saved.host().auth()).isEqualTo(new HostAuth.SavedPassword());
        assertThat(saved.password()).containsExactly('s', '3', 'c', 'r', 'e', 't');
        assertThat(saved.toString()).doesNotContain("s3cret");

        model.savePasswordProperty().set(false);
        AddHostViewModel.NewHost asked = model.result("s3cret".toCharArray()).orElseThrow();
        assertThat(asked.host().auth()).isEqualTo(new HostAuth.Password());
        assertThat(asked.password()).isNull();

        model.savePasswordProperty().set(true);
        assertThat(model.result(new char[0]).orElseThrow().host().auth()).as("nothing typed: asked when connecting")
                .isEqualTo(new HostAuth.Password());
    }
}
