package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordStrengthTest {

    @Test
    void shortOrRepetitivePasswordsAreWeakAndLongMixedOnesStrong() {
        assertThat(PasswordStrength.of(new char[0])).isEqualTo(PasswordStrength.EMPTY);
        assertThat(PasswordStrength.of("password".toCharArray())).isEqualTo(PasswordStrength.WEAK);
        assertThat(PasswordStrength.of("aaaaaaaaaaaaaaaaaaaa".toCharArray())).isEqualTo(PasswordStrength.WEAK);
        assertThat(PasswordStrength.of("Tr0ub4dor&3x".toCharArray())).isEqualTo(PasswordStrength.FAIR);
        assertThat(PasswordStrength.of("correct horse battery staple".toCharArray())).isEqualTo(PasswordStrength.STRONG);
        assertThat(PasswordStrength.WEAK.hint()).contains("12 or more characters");
    }
}
