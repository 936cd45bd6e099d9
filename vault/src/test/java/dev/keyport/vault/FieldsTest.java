package dev.keyport.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** What a person may store: one rule set for the command line, the window and imports. */
class FieldsTest {

    private static final HostAuth PASSWORD = new HostAuth.Password();

    @Test
    void controlCharactersInNamesAreRefusedWithAMessage() {
        String titleSetter = "web\u001b]0;pwned\u0007";
        assertThatThrownBy(() -> Host.create(titleSetter, "web.example", 22, "deploy", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Name cannot contain control characters such as a newline or an escape (found U+001B)");
        assertThatThrownBy(() -> Host.create("two\nlines", "web.example", 22, "deploy", PASSWORD)).hasMessageContaining("U+000A");
        assertThatThrownBy(() -> HostGroup.create("g\u009b2J", null)).hasMessageStartingWith("Group name cannot contain control");
        assertThatThrownBy(() -> Identity.create("id\r", "deploy", null)).hasMessageStartingWith("Identity name cannot contain control");
        // right-to-left override makes a name read differently from what it is
        assertThat(Fields.checkName("Name", "abc\u202edef")).isPresent();
    }

    @Test
    void lengthsAreCheckedBeforeTheDatabaseWithTheLimitInTheMessage() {
        String longName = "n".repeat(10_000);
        assertThatThrownBy(() -> Host.create(longName, "web.example", 22, "deploy", PASSWORD))
                .hasMessage("Name is too long (10000 characters; the limit is 200)");
        assertThat(Fields.checkAddress("a".repeat(256))).contains("Address is too long (256 characters; the limit is 255)");
        assertThat(Fields.checkName("Name", "n".repeat(200))).isEmpty();
    }

    @Test
    void usersAreOneWordAndAddressesAreHostNamesOrIps() {
        assertThat(Fields.checkUser("bad user")).contains("User must be one word; it cannot contain 'U+0020'");
        assertThat(Fields.checkUser("a;rm")).contains("User must be one word; it cannot contain ';'");
        assertThat(Fields.checkUser("-oProxyCommand=x")).contains("User must not start with '-'");
        assertThat(Fields.checkUser("me@corp.example")).isEmpty();
        assertThat(Fields.checkAddress("@h11")).contains("Address must be a host name or an IP address; it cannot contain '@'");
        assertThat(Fields.checkAddress("[::1]")).isEmpty();
        assertThat(Fields.checkAddress("[::1]:22")).contains("Address must be a host name or an IP address; it cannot contain '['");
        assertThat(Fields.checkAddress("fe80::1%eth0")).isEmpty();
        assertThat(Fields.checkAddress("db-1.internal.example")).isEmpty();
        assertThat(Fields.checkAddress("10.0.0.7")).isEmpty();
    }

    @Test
    void tagsAndNotes() {
        assertThatThrownBy(() -> HostDetails.NONE.withTags(List.of("a,b"))).hasMessage("A tag cannot contain a comma: 'a,b'");
        assertThatThrownBy(() -> HostDetails.NONE.withTags(List.of(" "))).hasMessage("A tag must not be empty");
        assertThat(Fields.checkNotes("line one\n\tline two")).isEmpty();
        assertThat(Fields.checkNotes("bell\u0007")).contains("Notes cannot contain control characters (found U+0007)");
        assertThatThrownBy(() -> new HostDetails(Optional.empty(), Optional.empty(), List.of(), List.of(), 0, HostKeyPolicy.ASK,
                false, "x\u001b[2J")).hasMessageContaining("Notes cannot contain control characters");
        assertThat(new Host(UUID.randomUUID(), " web ", " web.example ", 22, " deploy ", PASSWORD).name()).isEqualTo("web");
    }
}
