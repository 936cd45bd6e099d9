package dev.keyport.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Settings form without a window: what it says about a typed scrollback, and what it keeps. */
class SettingsViewModelTest {

    @Test
    void startsWithTheCurrentValueAndAcceptsAnythingFromZeroToOneHundredThousand() {
        SettingsViewModel model = new SettingsViewModel(10_000);
        assertThat(model.scrollbackProperty().get()).isEqualTo("10000");
        assertThat(model.problemProperty().get()).isEmpty();
        model.scrollbackProperty().set("0");
        assertThat(model.scrollbackLines()).contains(0);
        model.scrollbackProperty().set(" 100000 ");
        assertThat(model.scrollbackLines()).contains(100_000);
    }

    @Test
    void tooManyLinesOrNothingTypedSayWhyAndKeepNothing() {
        SettingsViewModel model = new SettingsViewModel(10_000);
        model.scrollbackProperty().set("250000");
        assertThat(model.problemProperty().get()).startsWith("At most 100,000 lines");
        assertThat(model.scrollbackLines()).isEmpty();
        model.scrollbackProperty().set("");
        assertThat(model.problemProperty().get()).isEqualTo("Enter a number of lines.");
        assertThat(model.scrollbackLines()).isEmpty();
    }
}
