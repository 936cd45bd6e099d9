package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for text from outside, as the command line and the window both show it. */
class DisplayTextTest {

    @Test
    void controlAndBidiCharactersAreShownNotObeyed() {
        assertThat(DisplayText.line("\u001b]0;pwned\u0007title")).isEqualTo("\\e]0;pwned^Gtitle");
        assertThat(DisplayText.line("evil\u202Etxt.exe")).isEqualTo("evil\\u202Etxt.exe");
        assertThat(DisplayText.line("a\u2066b\u2069c\u200fd\u0085e\u007f")).isEqualTo("a\\u2066b\\u2069c\\u200Fd\\u0085e^?");
        assertThat(DisplayText.line("two\nlines\tand\rreturn")).isEqualTo("two\\nlines\\tand\\rreturn");
        assertThat(DisplayText.line("plain: naïve café 東京")).isEqualTo("plain: naïve café 東京");
        assertThat(DisplayText.line(null)).isEmpty();
    }

    @Test
    void textOverSeveralLinesKeepsItsLinesAndTabsOnly() {
        assertThat(DisplayText.lines("Welcome\r\n\tto db\n\u001b[2Jcleared?")).isEqualTo("Welcome\n\tto db\n\\e[2Jcleared?");
        assertThat(DisplayText.lines("lone\rreturn")).isEqualTo("lone\\rreturn");
    }
}
