package dev.keyport.terminal.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ForwardSpecTest {

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of('L', "5432:db.internal:5432", new ForwardSpec.Local("127.0.0.1", 5432, "db.internal", 5432)),
                Arguments.of('L', "0.0.0.0:8080:web:80", new ForwardSpec.Local("0.0.0.0", 8080, "web", 80)),
                Arguments.of('L', "localhost:8080:10.0.0.5:80", new ForwardSpec.Local("localhost", 8080, "10.0.0.5", 80)),
                Arguments.of('L', "*:8080:web:80", new ForwardSpec.Local("*", 8080, "web", 80)),
                Arguments.of('L', ":8080:web:80", new ForwardSpec.Local("*", 8080, "web", 80)),
                Arguments.of('L', "[::1]:8080:[fe80::1]:80", new ForwardSpec.Local("::1", 8080, "fe80::1", 80)),
                Arguments.of('L', "8080:[2001:db8::5]:443", new ForwardSpec.Local("127.0.0.1", 8080, "2001:db8::5", 443)),
                Arguments.of('L', "0:db:5432", new ForwardSpec.Local("127.0.0.1", 0, "db", 5432)),
                Arguments.of('l', " 5432:db:5432 ", new ForwardSpec.Local("127.0.0.1", 5432, "db", 5432)),
                Arguments.of('R', "8080:localhost:3000", new ForwardSpec.Remote("127.0.0.1", 8080, "localhost", 3000)),
                Arguments.of('R', "0.0.0.0:2222:127.0.0.1:22", new ForwardSpec.Remote("0.0.0.0", 2222, "127.0.0.1", 22)),
                Arguments.of('R', "[::]:9000:[::1]:9000", new ForwardSpec.Remote("::", 9000, "::1", 9000)),
                Arguments.of('R', "0:localhost:3000", new ForwardSpec.Remote("127.0.0.1", 0, "localhost", 3000)),
                Arguments.of('D', "1080", new ForwardSpec.Dynamic("127.0.0.1", 1080)),
                Arguments.of('D', "0.0.0.0:1080", new ForwardSpec.Dynamic("0.0.0.0", 1080)),
                Arguments.of('D', "[::1]:1080", new ForwardSpec.Dynamic("::1", 1080)),
                Arguments.of('D', "*:1080", new ForwardSpec.Dynamic("*", 1080)),
                Arguments.of('D', "0", new ForwardSpec.Dynamic("127.0.0.1", 0)));
    }

    @ParameterizedTest(name = "-{0} {1}")
    @MethodSource("forms")
    void everyOpenSshFormParsesAndRoundTrips(char kind, String text, ForwardSpec expected) {
        ForwardSpec spec = ForwardSpec.parse(kind, text);
        assertThat(spec).isEqualTo(expected);
        assertThat(spec.kind()).isEqualTo(Character.toUpperCase(kind));
        assertThat(ForwardSpec.parse(spec.kind(), spec.text())).isEqualTo(spec);
        assertThat(spec.toOpenSsh()).isEqualTo("-" + spec.kind() + " " + spec.text());
    }

    @Test
    void textAlwaysNamesTheBindAddressAndBracketsIpv6() {
        assertThat(ForwardSpec.parse('L', "5432:db.internal:5432").toOpenSsh()).isEqualTo("-L 127.0.0.1:5432:db.internal:5432");
        assertThat(ForwardSpec.parse('L', "[::1]:8080:[fe80::1]:80").text()).isEqualTo("[::1]:8080:[fe80::1]:80");
        assertThat(ForwardSpec.parse('D', "1080").toOpenSsh()).isEqualTo("-D 127.0.0.1:1080");
        assertThat(ForwardSpec.parse('R', ":80:web:80").toOpenSsh()).isEqualTo("-R *:80:web:80");
        assertThat(new ForwardSpec.Local(null, 1, "h", 2).bindAddress()).isEqualTo("127.0.0.1");
    }

    @Test
    void loopbackOnlyKnowsTheLoopbackAddresses() {
        for (String bind : new String[] {"127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
            assertThat(new ForwardSpec.Dynamic(bind, 1080).loopbackOnly()).as(bind).isTrue();
        }
        for (String bind : new String[] {"*", "0.0.0.0", "::", "192.168.1.10", "10.0.0.1", "128.0.0.1", "127.0.0.256", "example.com", "fe80::1"}) {
            assertThat(new ForwardSpec.Dynamic(bind, 1080).loopbackOnly()).as(bind).isFalse();
        }
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of('L', "", "The -L forward is empty: expected [bind_address:]port:host:hostport"),
                Arguments.of('L', "5432", "Bad -L forward \"5432\": expected [bind_address:]port:host:hostport"),
                Arguments.of('L', "5432:db", "Bad -L forward \"5432:db\": expected [bind_address:]port:host:hostport"),
                Arguments.of('L', "abc:db:5432", "Bad -L forward \"abc:db:5432\": the local port \"abc\" is not a number from 0 to 65535"),
                Arguments.of('L', "70000:db:5432", "Bad -L forward \"70000:db:5432\": the local port 70000 is above 65535"),
                Arguments.of('L', "5432:db:x", "Bad -L forward \"5432:db:x\": the target port \"x\" is not a number from 0 to 65535"),
                Arguments.of('L', "5432:db:0", "Bad -L forward \"5432:db:0\": the target port must be from 1 to 65535, not 0"),
                Arguments.of('L', "5432::5432", "Bad -L forward \"5432::5432\": the target host is empty"),
                Arguments.of('L', "5432:db:", "Bad -L forward \"5432:db:\": the target port is missing"),
                Arguments.of('L', "::1:8080:db:80", "Bad -L forward \"::1:8080:db:80\": expected [bind_address:]port:host:hostport"
                        + " (an IPv6 address goes in brackets: [::1]:8080:[fe80::1]:80)"),
                Arguments.of('L', "[::1:8080:db:80", "Bad -L forward \"[::1:8080:db:80\": \"[::1:8080:db:80\" has no closing bracket"),
                Arguments.of('L', "[::1]8080:db:80", "Bad -L forward \"[::1]8080:db:80\": expected ':' after \"[::1]\""),
                Arguments.of('L', "a b:8080:db:80", "Bad -L forward \"a b:8080:db:80\": the bind address \"a b\" contains a space"),
                Arguments.of('R', "-1:db:80", "Bad -R forward \"-1:db:80\": the remote port \"-1\" is not a number from 0 to 65535"),
                Arguments.of('D', "socks", "Bad -D forward \"socks\": the port \"socks\" is not a number from 0 to 65535"),
                Arguments.of('D', "1:2:3", "Bad -D forward \"1:2:3\": expected [bind_address:]port"
                        + " (an IPv6 address goes in brackets: [::1]:1080)"),
                Arguments.of('X', "1080", "Unknown kind of forward 'X': use L (local), R (remote) or D (dynamic, SOCKS)"));
    }

    @ParameterizedTest(name = "-{0} \"{1}\"")
    @MethodSource("badInput")
    void badInputIsRefusedWithAMessageNamingTheBadPart(char kind, String text, String message) {
        assertThatThrownBy(() -> ForwardSpec.parse(kind, text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void recordsCheckTheirOwnValues() {
        assertThatThrownBy(() -> new ForwardSpec.Local("127.0.0.1", 70000, "db", 1)).hasMessageContaining("70000");
        assertThatThrownBy(() -> new ForwardSpec.Remote("127.0.0.1", 80, " ", 1)).hasMessageContaining("target host is empty");
        assertThatThrownBy(() -> new ForwardSpec.Local("127.0.0.1", 80, "db", 0)).hasMessageContaining("target port 0");
    }
}
