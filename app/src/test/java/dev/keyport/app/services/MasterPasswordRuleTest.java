package dev.keyport.app.services;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MasterPasswordRuleTest {

    @Test
    void belowTheFloorIsRefusedWeakNeedsConfirmationLongIsAccepted() {
        assertThat(MasterPasswordRule.check("x".toCharArray())).isEqualTo(MasterPasswordRule.Verdict.TOO_SHORT);
        assertThat(MasterPasswordRule.check("Ab1!xyz".toCharArray())).as("7 characters, however varied").isEqualTo(MasterPasswordRule.Verdict.TOO_SHORT);
        assertThat(MasterPasswordRule.check("password".toCharArray())).isEqualTo(MasterPasswordRule.Verdict.WEAK);
        assertThat(MasterPasswordRule.check("Tr0ub4dor&3x".toCharArray())).isEqualTo(MasterPasswordRule.Verdict.ACCEPTED);
        assertThat(MasterPasswordRule.check("correct horse battery staple".toCharArray())).isEqualTo(MasterPasswordRule.Verdict.ACCEPTED);
        assertThat(MasterPasswordRule.ADVICE).contains("12 or more characters");
    }
}
