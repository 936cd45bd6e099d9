package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code [user@]host[:port]} as {@code keyport ssh}, {@code -J} and {@code keyport host add} read it. */
class DestinationTest {

    @Test
    void aTargetIsDisplayedAsItIsTypedWithIpv6InBrackets() {
        assertThat(Destination.display("u", "::1", 2222, true)).isEqualTo("u@[::1]:2222");
        assertThat(Destination.display("u", "db.internal", 22, false)).isEqualTo("u@db.internal");
        assertThat(Destination.display("u", "db.internal", 22, true)).isEqualTo("u@db.internal:22");
        assertThat(Destination.parse(Destination.display("u", "fe80::1", 2200, true)))
                .isEqualTo(new Destination(Optional.of("u"), "fe80::1", Optional.of(2200)));
    }

    @Test
    void aBareHostHasNoUserAndNoPort() {
        assertThat(Destination.parse("db.internal")).isEqualTo(new Destination(Optional.empty(), "db.internal", Optional.empty()));
    }

    @Test
    void userAndPortAreRead() {
        assertThat(Destination.parse("deploy@db.internal:2222"))
                .isEqualTo(new Destination(Optional.of("deploy"), "db.internal", Optional.of(2222)));
        assertThat(Destination.parse(" deploy@db.internal ")).isEqualTo(new Destination(Optional.of("deploy"), "db.internal", Optional.empty()));
        assertThat(Destination.parse("10.0.0.7:22").port()).contains(22);
    }

    @Test
    void theLastAtSignEndsTheUser() {
        assertThat(Destination.parse("me@corp@bastion").user()).contains("me@corp");
        assertThat(Destination.parse("me@corp@bastion").host()).isEqualTo("bastion");
    }

    @Test
    void ipv6AddressesGoInBrackets() {
        assertThat(Destination.parse("[::1]:2222")).isEqualTo(new Destination(Optional.empty(), "::1", Optional.of(2222)));
        assertThat(Destination.parse("root@[fe80::1%eth0]")).isEqualTo(new Destination(Optional.of("root"), "fe80::1%eth0", Optional.empty()));
        // without brackets, several colons are all address
        assertThat(Destination.parse("fe80::1")).isEqualTo(new Destination(Optional.empty(), "fe80::1", Optional.empty()));
    }

    @Test
    void aBadPortIsRefused() {
        assertThatThrownBy(() -> Destination.parse("db:ssh")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Bad port in db:ssh: ssh");
        assertThatThrownBy(() -> Destination.parse("db:0")).hasMessage("Bad port in db:0: 0");
        assertThatThrownBy(() -> Destination.parse("db:65536")).hasMessage("Bad port in db:65536: 65536");
        assertThatThrownBy(() -> Destination.parse("[::1]:x")).hasMessage("Bad port in [::1]:x: x");
        assertThat(Destination.parse("db:65535").port()).contains(65535);
    }

    @Test
    void aMissingBracketOrTrailingTextIsRefused() {
        assertThatThrownBy(() -> Destination.parse("[::1:22")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Missing ']' in [::1:22");
        assertThatThrownBy(() -> Destination.parse("[::1]22")).hasMessage("Cannot read the destination [::1]22");
    }

    @Test
    void anEmptyHostOrUserIsRefused() {
        for (String text : new String[] {"", "  ", "deploy@", "deploy@:22", "[]:22", "@db.internal"}) {
            assertThatThrownBy(() -> Destination.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected [user@]host[:port]");
        }
    }

    @Test
    void aUserWithASpaceOrAControlCharacterIsRefused() {
        assertThatThrownBy(() -> Destination.parse("bad user@h10")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("User must be one word; it cannot contain 'U+0020'");
        assertThatThrownBy(() -> Destination.parse("u\u001b]0;pwned\u0007@h")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> Destination.parse("db internal")).hasMessageContaining("Address must be a host name or an IP address");
    }
}
