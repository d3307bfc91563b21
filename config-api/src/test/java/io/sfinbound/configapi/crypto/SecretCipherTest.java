package io.sfinbound.configapi.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** AES-GCM secrets at rest. Plain JUnit: the cipher is a JDK-only class with no container needs. */
class SecretCipherTest {

    static final String K1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void shouldRoundTripAndNeverRepeatCiphertext() {
        SecretCipher c = SecretCipher.of(List.of(K1));
        String a = c.encrypt("s3cret", "connection/1/secrets");
        String b = c.encrypt("s3cret", "connection/1/secrets");
        assertThat(a).startsWith("v1:k1:").doesNotContain("s3cret").isNotEqualTo(b);
        assertThat(c.decrypt(a, "connection/1/secrets")).isEqualTo("s3cret");
    }

    @Test
    void shouldRefuseCiphertextMovedToAnotherRowOrTampered() {
        SecretCipher c = SecretCipher.of(List.of(K1));
        String a = c.encrypt("s3cret", "connection/1/secrets");
        assertThatThrownBy(() -> c.decrypt(a, "connection/2/secrets")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("s3cret");
        String prefix = a.substring(0, a.lastIndexOf(':') + 1);
        byte[] raw = Base64.getDecoder().decode(a.substring(prefix.length()));
        raw[raw.length / 2] ^= 0x01;
        String tampered = prefix + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> c.decrypt(tampered, "connection/1/secrets")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldDecryptWithOldKeyAfterRotationAndEncryptWithNewOne() {
        String old = SecretCipher.of(List.of(K1)).encrypt("s3cret", "x");
        SecretCipher rotated = SecretCipher.of(List.of(K2, K1));
        assertThat(rotated.needsRotation(old)).isTrue();
        assertThat(rotated.decrypt(old, "x")).isEqualTo("s3cret");
        String fresh = rotated.encrypt("s3cret", "x");
        assertThat(fresh).startsWith("v1:k2:");
        assertThat(rotated.needsRotation(fresh)).isFalse();
        assertThatThrownBy(() -> SecretCipher.of(List.of(K2)).decrypt(old, "x")).hasMessageContaining("unknown key id k1");
    }

    @Test
    void shouldRejectBadKeysWithoutEchoingThem() {
        assertThatThrownBy(() -> SecretCipher.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretCipher.of(List.of("nokey"))).hasMessageContaining("#1");
        assertThatThrownBy(() -> SecretCipher.of(List.of("k:" + Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretCipher.of(List.of(K1, K1))).hasMessageContaining("twice");
    }
}
