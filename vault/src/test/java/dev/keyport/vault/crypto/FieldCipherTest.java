package dev.keyport.vault.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private final FieldCipher cipher = new FieldCipher(new byte[32]);

    @Test
    void aFieldDecryptsOnlyForItsOwnRecordAndFieldName() throws Exception {
        UUID record = UUID.randomUUID();
        byte[] sealed = cipher.encrypt("secret".getBytes(StandardCharsets.UTF_8), record, "host.password");
        assertThat(new String(cipher.decrypt(sealed, record, "host.password"), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThatThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID(), "host.password"))
                .hasMessageContaining("does not belong there");
        assertThatThrownBy(() -> cipher.decrypt(sealed, record, "identity.password"))
                .hasMessageContaining("does not belong there");
    }

    @Test
    void aChangedCiphertextIsRejectedAndTheSameValueEncryptsDifferentlyEachTime() throws Exception {
        UUID record = UUID.randomUUID();
        byte[] a = cipher.encryptChars("pw".toCharArray(), record, "f");
        byte[] b = cipher.encryptChars("pw".toCharArray(), record, "f");
        assertThat(a).isNotEqualTo(b);
        a[a.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(a, record, "f")).hasMessageContaining("changed outside Keyport");
    }

    @Test
    void aWipedCipherSaysTheVaultIsLocked() {
        FieldCipher wiped = new FieldCipher(new byte[32]);
        wiped.wipe();
        assertThatThrownBy(() -> wiped.encrypt(new byte[1], UUID.randomUUID(), "f")).hasMessageContaining("locked");
        assertThat(wiped.toString()).doesNotContain("0000");
    }
}
