package aom.migration.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashTest {

    @Test
    void hashHasTheApiOmatFormatAndVerifies() {
        String stored = PasswordHash.hash("secret", 1000);
        assertThat(stored).matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
        assertThat(PasswordHash.matches("secret", stored)).isTrue();
        assertThat(PasswordHash.matches("Secret", stored)).isFalse();
        assertThat(PasswordHash.iterationsOf(stored)).isEqualTo(1000);
    }

    @Test
    void foreignOrBrokenHashesNeverMatch() {
        assertThat(PasswordHash.matches("secret", "bcrypt$2a$10$abc")).isFalse();
        assertThat(PasswordHash.matches("secret", "pbkdf2-sha256$x$y$z")).isFalse();
        assertThat(PasswordHash.matches("secret", null)).isFalse();
        assertThat(PasswordHash.iterationsOf("garbage")).isEqualTo(PasswordHash.DEFAULT_ITERATIONS);
    }
}
