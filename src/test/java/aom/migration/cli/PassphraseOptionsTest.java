package aom.migration.cli;

import aom.migration.bundle.Passphrase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphraseOptionsTest {

    @TempDir
    Path dir;

    private final List<String> asked = new ArrayList<>();

    private PassphraseOptions options(String environment, String... typed) {
        PassphraseOptions options = new PassphraseOptions();
        options.environment = name -> PassphraseOptions.ENVIRONMENT.equals(name) ? environment : null;
        Deque<String> answers = new ArrayDeque<>(List.of(typed));
        options.prompt = text -> {
            asked.add(text);
            return Optional.ofNullable(answers.poll()).map(String::toCharArray);
        };
        return options;
    }

    @Test
    void theFileComesFirstThenTheEnvironmentThenThePrompt() throws IOException {
        PassphraseOptions options = options("from the environment", "typed", "typed");
        options.file = Files.writeString(dir.resolve("pass.txt"), "from the file\r\nsecond line");
        assertThat(options.toEncrypt().matches(Passphrase.of("from the file"))).isTrue();

        options.file = null;
        assertThat(options.toEncrypt().matches(Passphrase.of("from the environment"))).isTrue();

        PassphraseOptions prompted = options(null, "typed", "typed");
        assertThat(prompted.toEncrypt().matches(Passphrase.of("typed"))).isTrue();
        assertThat(asked).containsExactly("Passphrase for the bundle: ", "The same passphrase again: ");
    }

    @Test
    void twoDifferentAnswersOrNoneAreRefusedInOneSentence() {
        assertThatThrownBy(() -> options(null, "one", "two").toEncrypt()).isInstanceOf(UserError.class)
                .hasMessage("The two passphrases differ; nothing was exported");
        assertThatThrownBy(() -> options(null).toEncrypt()).isInstanceOf(UserError.class)
                .hasMessageStartingWith("--encrypt needs a passphrase: give it with --passphrase-file FILE or"
                        + " AOM_BUNDLE_PASSPHRASE");
        assertThatThrownBy(() -> options("").toEncrypt()).hasMessage("The passphrase is empty");
    }

    @Test
    void aPlainBundleNeedsNoneAndAnEncryptedOneIsAskedForOnce() throws IOException {
        Path plain = Files.write(dir.resolve("plain.aombundle"), new byte[] {'P', 'K', 3, 4});
        Path encrypted = Files.writeString(dir.resolve("secret.aombundle"), "age-encryption.org/v1\n-> scrypt");
        assertThat(options(null).toOpen(plain)).isNull();

        assertThat(options(null, "typed").toOpen(encrypted).matches(Passphrase.of("typed"))).isTrue();
        assertThat(asked).containsExactly("Passphrase of secret.aombundle: ");
        assertThatThrownBy(() -> options(null).toOpen(encrypted)).isInstanceOf(UserError.class)
                .hasMessage(encrypted + " is encrypted: give its passphrase with --passphrase-file FILE or"
                        + " AOM_BUNDLE_PASSPHRASE, or run the command in a terminal to be asked for it");
    }
}
